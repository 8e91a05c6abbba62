import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { flow, leavePanel, openFlow, pickVariable } from './flowFixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `.reports/screens/${name}.png` });

// The order API: a real HTTP server on loopback, started by this file.
let api: Server;
let apiOrigin: string;
test.beforeAll(async () => {
  api = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'shipped', total: 42.5, paid: true, items: ['A-1'] }));
  });
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  apiOrigin = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((r) => api.close(() => r())));

const journey = () =>
  flow(
    [
      { id: 'start', type: 'start' },
      { id: 'api', type: 'apiRequest', data: { name: 'Find Order', configured: true, url: `${apiOrigin}/orders/1` } },
      { id: 'route', type: 'filter', data: { name: 'Route' } },
      { id: 'talk', type: 'talk', data: { name: 'Tell Status', prompt: 'Tell the caller their order is ' } },
      {
        id: 'ask',
        type: 'collect',
        data: { name: 'Ask Email', fields: [{ id: 'f1', name: 'email', type: 'Email', description: 'The caller’s email', required: true, confirm: true }] },
      },
      { id: 'end', type: 'endCall', data: { name: 'Goodbye', message: 'We will write to ' } },
    ],
    [
      ['start', 'next', 'api'],
      ['api', 'next', 'route'],
      ['route', 'case:c1', 'talk'],
      ['route', 'else', 'end'],
      ['talk', 'exit:done', 'ask'],
      ['ask', 'next', 'end'],
    ],
  );

