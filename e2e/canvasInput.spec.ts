import { expect, test, type Page } from '@playwright/test';
import { flow, openFlow } from './flowFixtures';

/** The first move of a drag, waited for: React Flow starts moving a block from there (see below). */
const FIRST_STEP = { x: 10, y: 0 };

/**
 * A mouse drag at a mouse's own pace: pressed at `from`, one move of FIRST_STEP waited for, then
 * `count` moves `everyMs` apart, sent whether or not the page has drawn the last one (Playwright's
 * mouse waits for each), in a straight line to `from` + `by`, and released there at once (as a real
 * mouse is: the page may still hold the last move).
 */
async function fastDrag(page: Page, from: { x: number; y: number }, by: { x: number; y: number }, count = 40, everyMs = 4) {
  const cdp = await page.context().newCDPSession(page);
  const mouse = (type: 'mouseMoved' | 'mousePressed' | 'mouseReleased', at: { x: number; y: number }, buttons = 1) =>
    cdp.send('Input.dispatchMouseEvent', { type, ...at, button: 'left', buttons, ...(type === 'mouseMoved' ? {} : { clickCount: 1 }) });
  const start = { x: from.x + FIRST_STEP.x, y: from.y + FIRST_STEP.y };
  const to = { x: from.x + by.x, y: from.y + by.y };
  await mouse('mouseMoved', from, 0);
  await mouse('mousePressed', from);
  await mouse('mouseMoved', start);
  const sent: Promise<unknown>[] = [];
  for (let i = 1; i <= count; i++) {
    sent.push(mouse('mouseMoved', { x: start.x + ((to.x - start.x) * i) / count, y: start.y + ((to.y - start.y) * i) / count }));
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  sent.push(mouse('mouseReleased', to, 0));
  await Promise.all(sent);
  await cdp.detach();
}

/**
 * Counts, per animation frame, how often `selector`'s inline transform changed, from now until the
 * button is released (the release applies a move still held at once: it must not wait a frame).
 */
async function watchTransforms(page: Page, selector: string) {
  await page.evaluate((sel) => {
    const w = window as unknown as { __changesPerFrame: number[] };
    w.__changesPerFrame = [];
    let changes = 0;
    let released = false;
    // pointerup comes before mouseup, where a held move is applied.
    window.addEventListener('pointerup', () => (released = true), { capture: true, once: true });
    const el = document.querySelector(sel)!;
    let last = (el as HTMLElement).style.transform;
    new MutationObserver(() => {
      if (released) return;
      const now = (el as HTMLElement).style.transform;
      if (now !== last) changes++;
      last = now;
    }).observe(el, { attributes: true, attributeFilter: ['style'] });
    const frame = () => {
      if (released) return;
      w.__changesPerFrame.push(changes);
      changes = 0;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, selector);
  return () => page.evaluate(() => (window as unknown as { __changesPerFrame: number[] }).__changesPerFrame);
}

const doc = flow(
  [
    { id: 'start', type: 'start', position: { x: 0, y: 0 } },
    { id: 'talk', type: 'talk', position: { x: 0, y: 200 }, data: { name: 'Greeting', prompt: 'Hello' } },
  ],
  [['start', 'next', 'talk']],
);

/** Opens the two-block flow once it is saved (nothing loading after first paint is left to land mid-gesture). */
async function openGreeting(page: Page) {
  await openFlow(page, doc);
  const card = page.locator('.react-flow__node[data-id="talk"]');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  return { card, box: (await card.boundingBox())! };
}

/** A fast drag from `from` by `by`, with what moved (`selector`) drawn at most once per frame. */
async function dragOncePerFrame(page: Page, selector: string, from: { x: number; y: number }, by: { x: number; y: number }) {
  const perFrame = await watchTransforms(page, selector);
  await fastDrag(page, from, by);
  const counts = await perFrame();
  expect(
    counts.reduce((a, b) => a + b, 0),
    `${selector} moved`,
  ).toBeGreaterThan(0);
  expect(Math.max(...counts), `${selector}: moves drawn in one frame`).toBeLessThanOrEqual(1);
}

test('a drag drawn once per frame however fast the mouse moves, and the block lands where the mouse let go', async ({ page }) => {
  const { card, box } = await openGreeting(page);
  await dragOncePerFrame(page, '.react-flow__node[data-id="talk"]', { x: box.x + box.width / 2, y: box.y + 20 }, { x: 160, y: 80 });
  // Moves held for the next frame are not lost when the button is released. React Flow starts a
  // drag from where the pointer is once it has moved past its threshold, so the block trails the
  // mouse by that first move on any page.
  await expect.poll(async () => (await card.boundingBox())!.x - box.x).toBeCloseTo(160 - FIRST_STEP.x, 0);
  expect((await card.boundingBox())!.y - box.y).toBeCloseTo(80 - FIRST_STEP.y, 0);
});

test('a pan drawn once per frame however fast the mouse moves, and it ends where the mouse let go', async ({ page }) => {
  const { card, box } = await openGreeting(page);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  // From an empty spot of the canvas: right of the blocks, half-way down.
  await dragOncePerFrame(page, '.react-flow__viewport', { x: box.x + box.width + 120, y: pane.y + pane.height / 2 }, { x: -150, y: 60 });
  await expect.poll(async () => (await card.boundingBox())!.x - box.x).toBeCloseTo(-150, 0);
  expect((await card.boundingBox())!.y - box.y).toBeCloseTo(60, 0);
});

test('handles and "+" buttons sit centred on their card without transforms, icons unclipped (each is paint work on every frame of a pan)', async ({ page }) => {
  const { card } = await openGreeting(page);
  // Hovered, the card shows its post-call "+" too.
  await card.hover();
  await expect(card.getByRole('button', { name: 'Add post-call block after Greeting' })).toBeVisible();
  const found = await card.evaluate((node) => {
    const rect = (e: Element) => e.getBoundingClientRect();
    const centre = (e: Element) => ({ x: rect(e).x + rect(e).width / 2, y: rect(e).y + rect(e).height / 2 });
    const box = rect(node.querySelector('.block-card')!);
    const transformed = [...node.querySelectorAll('*')]
      .filter((e) => getComputedStyle(e).transform !== 'none' || getComputedStyle(e).translate !== 'none')
      .map((e) => e.className.toString());
    const clippedIcons = [...node.querySelectorAll('svg')].filter((e) => getComputedStyle(e).overflow !== 'visible').length;
    const handle = (position: string) => node.querySelector(`.react-flow__handle-${position}`)!;
    // A bottom output's handle and its "+" are centred on the output's column.
    const column = handle('bottom').parentElement!;
    return {
      transformed,
      clippedIcons,
      input: centre(handle('top')),
      post: centre(handle('right')),
      bottom: centre(handle('bottom')),
      plusBottom: centre(column.querySelector('button[aria-haspopup="dialog"]')!),
      plusPost: centre(node.querySelector('button[aria-label="Add post-call block after Greeting"]')!),
      card: { top: box.top, right: box.right, centreX: box.x + box.width / 2, centreY: box.y + box.height / 2 },
      column: { centreX: rect(column).x + rect(column).width / 2, bottom: rect(column).bottom },
    };
  });
  expect(found.transformed, 'elements inside the card with a transform').toEqual([]);
  expect(found.clippedIcons, 'icons clipped to their box').toBe(0);
  // Within a pixel: the view's scale rounds fractional offsets. A handle without its centring
  // margins is 5 px off, a "+" without its own 10 px.
  const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1);
  near(found.input.x, found.card.centreX);
  near(found.input.y, found.card.top);
  near(found.post.x, found.card.right);
  near(found.post.y, found.card.centreY);
  near(found.bottom.x, found.column.centreX);
  // `bottom: -13px` on the handle: its centre 13 px below its column.
  near(found.bottom.y, found.column.bottom + 13);
  near(found.plusBottom.x, found.column.centreX);
  near(found.plusPost.y, found.card.centreY);
});

test('zoomed out, a card keeps its height and its handles where the full card has them, with no box around them and no clipping box for its name', async ({
  page,
}) => {
  await openFlow(
    page,
    flow([
      { id: 'start', type: 'start' },
      { id: 'check', type: 'filter', position: { x: 0, y: 200 } },
    ]),
  );
  const card = page.locator('.react-flow__node[data-id="check"]');
  // Each handle's centre, in the flow's own units from the card's corner (the view's scale divided out).
  const handles = () =>
    card.evaluate((node) => {
      const scale = new DOMMatrix(getComputedStyle(node.closest('.react-flow__viewport')!).transform).a;
      const box = node.getBoundingClientRect();
      return [...node.querySelectorAll('.react-flow__handle')].map((h) => {
        const r = h.getBoundingClientRect();
        const y = (r.y + r.height / 2 - box.y) / scale;
        const height = box.height / scale;
        // Down the card as its side has it: a bottom handle from the bottom edge, the right one as a share of the height.
        const down = h.classList.contains('react-flow__handle-bottom') ? y - height : h.classList.contains('react-flow__handle-right') ? y / height : y;
        return { id: h.getAttribute('data-handleid'), x: (r.x + r.width / 2 - box.x) / scale, down };
      });
    });
  // The card's height in the flow's own units.
  const height = () =>
    card.evaluate((node) => node.getBoundingClientRect().height / new DOMMatrix(getComputedStyle(node.closest('.react-flow__viewport')!).transform).a);
  await expect(card.locator('.compact-block')).toHaveCount(0);
  const full = await handles();
  const fullHeight = await height();
  // A Filter card is taller than the 88 units a compact card had: its bottom handles jumped.
  expect(fullHeight).toBeGreaterThan(95);
  expect(full.map((h) => h.id)).toEqual(['in', 'case:c1', 'else', 'post']);
  await expect(async () => {
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect(card.locator('.compact-block')).toHaveCount(1, { timeout: 600 });
  }).toPass({ timeout: 10_000 });
  // The zoom animates: read once it has settled (two reads alike to a hundredth of a unit; under
  // load the rectangles of a settled view were seen to differ in the fourth decimal).
  let compact = await handles();
  await expect(async () => {
    const again = await handles();
    const moved = again.some((h, i) => {
      const before = compact[i];
      return !before || h.id !== before.id || Math.abs(h.x - before.x) > 0.01 || Math.abs(h.down - before.down) > 0.01;
    });
    compact = again;
    expect(moved, 'the handles still move').toBe(false);
  }).toPass({ timeout: 5_000 });
  expect(compact.map((h) => h.id).sort()).toEqual(full.map((h) => h.id).sort());
  expect(Math.abs((await height()) - fullHeight)).toBeLessThanOrEqual(0.5);
  for (const h of full) {
    const c = compact.find((x) => x.id === h.id)!;
    // Rectangles are read to a fraction of a pixel; a gap left out of the sum is a whole unit off.
    expect(Math.abs(c.x - h.x), `${h.id} across`).toBeLessThanOrEqual(0.5);
    expect(Math.abs(c.down - h.down), `${h.id} down`).toBeLessThanOrEqual(h.id === 'post' ? 0.02 : 0.5);
  }
  const structure = await card.evaluate((node) => {
    const block = node.querySelector('.compact-block')!;
    return {
      // Every positioned box inside a card is layerized and hit-tested again on each frame of a pan.
      positionedNotHandles: [...block.querySelectorAll('*')].filter(
        (e) => getComputedStyle(e).position !== 'static' && !e.classList.contains('react-flow__handle'),
      ).length,
      nameOverflow: getComputedStyle(block.querySelector('span')!).overflow,
    };
  });
  expect(structure.positionedNotHandles).toBe(0);
  expect(structure.nameOverflow).toBe('clip');
});
