import { expect, test } from '@playwright/test';

test('builds a flow with "+" and the keyboard, then clears the checklist', async ({ page }) => {
  await page.goto('/');
  // A new flow: no red error, a hint where to start.
  await expect(page.getByRole('button', { name: 'Flow Checklist: add the first block' })).toBeVisible();

  // Keyboard only: focus the "+" under Start, open the picker, search, choose.
  await page.getByRole('button', { name: 'Add block after Start' }).focus();
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog', { name: 'Add block' });
  await expect(picker.getByRole('option')).toHaveCount(5);
  await expect(picker.getByRole('group', { name: 'Data and automation' }).getByRole('option', { name: /API Request/ })).toBeVisible();
  await page.keyboard.type('tal');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();

  // The new block is selected, its panel is open and has the focus on its name.
  const panel = page.getByRole('complementary', { name: 'Block panel' });
  await expect(panel.getByRole('textbox', { name: 'Block name' })).toHaveValue('Talk');
  await expect(panel.getByRole('textbox', { name: 'Block name' })).toBeFocused();
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  await panel.getByLabel('Prompt').fill('Ask what the caller needs.');
  await page.getByRole('button', { name: 'Add block to “Caller is done” of Talk' }).click();
  await page.keyboard.type('end call');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('textbox', { name: 'Block name' })).toHaveValue('End Call');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  await page.getByRole('button', { name: 'Flow Checklist: all issues resolved' }).click();
  await expect(page.getByText('All issues are resolved')).toBeVisible();
});

test('the picker offers only blocks valid for the stage; a post-call block hangs off a dotted edge', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Add block after Start' }).click();
  await page.getByRole('option', { name: /Talk/ }).click();
  await expect(page.getByRole('textbox', { name: 'Block name' })).toBeFocused();
  // The panel narrows the canvas: the new block must still be on screen with its "+" clickable.
  await page.getByRole('button', { name: 'Add post-call block after Talk' }).click();
  const picker = page.getByRole('dialog', { name: 'Add block' });
  await expect(picker.getByRole('option')).toHaveText([/Filter/, /API Request/]);
  await picker.getByRole('option', { name: /API Request/ }).click();
  await expect(page.getByRole('complementary', { name: 'Block panel' }).getByText('API Request · Post-call')).toBeVisible();
  await expect(page.locator('.react-flow__edge.post')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge.post .react-flow__edge-path')).toHaveCSS('stroke-dasharray', '5px, 4px');
  // Post-call outputs take many edges, so the "+" stays (shown when the block is hovered).
  await page.getByRole('button', { name: 'Close panel' }).click();
  await page.getByRole('button', { name: 'Fit view' }).click();
  // Fit view animates: hover again until the block has settled under the pointer.
  await expect(async () => {
    await page.getByTestId('block-Talk').hover();
    await expect(page.getByRole('button', { name: 'Add post-call block after Talk' })).toBeVisible({ timeout: 500 });
  }).toPass();
});

test('toolbar Add block places an unconnected block from the Live Call or Post Call section', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Add block', exact: true }).click();
  const picker = page.getByRole('dialog', { name: 'Add block' });
  await expect(picker.getByRole('group', { name: 'Live Call' })).toBeVisible();
  await expect(picker.getByRole('group', { name: 'Post Call' }).getByRole('option')).toHaveText([/Filter/, /API Request/]);
  await picker
    .getByRole('group', { name: 'Live Call' })
    .getByRole('option', { name: /Collect/ })
    .click();
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  // Parked blocks are not checked.
  await expect(page.getByRole('button', { name: 'Flow Checklist: 1 problem' })).toBeVisible();
});

test('block names stay unique', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Add block after Start' }).click();
  await page.getByRole('option', { name: /End Call/ }).click();
  const name = page.getByRole('textbox', { name: 'Block name' });
  await name.fill('Start');
  await expect(page.getByText('Another block has this name. Names must be unique.')).toBeVisible();
  await page.getByRole('button', { name: /Flow Checklist/ }).click();
  await expect(page.getByRole('dialog', { name: 'Flow Checklist' }).getByText('Another block is also named “Start”')).toHaveCount(2);
});