test('a response field reaches the Filter, the Talk prompt and (with a Collect value) the End Call message; chips preview on cards and panels; deleting the API Request turns every use red and Replace Invalid Variables fixes them', async ({
  page,
}) => {
  test.setTimeout(90_000); // one whole journey: about 20 s on an idle machine, more on a busy one
  await openFlow(page, journey());
  const panel = page.getByRole('complementary', { name: 'Block panel' });

  // Test the API Request against the loopback server: its fields become variables.
  await page.getByTestId('block-Find Order').click();
  await panel.getByRole('tab', { name: /Test/ }).click();
  await panel.getByRole('button', { name: 'Send test request' }).click();
  await expect(panel.getByRole('status').filter({ hasText: '200 OK' })).toBeVisible();
  await expect(panel.getByRole('tab', { name: /Test/ }).getByLabel('done')).toBeVisible();

  // Filter: the variable comes from the grouped, searchable picker; the operators follow its type.
  await page.getByTestId('block-Route').click();
  await panel.getByRole('button', { name: 'Case 1 condition 1 variable' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose a variable' });
  await expect(picker.getByRole('region', { name: 'Find Order' })).toBeVisible();
  await picker.getByLabel('Search variables').fill('total');
  await picker.getByRole('button', { name: /^total/ }).click();
  const operator = panel.getByLabel('Case 1 condition 1 operator');
  await expect(operator.locator('option')).toHaveText(['equals', 'does not equal', 'is greater than', 'is less than', 'is empty', 'is not empty']);
  await panel.getByRole('button', { name: 'Case 1 condition 1 variable' }).click();
  await picker.getByLabel('Search variables').fill('status');
  await picker.getByRole('button', { name: /^status/ }).click();
  await expect(panel.getByRole('button', { name: 'Case 1 condition 1 variable' })).toContainText('find_order.status');
  await expect(operator.locator('option')).toHaveText(['equals', 'does not equal', 'contains', 'does not contain', 'is empty', 'is not empty']);
  await panel.getByRole('textbox', { name: 'Case 1 condition 1 value' }).click();
  await page.keyboard.insertText('shipped');
  await expect(page.getByTestId('block-Route')).toContainText('equals shipped');
  await shot(page, 'filter-variable');
  await leavePanel(page);

  // Talk: @ at the caret offers the response fields, nearest block first.
  await page.getByTestId('block-Tell Status').click();
  const prompt = panel.getByRole('textbox', { name: 'Prompt' });
  await prompt.click();
  await page.keyboard.press('ControlOrMeta+End');
  await expect(page.getByRole('region', { name: 'Available Variables' }).getByRole('region', { name: 'Find Order' })).toBeVisible();
  await page.keyboard.type('@status');
  const listbox = page.getByRole('listbox');
  await expect(listbox.getByRole('option', { selected: true })).toContainText('shipped');
  await shot(page, 'talk-at-picker');
  await expect(page.locator('.cm-tooltip-autocomplete-disabled')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(prompt.locator('.var-chip')).toHaveText('find_order.status');
  await prompt.locator('.var-chip').hover();
  await expect(page.locator('.var-hover')).toContainText('find_order.status · string');
  await expect(page.locator('.var-hover')).toContainText('shipped');
  await leavePanel(page);

  // End Call: a Collect value and a response field, inserted from the panel and by @.
  await page.getByTestId('block-Goodbye').click();
  const message = panel.getByRole('textbox', { name: 'Message' });
  await message.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page
    .getByRole('region', { name: 'Available Variables' })
    .getByRole('region', { name: 'Collect Variables' })
    .getByRole('button', { name: /email/ })
    .click();
  await page.keyboard.insertText(' about your ');
  await pickVariable(page, 'total', /^total/);
  await expect(message.locator('.var-chip')).toHaveText(['email', 'find_order.total']);
  await leavePanel(page);

  // Cards show chips too, and hovering one shows the same preview.
  const talkCard = page.getByTestId('block-Tell Status');
  await expect(talkCard.locator('.var-chip')).toHaveText('find_order.status');
  await talkCard.locator('.var-chip').hover();
  await expect(page.locator('.card-chip-preview')).toContainText('find_order.status · string');
  await expect(page.locator('.card-chip-preview')).toContainText('shipped');
  await shot(page, 'card-chip-hover');
  await page.getByTestId('block-Goodbye').locator('.var-chip', { hasText: 'find_order.total' }).hover();
  await expect(page.locator('.card-chip-preview')).toContainText('42.5');
  await expect(page.getByRole('button', { name: /Flow Checklist/ })).toHaveAccessibleName('Flow Checklist: all issues resolved');

  // Delete the API Request: every use turns red and counts in the Checklist.
  await page.mouse.move(0, 0);
  await expect(page.locator('.card-chip-preview')).toHaveCount(0);
  await page.getByTestId('block-Find Order').click();
  await panel.getByRole('button', { name: 'Delete block' }).click();
  await expect(talkCard.locator('.var-chip-invalid')).toHaveText(/find_order.status/);
  await expect(page.getByTestId('block-Route').locator('.var-chip-invalid')).toHaveText(/find_order.status/);
  await expect(page.getByTestId('block-Goodbye').locator('.var-chip-invalid')).toHaveText(/find_order.total/);
  // One use in each of three blocks (Route's variable, the prompt, the message): parked now, still red.
  await expect(page.getByLabel('3 invalid')).toBeVisible();
  await shot(page, 'invalid-everywhere');

  // Replace Invalid Variables fixes them all at once.
  await page.getByRole('button', { name: /Replace Invalid Variables/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace Invalid Variables' });
  await expect(dialog).toContainText('find_order.status');
  await expect(dialog).toContainText('Route');
  await expect(dialog).toContainText('Tell Status');
  await dialog
    .getByRole('option', { name: /caller_number/ })
    .first()
    .click();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(talkCard.locator('.var-chip')).toHaveText('call.caller_number');
  await expect(page.getByTestId('block-Route').locator('.var-chip')).toHaveText('call.caller_number');
});

test('renaming a block renames the Filter variable and every chip that uses it', async ({ page }) => {
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        { id: 'api', type: 'apiRequest', data: { name: 'Lookup', configured: true, url: 'https://x.example/a' } },
        {
          id: 'route',
          type: 'filter',
          data: { name: 'Route', cases: [{ id: 'c1', match: 'all', conditions: [{ id: 'k1', variable: '{{lookup.vip}}', operator: 'is true', value: '' }] }] },
        },
        { id: 'talk', type: 'talk', data: { name: 'Greet', prompt: 'Greet {{lookup.name}} warmly', exits: [{ id: 'done', label: 'Caller is done' }] } },
      ],
      [
        ['start', 'next', 'api'],
        ['api', 'next', 'route'],
        ['route', 'case:c1', 'talk'],
      ],
    ),
  );
  await page.getByTestId('block-Lookup').click();
  await page.getByRole('complementary', { name: 'Block panel' }).getByLabel('Block name').fill('CRM');
  await expect(page.getByTestId('block-Route')).toContainText('crm.vip is true');
  await expect(page.getByTestId('block-Greet').locator('.var-chip')).toHaveText('crm.name');
});
