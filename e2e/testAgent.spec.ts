import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { flow, openFlow } from './flowFixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `.reports/screens/${name}.png` });

// The CRM: POST /leads answers 201; /flaky answers 503 then 200; /broken always 500.
let api: Server;
let apiOrigin: string;
let flakyCalls = 0;
const received: { url: string; body: string }[] = [];
test.beforeAll(async () => {
  api = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body: Buffer.concat(chunks).toString() });
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url === '/leads') json(201, { lead: { id: 'L-7', tier: 'gold' } });
      else if (req.url === '/flaky') json(++flakyCalls === 1 ? 503 : 200, flakyCalls === 1 ? { error: 'busy' } : { ok: true });
      else json(500, { error: 'down' });
    });
  });
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  apiOrigin = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((r) => api.close(() => r())));

test('Test agent: Start → Talk → Collect (email) → API Request (201) → Filter → Talk → End Call, with transcript, trace, Stored Variables and the canvas following', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start', data: { greeting: 'Thanks for calling Acme.' } },
        {
          id: 'triage',
          type: 'talk',
          data: {
            name: 'Triage',
            prompt: 'Ask how you can help.',
            exits: [
              { id: 'sales', label: 'Caller wants to buy' },
              { id: 'other', label: 'Something else' },
            ],
          },
        },
        {
          id: 'ask',
          type: 'collect',
          data: {
            name: 'Ask Email',
            fields: [{ id: 'f1', name: 'email', type: 'Email', description: 'What is your email address?', required: true, confirm: false }],
          },
        },
        {
          id: 'lead',
          type: 'apiRequest',
          data: {
            name: 'Create Lead',
            configured: true,
            method: 'POST',
            url: `${apiOrigin}/leads`,
            body: { type: 'json', jsonMode: 'code', json: '{"email": "{{email}}"}', form: [], raw: '', rawContentType: 'text/plain' },
            outcome: 'Lead created',
          },
        },
        {
          id: 'tier',
          type: 'filter',
          data: {
            name: 'Tier',
            cases: [{ id: 'gold', match: 'all', conditions: [{ id: 'k', variable: '{{create_lead.lead.tier}}', operator: 'equals', value: 'gold' }] }],
          },
        },
        {
          id: 'vip',
          type: 'talk',
          data: { name: 'VIP', prompt: 'Tell {{email}} their lead {{create_lead.lead.id}} is gold.', exits: [{ id: 'done', label: 'Caller is done' }] },
        },
        { id: 'bye', type: 'endCall', data: { name: 'Bye', message: 'Goodbye!' } },
        { id: 'other', type: 'endCall', data: { name: 'Other', message: 'Someone will call you.' } },
      ],
      [
        ['start', 'next', 'triage'],
        ['triage', 'exit:sales', 'ask'],
        ['triage', 'exit:other', 'other'],
        ['ask', 'next', 'lead'],
        ['lead', 'next', 'tier'],
        ['tier', 'case:gold', 'vip'],
        ['tier', 'else', 'other'],
        ['vip', 'exit:done', 'bye'],
      ],
    ),
  );

  await page.getByRole('button', { name: 'Test agent' }).click();
  const panel = page.getByRole('complementary', { name: 'Test agent' });
  const chat = panel.getByRole('list', { name: 'Conversation' });
  await expect(chat.getByTestId('agent-text').first()).toHaveText('Thanks for calling Acme.');
  await expect(chat.getByTestId('agent-text').nth(1)).toHaveText('Ask how you can help.');
  await expect(page.getByTestId('block-Triage')).toHaveAttribute('data-run', 'current');
  await expect(page.getByTestId('block-Start')).toHaveAttribute('data-run', 'visited');

  // The caller meets an exit condition (a quick reply), then answers the Collect question.
  await panel.getByRole('group', { name: 'Exit conditions' }).getByRole('button', { name: 'Caller wants to buy' }).click();
  await expect(chat.getByTestId('agent-text').last()).toHaveText('What is your email address?');
  await panel.getByLabel('Caller says').fill('not sure');
  await panel.getByLabel('Caller says').press('Enter');
  await expect(chat.getByTestId('agent-text').last()).toHaveText('That is not an email address. What is your email address?');
  await panel.getByLabel('Caller says').fill('Ann@Example.com');
  await panel.getByRole('button', { name: 'Send' }).click();

  // The request is sent with the typed value; 201 Created; the Filter takes Case 1; the prompt uses the response.
  await expect(chat.getByTestId('agent-text').last()).toHaveText('Tell ann@example.com their lead L-7 is gold.');
  expect(received.at(-1)).toEqual({ url: '/leads', body: '{"email": "ann@example.com"}' });
  const leadEntry = chat.locator('[data-trace-block="lead"]');
  await expect(leadEntry).toContainText('201 Created');
  await leadEntry.locator('summary').first().click();
  await expect(leadEntry.getByRole('list', { name: 'Attempts' })).toContainText('Attempt 1 of 1: 201 Created');
  await expect(leadEntry.getByRole('definition').filter({ hasText: 'gold' }).first()).toBeVisible();
  await expect(leadEntry).toContainText('Outcome tag: Lead created');
  const tierEntry = chat.locator('[data-trace-block="tier"]');
  await expect(tierEntry).toContainText('Case 1');
  await expect(page.getByTestId('block-VIP')).toHaveAttribute('data-run', 'current');
  await expect(page.getByTestId('block-Other')).not.toHaveAttribute('data-run', /.+/);
  await shot(page, 'test-agent-chat');

  // A chip under the agent's message: the values stored in that turn.
  await chat
    .getByRole('button', { name: /values? stored/ })
    .last()
    .hover();
  await expect(chat.getByRole('tooltip').filter({ visible: true })).toContainText('create_lead.lead.id');

  // Clicking a trace entry selects its block on the canvas.
  await panel.getByRole('button', { name: 'Select Create Lead on the canvas' }).click();
  await expect(page.locator('.react-flow__node.selected')).toHaveAttribute('data-id', 'lead');

  await panel.getByRole('group', { name: 'Exit conditions' }).getByRole('button', { name: 'Caller is done' }).click();
  await expect(chat.getByTestId('agent-text').last()).toHaveText('Goodbye!');
  await expect(chat).toContainText('The agent ended the call.');

  await panel.getByRole('tab', { name: 'Stored Variables' }).click();
  const stored = panel.getByRole('definition');
  await expect(panel.getByRole('term').filter({ hasText: /^email$/ })).toBeVisible();
  await expect(stored.filter({ hasText: 'ann@example.com' })).toBeVisible();
  await expect(panel.getByRole('term').filter({ hasText: 'create_lead.lead.tier' })).toBeVisible();
  await shot(page, 'test-agent-stored');
});

