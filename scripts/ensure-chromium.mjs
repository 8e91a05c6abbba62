// Browser tests and benchmarks run in Debian's Chromium: Playwright cannot download its own
// browser here (no network beyond the package registries). Installs it when missing and root.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);

if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH points at ${wanted}, which does not exist.`);
  process.exit(1);
}
if (process.getuid?.() !== 0) {
  console.error(
    'Chromium is not installed at /usr/bin/chromium. Install it (Debian: `sudo apt-get install -y chromium`) ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary, then run the tests again.',
  );
  process.exit(1);
}
console.log('Installing Debian’s chromium for the browser tests (one time)…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
