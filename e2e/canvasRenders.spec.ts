import { expect, test, type Page } from '@playwright/test';
import { flow, openFlow } from './flowFixtures';

const renders = (page: Page) =>
  page.evaluate(() => Object.fromEntries((window as unknown as { __switchboardCardRenders: Map<string, number> }).__switchboardCardRenders));

test('dragging a block re-renders no other card, and the dragged one not on every move', async ({ page }) => {
  const talks = Array.from({ length: 12 }, (_, i) => ({
    id: `t${i}`,
    type: 'talk' as const,
    position: { x: (i % 4) * 320, y: 200 + Math.floor(i / 4) * 180 },
    data: { name: `Talk ${i}`, prompt: `Step ${i}` },
  }));
  const doc = flow(
    [
      { id: 'start', type: 'start', position: { x: 0, y: 0 } },
      ...talks,
      { id: 'note', type: 'sticky', position: { x: 700, y: 0 }, data: { text: 'A note' }, width: 200, height: 120 },
    ],
    [['start', 'next', 't0'], ...talks.slice(1).map((t, i): [string, string, string] => [talks[i]!.id, 'exit:done', t.id])],
  );
  await openFlow(page, doc);
  const card = page.locator('.react-flow__node[data-id="t5"]');
  await expect(card).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="note"]')).toBeVisible();
  // Everything that loads after first paint (edge routing, the checklist) has settled. The
  // checklist runs when the page is idle and re-renders the cards it finds a problem in (t11's exit
  // leads nowhere): wait for its count, not just for "Saved".
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Flow Checklist: \d+ problem/ })).toBeVisible();
  const before = await card.getAttribute('style');
  await page.evaluate(() => (window as unknown as { __switchboardCardRenders: Map<string, number> }).__switchboardCardRenders.clear());

  const box = (await card.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(box.x + box.width / 2 + i * 6, box.y + 20 + i * 3);
  const during = await renders(page);
  await page.mouse.up();
  await expect.poll(() => card.getAttribute('style')).not.toBe(before);

  const others = Object.entries(during).filter(([id, n]) => id !== 't5' && n > 0);
  expect(others, 'cards re-rendered while another was dragged').toEqual([]);
  // Its data and view are unchanged by a move: at most a render or two as the drag starts.
  expect(during.t5 ?? 0).toBeLessThanOrEqual(2);
});