test('retries show every attempt and the wait; a 500 with error handling on takes the Error route', async ({ page }) => {
  flakyCalls = 0;
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start', data: { greeting: 'Hi.' } },
        {
          id: 'a',
          type: 'apiRequest',
          data: {
            name: 'Flaky',
            configured: true,
            url: `${apiOrigin}/flaky`,
            retry: {
              enabled: true,
              maxAttempts: 3,
              backoff: 'fixed',
              initialDelayMs: 300,
              onTimeout: true,
              onNetworkError: true,
              on5xx: true,
              on429: true,
              idempotencyKey: true,
            },
            interim: { enabled: true, mode: 'fixed', text: 'One moment please.', delayEnabled: false, delaySeconds: 0 },
          },
        },
        { id: 'b', type: 'apiRequest', data: { name: 'Broken', configured: true, url: `${apiOrigin}/broken`, errorHandling: true } },
        { id: 'ok', type: 'endCall', data: { name: 'Fine', message: 'All good.' } },
        { id: 'err', type: 'endCall', data: { name: 'Sorry', message: 'Our system is down, sorry.' } },
      ],
      [
        ['start', 'next', 'a'],
        ['a', 'next', 'b'],
        ['b', 'next', 'ok'],
        ['b', 'error', 'err'],
      ],
    ),
  );
  await page.getByRole('button', { name: 'Test agent' }).click();
  const chat = page.getByRole('complementary', { name: 'Test agent' }).getByRole('list', { name: 'Conversation' });
  await expect(chat.getByTestId('agent-text').last()).toHaveText('Our system is down, sorry.');
  await expect(chat.getByTestId('agent-text').nth(1)).toHaveText('One moment please.');
  const flaky = chat.locator('[data-trace-block="a"]');
  await expect(flaky).toContainText('200 OK');
  await flaky.locator('summary').first().click();
  await expect(flaky.getByRole('list', { name: 'Attempts' }).getByRole('listitem')).toHaveText([
    /Attempt 1 of 3: 503 Service Unavailable.*waited 0\.3 s \(backoff\)/,
    /Attempt 2 of 3: 200 OK/,
  ]);
  const broken = chat.locator('[data-trace-block="b"]');
  await expect(broken).toContainText('500 Internal Server Error');
  await expect(broken).toContainText('Error');
  await expect(page.getByTestId('block-Sorry')).toHaveAttribute('data-run', /current|visited/);
  await shot(page, 'test-agent-retries');
});

test('Test from here asks for the values upstream blocks would have set, prefilled from their last test', async ({ page }) => {
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        {
          id: 'a',
          type: 'apiRequest',
          data: {
            name: 'Lookup',
            configured: true,
            url: 'https://x.example/a',
            published: [
              { path: 'response', type: 'object' },
              { path: 'name', type: 'string', value: 'Ann' },
              { path: 'balance', type: 'number', value: 12.5 },
            ],
          },
        },
        { id: 't', type: 'talk', data: { name: 'Balance', prompt: 'Tell {{lookup.name}} the balance is {{lookup.balance}}.' } },
        { id: 'e', type: 'endCall', data: { name: 'Bye' } },
      ],
      [
        ['start', 'next', 'a'],
        ['a', 'next', 't'],
        ['t', 'exit:done', 'e'],
      ],
    ),
  );
  await page.getByTestId('block-Balance').hover();
  await page.getByRole('button', { name: 'Test from Balance' }).click();
  const form = page.getByRole('form', { name: 'Test from here' });
  await expect(form.getByLabel('Value of lookup.name')).toHaveValue('Ann');
  await expect(form.getByLabel('Value of lookup.balance')).toHaveValue('12.5');
  await form.getByLabel('Value of lookup.name').fill('Bo');
  await shot(page, 'test-from-here');
  await form.getByRole('button', { name: 'Start test' }).click();
  const chat = page.getByRole('complementary', { name: 'Test agent' }).getByRole('list', { name: 'Conversation' });
  await expect(chat.getByTestId('agent-text').first()).toHaveText('Tell Bo the balance is 12.5.');

  // A block that needs nothing says so.
  await page.getByTestId('block-Bye').hover();
  await page.getByRole('button', { name: 'Test from Bye' }).click();
  await expect(page.getByRole('form', { name: 'Test from here' })).toContainText('No variables needed for this block.');
});
