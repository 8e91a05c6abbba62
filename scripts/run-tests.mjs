// `npm test`: lint, typecheck, unit tests (Vitest) and browser tests (Playwright), then one line
// "N passed, N failed" summing every suite (lint and typecheck count as one check each).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = '.reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
let passed = 0;
let failed = 0;

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(title, command, args) {
  if (run(title, command, args)) passed++;
  else failed++;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

check('Lint', 'npm', ['run', '--silent', 'lint']);
check('Typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);

const unitOk = run('Unit tests (Vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/unit.json`]);
const unit = readJson(`${reports}/unit.json`);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  if (!unitOk && unit.numFailedTests === 0) failed++; // a suite that failed to load
} else failed++;

const browserReady =
  run('Chromium', 'node', ['scripts/ensure-chromium.mjs']) &&
  run('Build', 'npx', ['vite', 'build', '--logLevel', 'warn']) &&
  run('Build the server', 'npx', ['vite', 'build', '-c', 'vite.server.config.ts']);
if (browserReady) {
  const e2eOk = run('Browser tests (Playwright)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: `${reports}/e2e.json`,
  });
  const e2e = readJson(`${reports}/e2e.json`);
  if (e2e?.stats) {
    passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
    failed += e2e.stats.unexpected;
    if (!e2eOk && e2e.stats.unexpected === 0) failed++;
  } else failed++;
} else failed++;

if (!existsSync(`${reports}/e2e.json`)) console.log('(browser tests did not run)');
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
