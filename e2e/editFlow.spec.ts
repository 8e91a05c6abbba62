import { expect, test, type Page } from '@playwright/test';
import { flow, openFlow } from './flowFixtures';

const edges = (page: Page) => page.locator('.react-flow__edge');
const block = (page: Page, name: string) => page.getByTestId(`block-${name}`);

/** Drags from one handle to another with real mouse moves, as a user would. */
async function dragHandle(page: Page, from: string, to: string, whileDragging?: () => Promise<void>) {
  const a = (await page.locator(from).boundingBox())!;
  const b = (await page.locator(to).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + 30, a.y + 40, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 10 });
  await whileDragging?.();
  await page.mouse.up();
}

const parked = flow([
  { id: 'start', type: 'start', position: { x: 0, y: 0 } },
  { id: 'talk', type: 'talk', position: { x: 0, y: 220 }, data: { prompt: 'Help' } },
  { id: 'end', type: 'endCall', position: { x: 360, y: 420 } },
  { id: 'post', type: 'apiRequest', stage: 'post', position: { x: 360, y: 220 }, data: { name: 'Log call', url: 'https://example.test' } },
]);

test('connects by dragging; incompatible blocks dim while dragging; one edge per live output', async ({ page }) => {
  await openFlow(page, parked);
  await dragHandle(page, '[data-id="start"] [data-handleid="next"]', '[data-id="talk"] [data-handleid="in"]', async () => {
    // Dragging a live output: the post-call block cannot take it.
    await expect(block(page, 'Log call')).toHaveClass(/opacity-40/);
    await expect(block(page, 'End Call')).not.toHaveClass(/opacity-40/);
  });
  await expect(edges(page)).toHaveCount(1);
  await expect(block(page, 'Log call')).not.toHaveClass(/opacity-40/);

  // A live output to a post-call block is refused.
  await dragHandle(page, '[data-id="talk"] [data-handleid="exit:done"]', '[data-id="post"] [data-handleid="in"]');
  await expect(edges(page)).toHaveCount(1);
  // A post-call output to a post-call block is fine.
  await dragHandle(page, '[data-id="talk"] [data-handleid="post"]', '[data-id="post"] [data-handleid="in"]');
  await expect(edges(page)).toHaveCount(2);
  // Start's output already has its one edge.
  await dragHandle(page, '[data-id="start"] [data-handleid="next"]', '[data-id="end"] [data-handleid="in"]');
  await expect(edges(page)).toHaveCount(2);
});

const chain = flow(
  [
    { id: 'start', type: 'start', position: { x: 0, y: 0 } },
    { id: 'talk', type: 'talk', position: { x: 0, y: 200 }, data: { prompt: 'Help' } },
    { id: 'end', type: 'endCall', position: { x: 0, y: 400 } },
  ],
  [
    ['start', 'next', 'talk'],
    ['talk', 'exit:done', 'end'],
  ],
);

