import { parseArgs } from 'node:util';
import { runTests } from './runTests';

const USAGE = `Usage: switchboard test <flow.json> [tests.yaml…] [--junit out.xml] [--json] [--live]

Runs a flow's saved tests (or the tests in the given YAML/JSON files) on the call engine.
API Request blocks answer with their mocks and faults, or replay their last test response;
--live sends real requests for blocks a test does not mock, under the proxy's destination rules
(SWITCHBOARD_MODE=hosted, PROXY_ALLOW).

Exit codes: 0 all passed, 1 a test failed, 2 the flow or a test file cannot be used.`;

/** `switchboard <command>`: the bin of package.json runs this. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        junit: { type: 'string' },
        json: { type: 'boolean', default: false },
        live: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, flowPath, ...testPaths] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(USAGE);
    return command || parsed.values.help ? 0 : 2;
  }
  if (command !== 'test' || !flowPath) {
    console.error(USAGE);
    return 2;
  }
  return runTests(
    { flowPath, testPaths, json: parsed.values.json, live: parsed.values.live, ...(parsed.values.junit ? { junit: parsed.values.junit } : {}) },
    { log: (l) => console.log(l), error: (l) => console.error(l), color: !!process.stdout.isTTY && !process.env.NO_COLOR },
  );
}
