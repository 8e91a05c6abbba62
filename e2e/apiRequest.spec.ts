import { expect, test, type Page } from '@playwright/test';
import { flow, openFlow } from './flowFixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `.reports/screens/${name}.png` });

async function addApiRequestAfterStart(page: Page) {
  await page.getByRole('button', { name: 'Add block after Start' }).click();
  await page.getByRole('option', { name: /API Request/ }).click();
  return page.getByRole('complementary', { name: 'Block panel' });
}

test('“+” → API Request → Import from cURL fills the request', async ({ page }) => {
  await openFlow(page, flow([{ id: 'start', type: 'start' }]));
  const panel = await addApiRequestAfterStart(page);
  await expect(panel.getByRole('tab', { name: /Setup/ })).toHaveAttribute('aria-selected', 'true');
  await shot(page, 'api-setup');
  await panel.getByLabel('cURL Command').fill(`curl -X POST 'https://api.example.com/v1/leads?source=phone&tag=a&tag=b' \\
  -H 'Authorization: Bearer $API_KEY' \\
  -H 'Content-Type: application/json' \\
  --compressed \\
  -d '{"name": "Ann", "age": 31, "vip": true}'`);
  await panel.getByRole('button', { name: 'Import from cURL' }).click();

  await expect(panel.getByRole('tab', { name: /Configure/ })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByLabel('Method')).toHaveValue('POST');
  await expect(panel.getByRole('textbox', { name: 'URL' })).toHaveText('https://api.example.com/v1/leads?source=phone&tag=a&tag=b');
  await expect(panel.getByLabel('Query parameter 3 value')).toHaveText('b');
  await expect(panel.getByLabel('Header 1 name')).toHaveValue('Authorization');
  await expect(panel.getByLabel('Header 1 value').locator('.var-chip')).toHaveText(/API_KEY/);
  await expect(panel.getByRole('status', { name: 'Import notes' })).toContainText('--compressed');
  await expect(panel.getByRole('radio', { name: 'JSON', exact: true })).toHaveAttribute('aria-checked', 'true');
  await expect(panel.getByLabel('Key of age')).toHaveValue('age');
  await expect(panel.getByLabel('Type of age')).toHaveValue('number');
  await expect(panel.getByLabel('Value of vip')).toHaveValue('true');
  await shot(page, 'api-configure-imported');

  // The card shows the method and the URL; the undefined API_KEY is a checklist problem.
  const card = page.getByTestId('block-API Request');
  await expect(card).toContainText('POST');
  await expect(card).toContainText('api.example.com/v1/leads');
  await expect(page.getByRole('button', { name: /Flow Checklist/ })).toContainText(/\d/);

  // Editing a row rewrites the URL; switching a row off takes it out.
  await panel.getByRole('checkbox', { name: 'Send query parameter 1' }).uncheck();
  await expect(panel.getByRole('textbox', { name: 'URL' })).toHaveText('https://api.example.com/v1/leads?tag=a&tag=b');
});

test('a command that is not cURL says what to paste and changes nothing', async ({ page }) => {
  await openFlow(page, flow([{ id: 'start', type: 'start' }]));
  const panel = await addApiRequestAfterStart(page);
  await panel.getByLabel('cURL Command').fill('wget https://example.com/file');
  await panel.getByRole('button', { name: 'Import from cURL' }).click();
  await expect(panel.getByRole('alert')).toContainText('wget');
  await expect(panel.getByRole('tab', { name: /Setup/ })).toHaveAttribute('aria-selected', 'true');
});