test('deletes blocks and edges; undo and redo restore every change', async ({ page }) => {
  await openFlow(page, chain);
  await block(page, 'Talk').click();
  await page.keyboard.press('Delete');
  await expect(block(page, 'Talk')).toHaveCount(0);
  await expect(edges(page)).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Block panel' })).toBeHidden();

  await page.keyboard.press('Control+z');
  await expect(block(page, 'Talk')).toBeVisible();
  await expect(edges(page)).toHaveCount(2);
  await page.keyboard.press('Control+Shift+z');
  await expect(block(page, 'Talk')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(edges(page)).toHaveCount(2);

  // Start cannot be deleted.
  await block(page, 'Start').click();
  await page.keyboard.press('Delete');
  await expect(block(page, 'Start')).toBeVisible();

  // Hovering an edge shows an ✕ that deletes it.
  const edge = edges(page).first();
  const box = (await edge.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByRole('button', { name: 'Delete connection Start → Talk' }).click();
  await expect(edges(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(edges(page)).toHaveCount(2);
});

test('deleting an exit condition deletes its edge, in one undo step', async ({ page }) => {
  await openFlow(page, chain);
  await block(page, 'Talk').click();
  await page.getByRole('button', { name: 'Delete exit condition 1' }).click();
  await expect(edges(page)).toHaveCount(1);
  await page.keyboard.press('Escape');
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
  await page.keyboard.press('Control+z');
  await expect(edges(page)).toHaveCount(2);
});

test('copy and paste carry the edges inside the selection; duplicate too', async ({ page }) => {
  await openFlow(page, chain);
  await block(page, 'Talk').click();
  await block(page, 'End Call').click({ modifiers: ['Control'] });
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(block(page, 'Talk 2')).toBeVisible();
  await expect(block(page, 'End Call 2')).toBeVisible();
  await expect(edges(page)).toHaveCount(3);
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);

  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
  await block(page, 'End Call').click();
  await page.keyboard.press('Control+d');
  await expect(block(page, 'End Call 3')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(block(page, 'End Call 3')).toHaveCount(0);
});

test('copied blocks paste into another tab', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openFlow(page, chain);
  await block(page, 'Talk').click();
  await page.keyboard.press('Control+c');
  const other = await context.newPage();
  await openFlow(other, flow([{ id: 'start', type: 'start' }]));
  await other.locator('.react-flow__pane').click({ position: { x: 50, y: 50 } });
  await other.keyboard.press('Control+v');
  await expect(block(other, 'Talk')).toBeVisible();
});

test('box select with Shift-drag, then move the selection in one undo step', async ({ page }) => {
  await openFlow(page, chain);
  const start = (await block(page, 'Start').boundingBox())!;
  const end = (await block(page, 'End Call').boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(start.x - 20, start.y - 20);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width + 20, end.y + end.height + 20, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(3);

  const before = (await block(page, 'Talk').boundingBox())!;
  await page.mouse.move(before.x + 60, before.y + 12);
  await page.mouse.down();
  await page.mouse.move(before.x + 160, before.y + 62, { steps: 8 });
  await page.mouse.up();
  const after = (await block(page, 'Talk').boundingBox())!;
  expect(after.x - before.x).toBeGreaterThan(50);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await block(page, 'Talk').boundingBox())!.x).toBeCloseTo(before.x, 0);
});

test('Organize blocks lays out without overlaps and undoes in one step', async ({ page }) => {
  const messy = flow(
    [
      { id: 'start', type: 'start', position: { x: 0, y: 0 } },
      { id: 'talk', type: 'talk', position: { x: 20, y: 20 }, data: { prompt: 'Help' } },
      { id: 'end', type: 'endCall', position: { x: 40, y: 40 } },
    ],
    [
      ['start', 'next', 'talk'],
      ['talk', 'exit:done', 'end'],
    ],
  );
  await openFlow(page, messy);
  const y = async (name: string) => (await block(page, name).boundingBox())!.y;
  await page.getByRole('button', { name: 'Organize blocks' }).click();
  await expect.poll(async () => (await y('Talk')) - (await y('Start'))).toBeGreaterThan(80);
  await expect.poll(async () => (await y('End Call')) - (await y('Talk'))).toBeGreaterThan(80);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Fit view' }).click();
  await expect.poll(async () => Math.abs((await y('Talk')) - (await y('Start')))).toBeLessThan(60);
});

test('the Flow Checklist Go to pans to the block, selects it and opens its panel', async ({ page }) => {
  const far = flow(
    [
      { id: 'start', type: 'start', position: { x: 0, y: 0 } },
      { id: 'talk', type: 'talk', position: { x: 0, y: 200 }, data: { prompt: 'Help' } },
      { id: 'end', type: 'endCall', position: { x: 3000, y: 2600 }, data: { name: 'Goodbye', message: '' } },
    ],
    [
      ['start', 'next', 'talk'],
      ['talk', 'exit:done', 'end'],
    ],
  );
  await openFlow(page, far);
  // Zoom in until the far block is off screen. Each zoom animates: a click during the previous
  // animation starts from a smaller zoom, so count on the result, not on a number of clicks.
  await expect(async () => {
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(block(page, 'Goodbye')).not.toBeInViewport({ timeout: 600 });
  }).toPass({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Flow Checklist: 1 problem' }).click();
  const checklist = page.getByRole('dialog', { name: 'Flow Checklist' });
  await expect(checklist.getByText('1 block with errors')).toBeVisible();
  await expect(checklist.getByText('Final message cannot be empty')).toBeVisible();
  await checklist.getByRole('button', { name: 'Go to Goodbye' }).click();
  await expect(block(page, 'Goodbye')).toBeInViewport();
  await expect(page.locator('.react-flow__node.selected')).toHaveText(/Goodbye/);
  const panel = page.getByRole('complementary', { name: 'Block panel' });
  await expect(panel.getByRole('textbox', { name: 'Block name' })).toHaveValue('Goodbye');
  await panel.getByRole('textbox', { name: 'Message' }).fill('Bye!');
  await expect(page.getByRole('button', { name: 'Flow Checklist: all issues resolved' })).toBeVisible();
});

test('the shortcuts help lists the keyboard shortcuts', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByText('Duplicate selected blocks')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('the mini map is off until asked for', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('img', { name: 'Mini map' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show mini map' }).click();
  await expect(page.getByRole('img', { name: 'Mini map' })).toBeVisible();
  await page.getByRole('button', { name: 'Hide mini map' }).click();
  await expect(page.getByRole('img', { name: 'Mini map' })).toHaveCount(0);
});
