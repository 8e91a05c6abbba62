// `npx tsx bench/profile.ts [n] [drag|pan]` (INPUT=steady for a real mouse's pace, see MouseInput; APP_DIST / BASE_DIST=dir profile other builds of the app / the bare page): a CPU profile of a throttled drag (or pan) in the app and in the
// bare React Flow page, summed by function, side by side. A tool for finding per-frame cost.
import { chromium, type Page } from '@playwright/test';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchFlowDocument } from './benchFlow';
import { serveDist } from './serveDist';
import { blockDragRate, loadUntilReady, panRate, readyProbe, type MouseInput } from './measure';

const root = fileURLToPath(new URL('..', import.meta.url));
const n = Number(process.argv[2] ?? 100);
const what = process.argv[3] ?? 'drag';
const input = (process.env.INPUT ?? 'serial') as MouseInput;

/** A devtools trace of the gesture, its top-level main-thread events summed by name (phases). */
async function profile(page: Page) {
  const gesture = (ms: number) => (what === 'drag' ? blockDragRate(page, ms, input) : panRate(page, ms, input));
  // Warmed first, unthrottled, as the bench's throttled rows are: measured cold, a 1000-block drag
  // read 2.3 moves/s against 24 warm (the JavaScript still interpreted).
  for (let i = 0; i < 3; i++) await gesture(1500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events: { name: string; ph: string; dur?: number; tid: number; ts: number; args?: { data?: { type?: string } } }[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as typeof events));
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  if (process.argv[4] === 'js') {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  const rate = await gesture(3000);
  await cdp.send('Tracing.end');
  await done;
  if (process.argv[4] === 'js') {
    type PNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: PNode[]; samples: number[]; timeDeltas: number[] } };
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    // Total (inclusive) time per function, counted once per stack.
    const byId = new Map(profile.nodes.map((x) => [x.id, x]));
    const parent = new Map<number, number>();
    for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
    const total = new Map<string, number>();
    const key = (x: PNode) => `${x.callFrame.functionName || '(anon)'} ${x.callFrame.url.split('/').pop()}:${x.callFrame.lineNumber}`;
    for (const [id, t] of self) {
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const k = key(byId.get(cur)!);
        if (seen.has(k)) continue;
        seen.add(k);
        total.set(k, (total.get(k) ?? 0) + t / 1000);
      }
    }
    for (const [k, ms] of [...total]
      .sort((a, b) => b[1] - a[1])
      .filter(([k]) => (process.env.FILTER ? new RegExp(process.env.FILTER).test(k) : true))
      .slice(0, Number(process.env.TOP ?? 60)))
      console.log(`${ms.toFixed(0).padStart(6)} ms  ${k}`);
  }
  const phases = new Map<string, number>();
  // How often each phase ran too: a pan's cost per frame (Layerize, HitTest) reads better than its sum.
  const counts = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    if (
      ![
        'FunctionCall',
        'EvaluateScript',
        'TimerFire',
        'FireAnimationFrame',
        'EventDispatch',
        'RunMicrotasks',
        'UpdateLayoutTree',
        'Layout',
        'Paint',
        'PrePaint',
        'Layerize',
        'UpdateLayer',
        'Commit',
        'HitTest',
        'MajorGC',
        'MinorGC',
        'ParseHTML',
        'ScheduleStyleRecalculation',
        'RasterTask',
        'CompositeLayers',
        'IntersectionObserverController::computeIntersections',
      ].includes(e.name)
    )
      continue;
    const key = e.name === 'EventDispatch' ? `EventDispatch ${e.args?.data?.type}` : e.name;
    phases.set(key, (phases.get(key) ?? 0) + e.dur / 1000);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (process.env.DUMP)
    (await import('node:fs')).writeFileSync(`${process.env.DUMP}-${page.url().includes('?n=') ? 'bare' : 'app'}.json`, JSON.stringify(events));
  return { rate, top: [...phases].sort((a, b) => b[1] - a[1]).map(([k, ms]) => [k, ms, counts.get(k)!] as const) };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu'],
});
for (const app of [true, false]) {
  const { server, url } = await serveDist(app ? (process.env.APP_DIST ?? join(root, 'dist')) : (process.env.BASE_DIST ?? join(root, 'bench/out/baseline')));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript(readyProbe);
  if (app) await page.addInitScript((doc) => ((window as unknown as { __SWITCHBOARD_BOOT__: unknown }).__SWITCHBOARD_BOOT__ = doc), benchFlowDocument(n));
  await loadUntilReady(page, app ? url : `${url}?n=${n}${n >= 200 ? '&virtual' : ''}`);
  await page.waitForTimeout(1000);
  const { rate, top } = await profile(page);
  console.log(`\n== ${app ? 'app' : 'bare page'}, ${what} ${n}: ${rate.toFixed(1)} moves/s`);
  for (const [k, ms, count] of top) console.log(`${ms.toFixed(0).padStart(6)} ms  ${k} ×${count} (${(ms / count).toFixed(2)} ms each)`);
  await context.close();
  server.close();
}
await browser.close();
