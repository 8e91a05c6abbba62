import type { Page } from '@playwright/test';

/** Median and 95th percentile of a sample. */
export function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

/**
 * App/baseline as the median of each round's own ratio, with the middle half of those ratios:
 * each pair is measured back to back, so a busy spell on the machine shifts both sides of one
 * round instead of one side of the whole ratio (load moves single figures by ±20 % here).
 */
export function pairedRatio(app: readonly number[], baseline: readonly number[]): string {
  const ratios = app.map((x, i) => x / baseline[i]!).sort((p, q) => p - q);
  const at = (q: number) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))]!;
  return `${at(0.5).toFixed(2)}× (${at(0.25).toFixed(2)}–${at(0.75).toFixed(2)})`;
}

/** Installed before any page script: records when the canvas first shows measured nodes, and says so on the console. */
export const readyProbe = () => {
  const w = window as unknown as { __ready?: number };
  const tick = () => {
    const nodes = document.querySelectorAll('.react-flow__node');
    if (nodes.length && ![...nodes].some((n) => (n as HTMLElement).style.visibility === 'hidden')) {
      w.__ready = performance.now();
      console.log('__ready');
    } else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

/**
 * Loads `url` and resolves with readyProbe's time. It listens for the probe's console line rather
 * than polling with `page.waitForFunction`: Playwright's polling first injects its own script into
 * the page (~40 ms of compiling and evaluating in a trace), and that landed inside the load it was
 * measuring — inside the app's, which is still working when the page's load event fires, and after
 * the bare page's, which is nearly done by then.
 */
export async function loadUntilReady(page: Page, url: string, timeout = 60_000): Promise<number> {
  const ready = page.waitForEvent('console', { predicate: (m) => m.text() === '__ready', timeout });
  await page.goto(url);
  await ready;
  return page.evaluate(() => (window as unknown as { __ready: number }).__ready);
}

/**
 * Where a pan starts: on the empty canvas near its left edge, the first spot from the middle
 * outwards with no block under it. A fixed point is not safe: before measured drags put their block
 * back (dragRate), one crept onto it over dozens of rounds, the "pan" dragged the block, and the
 * view read 0 moves/s.
 */
export async function emptyCanvasPoint(page: Page): Promise<{ x: number; y: number }> {
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  return page.evaluate(
    ({ x, top, height }) => {
      for (let d = 0; d < height / 2; d += 10)
        for (const y of [top + height / 2 + d, top + height / 2 - d])
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      throw new Error('No empty spot at the left of the canvas to start a pan from.');
    },
    { x: canvas.x + 40, top: canvas.y, height: canvas.height },
  );
}

/** How the mouse moves during a measured drag. */
export type MouseInput =
  /** Playwright's way: each move is sent when the page has taken the one before. */
  | 'serial'
  /**
   * A real mouse's way: a move every 8 ms (a 125 Hz mouse), sent whether or not the page is
   * done with the last one. A page that does a whole render per move falls behind; one that
   * draws only the latest position once per frame does not.
   */
  | 'steady';

/** A 125 Hz mouse, the usual USB polling rate. */
const STEADY_INTERVAL_MS = 8;

/**
 * Moves per second of an element while the mouse drags from (x, y) for `ms`: the number of
 * animation frames in which the element's on-screen transform differs from the frame before.
 * That is what the user sees move, unlike a frame rate (which stays high while nothing moves)
 * or a count of style writes (several can land in one frame).
 */
export async function dragRate(page: Page, selector: string, x: number, y: number, ms = 2500, input: MouseInput = 'serial'): Promise<number> {
  await page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElement;
    const w = window as unknown as { __moves: number; __sampling: boolean };
    w.__moves = 0;
    w.__sampling = true;
    let last = el.style.transform;
    const sample = () => {
      if (!w.__sampling) return;
      const now = el.isConnected ? el.style.transform : last;
      if (now !== last) {
        last = now;
        w.__moves++;
      }
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  }, selector);
  const home = await screenOrigin(page, selector);
  await page.mouse.move(x, y);
  await page.mouse.down();
  // A slow circle keeps the drag on screen however long it runs.
  const along = (i: number) => ({ x: x + 120 * Math.sin(i / 20), y: y + 80 * Math.cos(i / 20) - 80 });
  const started = Date.now();
  if (input === 'serial') {
    for (let i = 1; Date.now() - started < ms; i++) {
      const at = along(i);
      await page.mouse.move(at.x, at.y);
    }
  } else {
    // Playwright's mouse waits for each move to be taken; the browser's input protocol, sent to
    // and not awaited, does not. The button stays down (Playwright pressed it).
    const cdp = await page.context().newCDPSession(page);
    const sent: Promise<unknown>[] = [];
    await new Promise<void>((resolve) => {
      let i = 0;
      const timer = setInterval(() => {
        if (Date.now() - started >= ms) {
          clearInterval(timer);
          resolve();
          return;
        }
        const at = along(++i);
        sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', ...at, button: 'left', buttons: 1 }));
      }, STEADY_INTERVAL_MS);
    });
    await Promise.all(sent);
    await cdp.detach();
  }
  const elapsed = (Date.now() - started) / 1000;
  const moves = await page.evaluate(() => {
    const w = window as unknown as { __moves: number; __sampling: boolean };
    w.__sampling = false;
    return w.__moves;
  });
  // Drop it where it was picked up, so the next round starts from the same view. The mouse's
  // start is not enough: React Flow starts a drag from where the pointer passed its threshold, so
  // the element trails the mouse by that first move, and round after round a block crept to the
  // canvas's edge (where React Flow pans the view under a dragged block) and under the sidebar.
  let to = { x, y };
  await page.mouse.move(to.x, to.y, { steps: 4 });
  for (let tries = 0; tries < 3; tries++) {
    const now = await screenOrigin(page, selector);
    const off = { x: home.x - now.x, y: home.y - now.y };
    if (Math.abs(off.x) < 0.5 && Math.abs(off.y) < 0.5) break;
    to = { x: to.x + off.x, y: to.y + off.y };
    await page.mouse.move(to.x, to.y);
  }
  await page.mouse.up();
  return moves / elapsed;
}

/** Where `selector`'s element is on screen once the next frame is drawn (moves may be held for it). */
async function screenOrigin(page: Page, selector: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    (sel) =>
      new Promise<{ x: number; y: number }>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const r = document.querySelector(sel)!.getBoundingClientRect();
            resolve({ x: r.x, y: r.y });
          }),
        ),
      ),
    selector,
  );
}

