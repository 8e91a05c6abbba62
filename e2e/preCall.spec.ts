import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { flow, leavePanel, openFlow, pickVariable } from './flowFixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `.reports/screens/${name}.png` });

// The CRM, looked up by the caller's number before the greeting.
let api: Server;
let apiOrigin: string;
test.beforeAll(async () => {
  api = createServer((req, res) => {
    if (req.url?.startsWith('/down')) res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"down"}');
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name: 'Ann', vip: true }));
  });
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  apiOrigin = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((r) => api.close(() => r())));

test('“+” above Start adds a pre-call API Request; tested, its field greets the caller (chip and preview); export and import give the same flow', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        { id: 'talk', type: 'talk', data: { name: 'Help', prompt: 'Help them' } },
        { id: 'bye', type: 'endCall' },
        {
          id: 'log',
          type: 'apiRequest',
          stage: 'post',
          position: { x: 340, y: 160 },
          data: { name: 'Log Call', configured: true, method: 'POST', url: 'https://log.example.com/calls' },
        },
      ],
      [
        ['start', 'next', 'talk'],
        ['talk', 'exit:done', 'bye'],
        ['talk', 'post', 'log'],
      ],
    ),
  );
  await page.getByRole('button', { name: 'Add pre-call block before Start' }).click();
  const picker = page.getByRole('dialog', { name: 'Add block' });
  await expect(picker.getByRole('option')).toHaveText([/Filter/, /End Call/, /API Request/]);
  await picker.getByRole('option', { name: /API Request/ }).click();
  const panel = page.getByRole('complementary', { name: 'Block panel' });
  await expect(panel.getByText('API Request · Pre-call (before the greeting)')).toBeVisible();
  await panel.getByLabel('Block name').fill('Find Caller');
  await panel.getByRole('button', { name: 'Build Manually' }).click();
  await panel.getByRole('textbox', { name: 'URL' }).click();
  await page.keyboard.insertText(`${apiOrigin}/by-phone/`);
  await pickVariable(page, 'caller_number', 'caller_number');
  await expect(panel.getByRole('textbox', { name: 'URL' }).locator('.var-chip')).toHaveText('call.caller_number');
  await panel.getByRole('button', { name: /Advanced Settings/ }).click();
  await expect(panel.getByRole('spinbutton', { name: 'Timeout Duration' })).toHaveValue('3');
  await panel.getByRole('spinbutton', { name: 'Timeout Duration' }).fill('9');
  await expect(panel.getByRole('status').filter({ hasText: 'Timeout Duration is 1–5 s: 5 s is used.' })).toBeVisible();
  await expect(panel.getByRole('status').filter({ hasText: 'Worst-case wait before the greeting' })).toBeVisible();
  // Leave the field first: its range note goes on blur, and the panel would move under the click.
  await panel.getByRole('spinbutton', { name: 'Timeout Duration' }).press('Tab');
  await panel.getByRole('tab', { name: /Test/ }).click();
  await expect(panel.getByRole('tab', { name: /Test/ })).toHaveAttribute('aria-selected', 'true');
  await panel.getByLabel('Sample value of call.caller_number').fill('+15550100');
  await panel.getByRole('button', { name: 'Send test request' }).click();
  await expect(panel.getByRole('status').filter({ hasText: '200 OK' })).toBeVisible();
  await expect(page.getByTestId('block-Find Caller')).toContainText('Pre-call');
  await expect(page.locator('.react-flow__edge.pre')).toHaveCount(1);

  // Start's greeting uses the response field: a chip with its preview.
  await leavePanel(page);
  await page.getByTestId('block-Start').click();
  const greeting = panel.getByRole('textbox', { name: 'Greeting Message' });
  await greeting.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('Welcome back, ');
  await pickVariable(page, 'name', /^name/);
  await expect(greeting.locator('.var-chip')).toHaveText('find_caller.name');
  await greeting.locator('.var-chip').hover();
  await expect(page.locator('.var-hover')).toContainText('Ann');
  await leavePanel(page);
  await page.getByTestId('block-Start').locator('.var-chip').hover();
  await expect(page.locator('.card-chip-preview')).toContainText('Ann');
  await expect(page.getByRole('button', { name: /Flow Checklist/ })).toHaveAccessibleName('Flow Checklist: all issues resolved');
  await page.mouse.move(0, 0);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.getByRole('button', { name: 'Fit view' }).click();
  await page.mouse.move(0, 0);
  await expect(page.getByTestId('block-End Call')).toBeInViewport();
  await shot(page, 'three-stages');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The flow file carries the stage: export, import, the same flow.
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const exported = readFileSync(await (await download).path(), 'utf8');
  expect(JSON.parse(exported)).toMatchObject({ version: 4 });
  expect(JSON.parse(exported).nodes.find((n: { data: { name: string } }) => n.data.name === 'Find Caller').stage).toBe('pre');
  await page.getByLabel('Flow file to import').setInputFiles({ name: 'flow.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByText(/Imported “Test flow/)).toBeVisible();
  await expect(page.getByTestId('block-Find Caller')).toContainText('Pre-call');
  await expect(page.getByTestId('block-Start').locator('.var-chip')).toHaveText('find_caller.name');
  await expect(page.locator('.react-flow__edge.pre')).toHaveCount(1);
});

