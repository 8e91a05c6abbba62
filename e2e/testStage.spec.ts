import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { createAppServer } from '../src/server/createAppServer';
import { flow, openFlow } from './flowFixtures';
import { closedPort } from './closedPort';

const shot = (page: Page, name: string) => page.screenshot({ path: `.reports/screens/${name}.png` });

// The API under test: a real HTTP server on loopback, started by this file.
let api: Server;
let apiOrigin: string;
test.beforeAll(async () => {
  api = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/leads') {
        const body = JSON.parse(Buffer.concat(chunks).toString() || '{}');
        res
          .writeHead(201, { 'content-type': 'application/json' })
          .end(JSON.stringify({ customer: { id: 'cus_123', name: body.name, vip: true }, items: [{ sku: 'A-1' }] }));
      } else if (req.url === '/orders') {
        // 4.8 MB of JSON: far under the proxy's limit, far over what is saved with the flow.
        const orders = Array.from({ length: 5000 }, (_, i) => ({ id: `ord_${i}`, status: 'shipped', note: 'n'.repeat(900) }));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ total: 5000, orders }));
      } else res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    });
  });
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  apiOrigin = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((r) => api.close(() => r())));

test('import a cURL, send a test request, see 201 Created, then use and hover a response field in a later block', async ({ page }) => {
  await openFlow(page, flow([{ id: 'start', type: 'start' }]));
  await page.getByRole('button', { name: 'Add block after Start' }).click();
  await page.getByRole('option', { name: /API Request/ }).click();
  const panel = page.getByRole('complementary', { name: 'Block panel' });
  await panel.getByLabel('Block name').fill('Create Lead');
  await panel.getByLabel('cURL Command').fill(`curl -X POST ${apiOrigin}/leads -H 'Content-Type: application/json' -d '{"name": "{{caller_name}}"}'`);
  await panel.getByRole('button', { name: 'Import from cURL' }).click();
  await panel.getByRole('button', { name: 'Continue' }).click();

  await panel.getByLabel('Sample value of caller_name').fill('Ann Lee');
  await panel.getByRole('button', { name: 'Show request' }).click();
  await expect(panel.getByLabel('Resolved request')).toContainText(`POST ${apiOrigin}/leads`);
  await expect(panel.getByLabel('Resolved request')).toContainText('"name": "Ann Lee"');
  await panel.getByRole('button', { name: 'Send test request' }).click();
  await expect(panel.getByRole('status').filter({ hasText: '201 Created' })).toBeVisible();
  await expect(panel.getByLabel('Response body')).toContainText('cus_123');
  await shot(page, 'test-201');

  // A later block: @ offers the response fields; hovering the chip shows the tested value.
  await page.getByRole('button', { name: 'Add block after Create Lead' }).click();
  await page.getByRole('option', { name: /API Request/ }).click();
  await panel.getByRole('button', { name: 'Build Manually' }).click();
  const url = panel.getByRole('textbox', { name: 'URL' });
  await url.click();
  await page.keyboard.insertText('https://crm.example.com/customers/');
  await page.keyboard.type('@customer.id');
  await expect(page.getByRole('listbox')).toBeVisible();
  await expect(page.getByRole('listbox').getByRole('option', { selected: true })).toContainText('customer.id');
  await expect(page.locator('.cm-tooltip-autocomplete-disabled')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(url.locator('.var-chip')).toHaveText('create_lead.customer.id');
  await url.locator('.var-chip').hover();
  await expect(page.locator('.var-hover')).toContainText('create_lead.customer.id · string');
  await expect(page.locator('.var-hover')).toContainText('cus_123');
  await shot(page, 'test-hover');

  // The result survives a reload with the flow.
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await page.getByTestId('block-Create Lead').click();
  await panel.getByRole('tab', { name: /Test/ }).click();
  await expect(panel.getByRole('status').filter({ hasText: '201 Created' })).toBeVisible();
});

test('failures are explained: nothing listening, and a 404 with a path hint', async ({ page }) => {
  const closed = await closedPort();
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        { id: 'a', type: 'apiRequest', data: { name: 'Dead', configured: true, url: `http://127.0.0.1:${closed}/x` } },
        { id: 'b', type: 'apiRequest', data: { name: 'Missing', configured: true, url: `${apiOrigin}/nope` } },
      ],
      [
        ['start', 'next', 'a'],
        ['a', 'next', 'b'],
      ],
    ),
  );
  const panel = page.getByRole('complementary', { name: 'Block panel' });
  await page.getByTestId('block-Dead').click();
  await panel.getByRole('tab', { name: /Test/ }).click();
  await panel.getByRole('button', { name: 'Send test request' }).click();
  await expect(panel.getByRole('alert')).toContainText('Nothing is answering');
  await page.getByTestId('block-Missing').click();
  await panel.getByRole('tab', { name: /Test/ }).click();
  await panel.getByRole('button', { name: 'Send test request' }).click();
  await expect(panel.getByRole('status').filter({ hasText: '404 Not Found' })).toBeVisible();
  await expect(panel.getByText(/Check the URL’s path/)).toBeVisible();
  await shot(page, 'test-404');
});