/**
 * The block nearest the canvas's middle, to drag: one near an edge has its drag circle cross the
 * edge, where React Flow pans the view under a dragged block and the measure is of that instead.
 */
export async function centralBlock(page: Page): Promise<string> {
  return page.evaluate(() => {
    const c = document.querySelector('.react-flow')!.getBoundingClientRect();
    let best = { id: '', d: Infinity };
    for (const n of document.querySelectorAll('.react-flow__node')) {
      const r = n.getBoundingClientRect();
      const d = Math.hypot(r.x + r.width / 2 - (c.x + c.width / 2), r.y + r.height / 2 - (c.y + c.height / 2));
      if (d < best.d) best = { id: n.getAttribute('data-id')!, d };
    }
    return best.id;
  });
}

/** Each page's block to drag, chosen once (centralBlock): every round drags the same one. */
const draggedBlock = new WeakMap<Page, string>();

/** Moves per second dragging the block nearest the canvas's middle for `ms`. */
export async function blockDragRate(page: Page, ms: number, input: MouseInput = 'serial'): Promise<number> {
  const id = draggedBlock.get(page) ?? (await centralBlock(page));
  draggedBlock.set(page, id);
  const block = `.react-flow__node[data-id="${id}"]`;
  const box = (await page.locator(block).boundingBox())!;
  return dragRate(page, block, box.x + box.width / 2, box.y + box.height / 2, ms, input);
}

/** Moves per second panning the view for `ms`, from an empty spot of the canvas (emptyCanvasPoint). */
export async function panRate(page: Page, ms: number, input: MouseInput = 'serial'): Promise<number> {
  const start = await emptyCanvasPoint(page);
  return dragRate(page, '.react-flow__viewport', start.x, start.y, ms, input);
}