test('a pre-call Error route to a pre-call End Call; the Test agent ends the call before the greeting', async ({ page }) => {
  await openFlow(
    page,
    flow(
      [
        {
          id: 'lookup',
          type: 'apiRequest',
          stage: 'pre',
          position: { x: 0, y: -300 },
          data: { name: 'Lookup', configured: true, url: `${apiOrigin}/down`, errorHandling: true, timeoutSeconds: 3 },
        },
        {
          id: 'closed',
          type: 'endCall',
          stage: 'pre',
          position: { x: 320, y: -140 },
          data: { name: 'Closed', message: 'We cannot take your call right now.' },
        },
        { id: 'start', type: 'start', position: { x: 0, y: 0 } },
        { id: 'talk', type: 'talk', position: { x: 0, y: 160 }, data: { name: 'Help', prompt: 'Help them' } },
      ],
      [
        ['lookup', 'next', 'start'],
        ['lookup', 'error', 'closed'],
        ['start', 'next', 'talk'],
      ],
    ),
  );
  await expect(page.getByRole('group', { name: 'Connection Lookup (Error) → Closed' })).toBeAttached();
  // The End Call before the call offers Fixed words only.
  await page.getByTestId('block-Closed').click();
  const panel = page.getByRole('complementary', { name: 'Block panel' });
  await expect(panel.getByLabel('Message type').locator('option')).toHaveText(['Fixed (exact words)']);
  await page.getByRole('button', { name: 'Test agent' }).click();
  const chat = page.getByRole('complementary', { name: 'Test agent' }).getByRole('list', { name: 'Conversation' });
  await expect(chat.getByTestId('agent-text')).toHaveText(['We cannot take your call right now.']);
  await expect(chat.locator('[data-trace-block="lookup"]')).toContainText('500');
  await expect(page.getByTestId('block-Start')).not.toHaveAttribute('data-run', /.+/);
});

test('a plain-http URL to a host on the internet is a warning that blocks nothing', async ({ page }) => {
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        { id: 'api', type: 'apiRequest', data: { name: 'Legacy CRM', configured: true, url: 'http://crm.example.com/lookup' } },
        { id: 'end', type: 'endCall' },
      ],
      [
        ['start', 'next', 'api'],
        ['api', 'next', 'end'],
      ],
    ),
  );
  const checklist = page.getByRole('button', { name: /Flow Checklist/ });
  await expect(checklist).toHaveAccessibleName('Flow Checklist: all issues resolved, 1 warning');
  await checklist.click();
  const dialog = page.getByRole('dialog', { name: 'Flow Checklist' });
  await expect(dialog).toContainText('No errors · 1 warning');
  await expect(dialog).toContainText('The URL is plain http');
  await shot(page, 'checklist-warning');
  await dialog.getByRole('button', { name: 'Go to Legacy CRM' }).click();
  await expect(page.getByRole('complementary', { name: 'Block panel' }).getByLabel('Block name')).toHaveValue('Legacy CRM');
});
