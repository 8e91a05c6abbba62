import type { Page } from '@playwright/test';

/** Median and 95th percentile of a sample. */
export function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

/** Installed before any page script: records when the canvas first shows measured nodes. */
export const readyProbe = () => {
  const w = window as unknown as { __ready?: number };
  const tick = () => {
    const nodes = document.querySelectorAll('.react-flow__node');
    if (nodes.length && ![...nodes].some((n) => (n as HTMLElement).style.visibility === 'hidden')) w.__ready = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

/**
 * Moves per second of an element while the mouse drags from (x, y) for `ms`: counts changes of
 * the element's transform (its real on-screen position), not frames.
 */
export async function dragRate(page: Page, selector: string, x: number, y: number, ms = 2500): Promise<number> {
  await page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElement;
    const w = window as unknown as { __moves: number; __observer?: MutationObserver };
    w.__observer?.disconnect();
    w.__moves = 0;
    let last = el.style.transform;
    w.__observer = new MutationObserver(() => {
      if (el.style.transform !== last) {
        last = el.style.transform;
        w.__moves++;
      }
    });
    w.__observer.observe(el, { attributes: true, attributeFilter: ['style'] });
  }, selector);
  await page.mouse.move(x, y);
  await page.mouse.down();
  const started = Date.now();
  let i = 0;
  while (Date.now() - started < ms) {
    i++;
    // A slow circle keeps the drag on screen however long it runs.
    await page.mouse.move(x + 120 * Math.sin(i / 20), y + 80 * Math.cos(i / 20) - 80);
  }
  const elapsed = (Date.now() - started) / 1000;
  // Drop it where it was picked up, so the next round starts from the same view.
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.up();
  const moves = await page.evaluate(() => (window as unknown as { __moves: number }).__moves);
  return moves / elapsed;
}
