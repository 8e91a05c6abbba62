#!/usr/bin/env node
// The command-line runner (`npx switchboard test flow.json`): TypeScript sources run through tsx,
// the loader `npm start` uses, so the runner and the app share one engine with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