test('Build Manually with @ chips in URL, header and JSON body; chips jump to their block', async ({ page }) => {
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        { id: 'lookup', type: 'apiRequest', data: { name: 'Lookup', configured: true, url: 'https://crm.example.com/find' } },
      ],
      [['start', 'next', 'lookup']],
    ),
  );
  await page.getByTestId('block-Lookup').click();
  await page.getByRole('button', { name: 'Add block after Lookup' }).click();
  await page.getByRole('option', { name: /API Request/ }).click();
  const panel = page.getByRole('complementary', { name: 'Block panel' });
  await panel.getByRole('button', { name: 'Build Manually' }).click();

  const url = panel.getByRole('textbox', { name: 'URL' });
  await url.click();
  await expect(page.getByRole('region', { name: 'Available Variables' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Available Variables' }).getByRole('region', { name: 'Lookup' })).toBeVisible();
  await page.keyboard.insertText('https://api.example.com/leads/');
  await page.keyboard.type('@look');
  await expect(page.getByRole('listbox')).toBeVisible();
  // The list updates a moment after each key: wait for the wanted entry, not for time.
  await expect(page.getByRole('listbox').getByRole('option', { selected: true })).toContainText('response');
  await shot(page, 'api-at-picker');
  await expect(page.locator('.cm-tooltip-autocomplete-disabled')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(url.locator('.var-chip')).toHaveText('lookup.response');

  await panel.getByRole('button', { name: 'Add header' }).click();
  await panel.getByLabel('Header 1 name').fill('X-Caller');
  await panel.getByLabel('Header 1 value').click();
  await page
    .getByRole('region', { name: 'Available Variables' })
    .getByRole('button', { name: /caller_number/ })
    .click();
  await expect(panel.getByLabel('Header 1 value').locator('.var-chip')).toHaveText('call.caller_number');

  await panel.getByLabel('Method').selectOption('POST');
  await panel.getByRole('radio', { name: 'JSON', exact: true }).click();
  await panel.getByRole('button', { name: 'Add field' }).click();
  await panel.getByLabel('Key of field 1').fill('lead');
  await panel.getByLabel('Type of lead').selectOption('variable');
  // The field is replaced by a variable field: wait for it, or the click lands on the old one.
  await expect(panel.getByLabel('Value of lead')).toContainText('@ pick a variable');
  await panel.getByLabel('Value of lead').click();
  await page.keyboard.type('@response');
  await expect(page.getByRole('listbox')).toBeVisible();
  await expect(page.getByRole('listbox').getByRole('option', { selected: true })).toContainText('response');
  await expect(page.locator('.cm-tooltip-autocomplete-disabled')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(panel.getByLabel('Value of lead').locator('.var-chip')).toHaveText('lookup.response');
  await panel.getByRole('radio', { name: 'Code', exact: true }).click();
  await expect(page.getByTestId('json-code-editor')).toContainText('"lead": {{lookup.response}}');
  await shot(page, 'api-manual-built');

  // Clicking a chip goes to its source block.
  await url.locator('.var-chip').click();
  await expect(panel.getByLabel('Block name')).toHaveValue('Lookup');
});

test('Code mode: typing JSON with {{variables}} in Monaco, validation named', async ({ page }) => {
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
        { id: 'end', type: 'endCall' },
      ],
      [
        ['start', 'next', 'api'],
        ['api', 'next', 'end'],
      ],
    ),
  );
  await page.getByTestId('block-Create').click();
  const editor = page.getByTestId('json-code-editor');
  await editor.locator('.monaco-editor').waitFor();
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('{"phone": "{{call.caller_number}}", "n": ');
  await expect(editor.locator('.squiggly-error')).toHaveCount(1);
  await page.keyboard.insertText('1}');
  await expect(editor.locator('.squiggly-error')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Flow Checklist/ })).not.toContainText(/\d/);
  await page.getByRole('radio', { name: 'Manual' }).click();
  await expect(page.getByLabel('Value of phone').locator('.var-chip')).toHaveText('call.caller_number');
  await shot(page, 'api-code-mode');
});

test('error handling swaps the handles and drops edges that no longer fit, in one undo step', async ({ page }) => {
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        { id: 'api', type: 'apiRequest', data: { name: 'Lookup', configured: true, url: 'https://x.example' } },
        { id: 'end', type: 'endCall' },
      ],
      [
        ['start', 'next', 'api'],
        ['api', 'next', 'end'],
      ],
    ),
  );
  await page.getByTestId('block-Lookup').click();
  const panel = page.getByRole('complementary', { name: 'Block panel' });
  await panel.getByRole('button', { name: /Advanced Settings/ }).click();
  await panel.getByRole('switch', { name: 'Enable Error Handling' }).click();
  const card = page.getByTestId('block-Lookup');
  await expect(card.getByText('Success', { exact: true })).toBeVisible();
  await expect(card.getByText('Error', { exact: true })).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(2); // the continuation became Success
  await page.getByRole('button', { name: 'Add block to “Error” of Lookup' }).click();
  await page.getByRole('option', { name: /End Call/ }).click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await page.getByTestId('block-Lookup').click();
  await panel.getByRole('button', { name: /Advanced Settings/ }).click();
  await shot(page, 'api-advanced');
  await panel.getByRole('switch', { name: 'Enable Error Handling' }).click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expect(card.getByText('Error', { exact: true })).toBeVisible();
});

