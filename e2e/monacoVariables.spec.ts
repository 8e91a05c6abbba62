import { expect, test } from '@playwright/test';
import { flow, openFlow } from './flowFixtures';

test('Code mode: @ opens variable completion, the Available Variables panel shows, and Monaco logs no errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        {
          id: 'api',
          type: 'apiRequest',
          data: {
            name: 'Create',
            configured: true,
            method: 'POST',
            url: 'https://x.example/a',
            body: { type: 'json', jsonMode: 'code', json: '{}', form: [], raw: '', rawContentType: 'text/plain' },
          },
        },
      ],
      [['start', 'next', 'api']],
    ),
  );
  await page.getByTestId('block-Create').click();
  const editor = page.getByTestId('json-code-editor');
  await editor.locator('.monaco-editor').waitFor();
  await editor.locator('.view-lines').click();
  await expect(page.getByRole('region', { name: 'Available Variables' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('{"phone": ');
  await page.keyboard.type('@');
  const suggest = page.locator('.suggest-widget');
  await expect(suggest).toBeVisible();
  await page.screenshot({ path: '.reports/screens/monaco-at.png' });
  await expect(suggest).toContainText('call.caller_number');
  await page.keyboard.type('caller_n');
  await page.keyboard.press('Enter');
  await expect(editor).toContainText('"phone": {{call.caller_number}}');
  // The panel inserts at Monaco's caret.
  await page.keyboard.insertText(', "id": ');
  await page.getByRole('region', { name: 'Available Variables' }).getByRole('button', { name: /^id/ }).click();
  await expect(editor).toContainText('"id": {{call.id}}');
  expect(errors).toEqual([]);
});
