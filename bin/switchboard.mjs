#!/usr/bin/env node
// The command-line runner (`npx switchboard test flow.json`): TypeScript sources run through tsx,
// the loader `npm start` uses, so the runner and the app share one engine with no build step.
import { register } from 'tsx/esm/api';

// Piped into `head` and the like: a closed pipe ends the run quietly.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  else throw e;
});
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
