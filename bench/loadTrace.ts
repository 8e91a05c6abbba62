// `npx tsx bench/loadTrace.ts [n]` (APP_DIST / BASE_DIST=dir trace other builds; MIN=ms the shortest task
// shown, default 3): a devtools trace of one fresh load of the app and of the bare React Flow page, each
// until its blocks are measured and shown, with the main thread's tasks in order (and the longest steps
// inside each) and when each file arrived. A tool for finding what comes before the first render.
import { chromium, type Page } from '@playwright/test';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchFlowDocument } from './benchFlow';
import { serveDist } from './serveDist';
import { loadUntilReady, readyProbe } from './measure';

const root = fileURLToPath(new URL('..', import.meta.url));
const n = Number(process.argv[2] ?? 100);
const shortest = Number(process.env.MIN ?? 3);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; type?: string; functionName?: string } };
}

async function open(page: Page, url: string, app: boolean) {
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript(readyProbe);
  if (app) await page.addInitScript((doc) => ((window as unknown as { __SWITCHBOARD_BOOT__: unknown }).__SWITCHBOARD_BOOT__ = doc), benchFlowDocument(n));
  return loadUntilReady(page, app ? url : `${url}?n=${n}${n >= 200 ? '&virtual' : ''}`);
}

const label = (e: TraceEvent) => [e.name, e.args?.data?.url?.split('/').pop(), e.args?.data?.type, e.args?.data?.functionName].filter(Boolean).join(' ');

/** The renderer's main thread that loaded the page: of the threads that parsed HTML, the busiest. */
function mainThread(events: TraceEvent[]) {
  const busy = new Map<string, number>();
  for (const t of events.filter((e) => e.name === 'ParseHTML')) busy.set(`${t.pid}:${t.tid}`, 0);
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.dur && busy.has(key)) busy.set(key, busy.get(key)! + e.dur);
  }
  const [key] = [...busy].sort((a, b) => b[1] - a[1])[0]!;
  return events.filter((e) => `${e.pid}:${e.tid}` === key);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu'],
});
for (const app of [true, false]) {
  const { server, url } = await serveDist(app ? (process.env.APP_DIST ?? join(root, 'dist')) : (process.env.BASE_DIST ?? join(root, 'bench/out/baseline')));
  // One untraced load first: the files come from the server's compressed cache the second time, as in the bench.
  for (const traced of [false, true]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    if (traced)
      await cdp.send('Tracing.start', {
        categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8.execute,loading',
        transferMode: 'ReportEvents',
      });
    const readyMs = await open(page, url, app);
    if (!traced) {
      await context.close();
      continue;
    }
    await cdp.send('Tracing.end');
    await done;
    const files = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => {
        const t = r as PerformanceResourceTiming;
        return `${t.name.split('/').pop()} asked ${t.startTime.toFixed(0)} arrived ${t.responseEnd.toFixed(0)} ms`;
      }),
    );
    const main = mainThread(events);
    // The navigation that loaded this page: the last one to start before its HTML was parsed.
    const parsed = main.find((e) => e.name === 'ParseHTML')!;
    const t0 = Math.max(...events.filter((e) => e.name === 'navigationStart' && e.pid === parsed.pid && e.ts <= parsed.ts).map((e) => e.ts), 0) || parsed.ts;
    const at = (e: TraceEvent) => ((e.ts - t0) / 1000).toFixed(0).padStart(6);
    const ms = (e: TraceEvent) => (e.dur! / 1000).toFixed(1).padStart(7);
    console.log(`\n== ${app ? 'app' : 'bare page'}, ${n} blocks: ready at ${readyMs.toFixed(0)} ms (start, duration, task)`);
    const spans = main.filter((e) => e.ph === 'X' && e.dur).sort((a, b) => a.ts - b.ts);
    // Top-level tasks are the spans no earlier span contains; their steps, the spans directly inside.
    let end = -1;
    for (const task of spans) {
      if (task.ts < end) continue;
      end = task.ts + task.dur!;
      if ((task.ts - t0) / 1000 > readyMs || task.dur! / 1000 < shortest) continue;
      console.log(at(task), ms(task), label(task));
      let stepEnd = -1;
      for (const step of spans) {
        if (step === task || step.ts < task.ts || step.ts + step.dur! > end || step.ts < stepEnd) continue;
        stepEnd = step.ts + step.dur!;
        if (step.dur! / 1000 >= 2) console.log('      ', at(step), ms(step), label(step));
      }
    }
    console.log(files.map((f) => `  ${f}`).join('\n'));
    await context.close();
  }
  server.close();
}
await browser.close();