test('a hosted Switchboard refuses a loopback target', async ({ page }) => {
  const dist = fileURLToPath(new URL('../dist', import.meta.url));
  const hosted = createAppServer({ host: '127.0.0.1', port: 0, distDir: dist, proxy: { mode: 'hosted' } });
  await new Promise<void>((r) => hosted.listen(0, '127.0.0.1', r));
  try {
    await page.addInitScript(
      (d) => ((window as unknown as { __SWITCHBOARD_BOOT__: unknown }).__SWITCHBOARD_BOOT__ = d),
      flow(
        [
          { id: 'start', type: 'start' },
          { id: 'a', type: 'apiRequest', data: { name: 'Local', configured: true, method: 'POST', url: `${apiOrigin}/leads` } },
        ],
        [['start', 'next', 'a']],
      ),
    );
    await page.goto(`http://127.0.0.1:${(hosted.address() as AddressInfo).port}/`);
    await page.getByTestId('block-Local').click();
    const panel = page.getByRole('complementary', { name: 'Block panel' });
    await panel.getByRole('tab', { name: /Test/ }).click();
    await panel.getByRole('button', { name: 'Send test request' }).click();
    await expect(panel.getByRole('alert')).toContainText('private or loopback address');
    await shot(page, 'test-blocked');
  } finally {
    hosted.closeAllConnections();
    await new Promise<void>((r) => hosted.close(() => r()));
  }
});

test('a 4.8 MB response: saved as a JSON sample, said as such, and its tree kept after a reload', async ({ page }) => {
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        { id: 'a', type: 'apiRequest', data: { name: 'Orders', configured: true, url: `${apiOrigin}/orders` } },
      ],
      [['start', 'next', 'a']],
    ),
  );
  const panel = page.getByRole('complementary', { name: 'Block panel' });
  await page.getByTestId('block-Orders').click();
  await panel.getByRole('tab', { name: /Test/ }).click();
  await panel.getByRole('button', { name: 'Send test request' }).click();
  await expect(panel.getByRole('status').filter({ hasText: '200 OK' })).toBeVisible();
  await expect(panel.getByText(/^The response is 4\.\d MB\. A 200\.0 KB sample is saved with the flow/)).toBeVisible();
  await expect(panel.getByText(/larger than/)).toHaveCount(0);
  await expect(panel.getByRole('radio', { name: 'Tree' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await page.getByTestId('block-Orders').click();
  await panel.getByRole('tab', { name: /Test/ }).click();
  await expect(panel.getByRole('radio', { name: 'Tree' })).toBeVisible();
  await expect(panel.getByLabel('Response body')).toContainText('ord_0');
});