test('deleting the source block turns its chips red; Replace Invalid Variables fixes every use', async ({ page }) => {
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        { id: 'a', type: 'apiRequest', data: { name: 'Old Lookup', configured: true, url: 'https://x.example/a' } },
        { id: 'b', type: 'apiRequest', data: { name: 'New Lookup', configured: true, url: 'https://x.example/b' } },
        {
          id: 'c',
          type: 'apiRequest',
          data: {
            name: 'Use',
            configured: true,
            url: 'https://x.example/{{old_lookup.id}}',
            headers: [{ id: 'h', key: 'X-Id', value: '{{old_lookup.id}}', enabled: true }],
          },
        },
      ],
      [
        ['start', 'next', 'a'],
        ['a', 'next', 'b'],
        ['b', 'next', 'c'],
      ],
    ),
  );
  // Reconnect so that Old Lookup is parked, then delete it.
  await page.getByTestId('block-Old Lookup').click();
  await page.keyboard.press('Delete');
  await page.getByTestId('block-Use').click();
  const panel = page.getByRole('complementary', { name: 'Block panel' });
  await expect(panel.getByRole('textbox', { name: 'URL' }).locator('.var-chip-invalid')).toHaveText(/old_lookup.id/);
  await shot(page, 'api-invalid-chip');
  await panel.getByRole('textbox', { name: 'URL' }).locator('.var-chip-invalid').click();
  const dialog = page.getByRole('dialog', { name: 'Replace Invalid Variables' });
  await expect(dialog).toContainText('old_lookup.id');
  await expect(dialog).toContainText('Use');
  await dialog.getByLabel('Search replacements').fill('new');
  await dialog.getByRole('option', { name: /new_lookup.response/ }).click();
  await shot(page, 'api-replace-dialog');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(panel.getByRole('textbox', { name: 'URL' }).locator('.var-chip')).toHaveText('new_lookup.response');
  await expect(panel.getByLabel('Header 1 value').locator('.var-chip')).toHaveText('new_lookup.response');
  await expect(panel.locator('.var-chip-invalid')).toHaveCount(0);
});

test('Custom Variables: offered in fields, secret ones masked and left out of exports unless asked', async ({ page }) => {
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        { id: 'api', type: 'apiRequest', data: { name: 'Lookup', configured: true, url: 'https://x.example' } },
      ],
      [['start', 'next', 'api']],
    ),
  );
  await page.getByRole('button', { name: 'Variables', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Custom Variables' });
  await dialog.getByRole('button', { name: 'Add variable' }).click();
  await dialog.getByLabel('Name of variable 1').fill('api_key');
  await dialog.getByLabel('Value of api_key').fill('s3cret');
  await dialog.getByRole('checkbox', { name: 'Secret' }).check();
  await expect(dialog.getByLabel('Value of api_key', { exact: true })).toHaveAttribute('type', 'password');
  await shot(page, 'custom-variables');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await page.getByTestId('block-Lookup').click();
  const panel = page.getByRole('complementary', { name: 'Block panel' });
  await panel.getByRole('button', { name: 'Add header' }).click();
  await panel.getByLabel('Header 1 value').click();
  const custom = page.getByRole('region', { name: 'Available Variables' }).getByRole('region', { name: 'Custom Variables' });
  await expect(custom.getByRole('button', { name: /api_key/ })).toContainText('secret');
  await custom.getByRole('button', { name: /api_key/ }).click();
  await expect(panel.getByLabel('Header 1 value').locator('.var-chip')).toHaveText('api_key');

  for (const [choice, value] of [
    ['Export without secrets', ''],
    ['Include secret values', 's3cret'],
  ] as const) {
    await page.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: choice }).click()]);
    const doc = JSON.parse(await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8'));
    expect(doc.variables).toEqual([{ name: 'api_key', value, secret: true }]);
  }
});

test('Outcome Focus highlights the blocks tagged with an outcome', async ({ page }) => {
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        { id: 'a', type: 'apiRequest', data: { name: 'Book', configured: true, url: 'https://x.example', outcome: 'Booked' } },
        { id: 'b', type: 'apiRequest', data: { name: 'Other', configured: true, url: 'https://x.example' } },
      ],
      [
        ['start', 'next', 'a'],
        ['a', 'next', 'b'],
      ],
    ),
  );
  await page.getByRole('button', { name: 'Focus blocks by call outcome' }).click();
  await page.getByRole('checkbox', { name: /Booked/ }).check();
  await expect(page.getByTestId('block-Other')).toHaveClass(/opacity-40/);
  await expect(page.getByTestId('block-Book')).not.toHaveClass(/opacity-40/);
  await shot(page, 'outcome-focus');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByTestId('block-Other')).not.toHaveClass(/opacity-40/);
});
