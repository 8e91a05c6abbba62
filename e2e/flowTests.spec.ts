import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { flow, openFlow } from './flowFixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `.reports/screens/${name}.png` });

// A real API that must never be called while its block is mocked or faulted.
let api: Server;
let apiOrigin: string;
let calls = 0;
test.beforeAll(async () => {
  api = createServer((_req, res) => {
    calls++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"shipped"}');
  });
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  apiOrigin = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((r) => api.close(() => r())));

const retry = {
  enabled: true,
  maxAttempts: 3,
  backoff: 'exponential',
  initialDelayMs: 500,
  onTimeout: true,
  onNetworkError: true,
  on5xx: true,
  on429: true,
  idempotencyKey: true,
};
const orderFlow = () =>
  flow(
    [
      { id: 'start', type: 'start', data: { greeting: 'Hello, Acme support.' } },
      { id: 'ask', type: 'talk', data: { name: 'Ask', prompt: 'Ask what they need.', exits: [{ id: 'order', label: 'Wants order status' }] } },
      {
        id: 'lookup',
        type: 'apiRequest',
        data: {
          name: 'Lookup',
          configured: true,
          url: `${apiOrigin}/orders/1`,
          errorHandling: true,
          timeoutSeconds: 2,
          retry,
          interim: { enabled: true, mode: 'fixed', text: 'One moment while I check.', delayEnabled: false, delaySeconds: 0 },
        },
      },
      {
        id: 'check',
        type: 'filter',
        data: {
          name: 'Shipped?',
          cases: [{ id: 'c1', match: 'all', conditions: [{ id: 'k1', variable: '{{lookup.status}}', operator: 'equals', value: 'shipped' }] }],
        },
      },
      { id: 'tell', type: 'endCall', data: { name: 'Tell', message: 'Your order has shipped.' } },
      { id: 'other', type: 'endCall', data: { name: 'Other', message: 'Your order is on its way soon.' } },
      { id: 'sorry', type: 'endCall', data: { name: 'Sorry', message: 'Sorry, our order system is down.' } },
    ],
    [
      ['start', 'next', 'ask'],
      ['ask', 'exit:order', 'lookup'],
      ['lookup', 'next', 'check'],
      ['lookup', 'error', 'sorry'],
      ['check', 'case:c1', 'tell'],
      ['check', 'else', 'other'],
    ],
  );

async function openTestAgent(page: Page) {
  await page.getByRole('button', { name: 'Test agent' }).click();
  const panel = page.getByRole('complementary', { name: 'Test agent' });
  await expect(panel.getByRole('list', { name: 'Conversation' }).getByTestId('agent-text').last()).toHaveText('Ask what they need.');
  return panel;
}

/** Sets a block's behaviour under API behaviour, turns Skip waits on, and restarts the call. */
async function behave(panel: ReturnType<Page['getByRole']>, mode: string, configure?: (block: ReturnType<Page['getByRole']>) => Promise<void>) {
  await panel.getByRole('tab', { name: /API behaviour/ }).click();
  const block = panel.getByRole('list', { name: 'API Request blocks' }).getByRole('listitem', { name: 'Lookup' });
  await block.getByRole('combobox', { name: 'Behaviour of Lookup' }).selectOption({ label: mode });
  await configure?.(block);
  const skip = panel.getByRole('switch', { name: 'Skip waits' });
  if ((await skip.getAttribute('aria-checked')) !== 'true') await skip.click();
  await expect(skip).toHaveAttribute('aria-checked', 'true');
  await panel.getByRole('tab', { name: 'Web Chat' }).click();
  await panel.getByRole('button', { name: 'Restart' }).click();
  await panel.getByRole('group', { name: 'Exit conditions' }).getByRole('button', { name: 'Wants order status' }).click();
}

test('Fault 503, 503, 200: three attempts, marked as injected, then Success; nothing reaches the real API', async ({ page }) => {
  calls = 0;
  await openFlow(page, orderFlow());
  const panel = await openTestAgent(page);
  await behave(panel, 'Fault', async (block) => {
    await block.getByRole('combobox', { name: 'Fault for Lookup' }).selectOption({ label: 'Sequence…' });
    const answers = block.getByRole('textbox', { name: 'Answers, one per attempt' });
    await answers.fill('503, 503, teapot');
    await expect(block.getByText('“teapot” is not an answer a fault can give')).toBeVisible();
    await answers.fill('503, 503, 200');
  });
  const lookup = panel.locator('[data-trace-block="lookup"]');
  await expect(lookup).toContainText('200 OK');
  await expect(lookup).toContainText('injected');
  await expect(lookup).toContainText('Success');
  await lookup.locator('summary').first().click();
  await expect(lookup.getByRole('list', { name: 'Attempts' }).getByRole('listitem')).toHaveText([
    /Fault: 503.*Attempt 1 of 3: 503 Service Unavailable.*waited 0\.5 s \(backoff\)/,
    /Fault: 503.*Attempt 2 of 3: 503 Service Unavailable.*waited 1\.0 s \(backoff\)/,
    /Fault: 200.*Attempt 3 of 3: 200 OK/,
  ]);
  expect(calls).toBe(0);
  await shot(page, 'flow-tests-fault-sequence');
});

test('a timeout with error handling on: the caller hears the interim message, then the Error path', async ({ page }) => {
  calls = 0;
  await openFlow(page, orderFlow());
  const panel = await openTestAgent(page);
  await behave(panel, 'Fault', async (block) => {
    await block.getByRole('combobox', { name: 'Fault for Lookup' }).selectOption({ label: 'Timeout (the block’s timeout elapses)' });
  });
  const said = panel.getByRole('list', { name: 'Conversation' }).getByTestId('agent-text');
  await expect(said.last()).toHaveText('Sorry, our order system is down.');
  await expect(said).toHaveText(['Hello, Acme support.', 'Ask what they need.', 'One moment while I check.', 'Sorry, our order system is down.']);
  const lookup = panel.locator('[data-trace-block="lookup"]');
  await expect(lookup).toContainText('TIMEOUT');
  await expect(lookup).toContainText('Error');
  await expect(page.getByTestId('block-Sorry')).toHaveAttribute('data-run', /current|visited/);
  expect(calls).toBe(0);
});

test('Save as test → Run → pass; change the Filter → Run → fail, with the difference and its block', async ({ page }) => {
  calls = 0;
  await openFlow(page, orderFlow());
  const panel = await openTestAgent(page);
  await behave(panel, 'Mock', async (block) => {
    const body = block.getByRole('textbox', { name: 'Mock body for Lookup' });
    await body.fill('{"status": "shipped",}');
    await expect(block.getByText(/^Not valid JSON/)).toBeVisible();
    await body.fill('{"status": "shipped"}');
    await expect(block.getByText(/^Not valid JSON/)).toHaveCount(0);
  });
  await expect(panel.getByRole('list', { name: 'Conversation' }).getByTestId('agent-text').last()).toHaveText('Your order has shipped.');

  await panel.getByRole('button', { name: 'Save as test' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as test' });
  await dialog.getByRole('textbox', { name: 'Test name' }).fill('Shipped order');
  await expect(dialog.getByRole('checkbox', { name: 'Path: Start → Ask → Lookup → Shipped? → Tell' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Ends at “Tell”' })).toBeChecked();
  await dialog.getByRole('checkbox', { name: 'Variable lookup.status' }).check();
  await shot(page, 'flow-tests-save-as-test');
  await dialog.getByRole('button', { name: 'Save test' }).click();
  await expect(dialog).toBeHidden();

  const saved = panel.getByRole('list', { name: 'Saved tests' }).getByRole('listitem', { name: 'Shipped order' });
  await saved.getByRole('button', { name: 'Run Shipped order' }).click();
  await expect(saved.getByRole('status')).toHaveText('Passed');

  // The flow changes: the Filter now looks for another status.
  await page.getByTestId('block-Shipped?').click();
  const filter = page.getByRole('complementary', { name: 'Block panel' });
  await filter.getByRole('combobox', { name: 'Case 1 condition 1 operator' }).selectOption('does not equal');
  await page.getByRole('button', { name: 'Test agent' }).click();
  await panel.getByRole('tab', { name: 'Tests' }).click();
  await saved.getByRole('button', { name: 'Run Shipped order' }).click();
  await expect(saved.getByRole('status')).toHaveText('Failed');
  await expect(saved.getByLabel('First difference')).toHaveText('Path, step 5: expected “Tell”, got “Other”');
  await shot(page, 'flow-tests-failed');
  await saved.getByRole('button', { name: 'Show “Other”' }).click();
  await expect(page.locator('.react-flow__node.selected').getByTestId('block-Other')).toBeVisible();
  expect(calls).toBe(0);
});

test('a test file written by hand: errors name the line and add nothing; a good file adds its tests, Run all passes', async ({ page }) => {
  calls = 0;
  await openFlow(page, orderFlow());
  const panel = await openTestAgent(page);
  await panel.getByRole('tab', { name: 'Tests' }).click();
  const file = panel.getByLabel('Test file to import');
  await file.setInputFiles({
    name: 'bad.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from('name: Broken\nsteps:\n  - choose: Wants order status\n  - sing: la\n'),
  });
  await expect(panel.getByRole('alert')).toContainText('bad.yaml:4: steps.1: A step is one of');
  await expect(panel.getByRole('list', { name: 'Saved tests' }).getByRole('listitem')).toHaveCount(0);
  const good = [
    'tests:',
    '  - name: Two 503s then shipped',
    '    apis: { Lookup: "503, 503, 200" }',
    '    steps: [{ choose: Wants order status }]',
    '    expect: { finalBlock: Other, api: [{ block: Lookup, method: GET }] }',
    '  - name: Mocked shipped',
    '    apis: { Lookup: { mode: mock, body: { status: shipped } } }',
    '    steps: [{ choose: Wants order status }]',
    '    expect: { path: [Start, Ask, Lookup, Shipped?, Tell], variables: { lookup.status: { equals: shipped } } }',
  ].join('\n');
  await file.setInputFiles({ name: 'good.yaml', mimeType: 'text/yaml', buffer: Buffer.from(good) });
  await expect(panel.getByRole('status').filter({ hasText: 'Imported 2 tests.' })).toBeVisible();
  await panel.getByRole('button', { name: 'Run all' }).click();
  const saved = panel.getByRole('list', { name: 'Saved tests' });
  await expect(saved.getByRole('listitem', { name: 'Two 503s then shipped' }).getByRole('status')).toHaveText('Passed');
  await expect(saved.getByRole('listitem', { name: 'Mocked shipped' }).getByRole('status')).toHaveText('Passed');
  expect(calls).toBe(0);
  await shot(page, 'flow-tests-imported');
});
