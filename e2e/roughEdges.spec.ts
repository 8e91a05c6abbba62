import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { flow, leavePanel, openFlow } from './flowFixtures';
import { closedPort } from './closedPort';

const shot = (page: Page, name: string) => page.screenshot({ path: `.reports/screens/${name}.png` });

// A loopback API: /slow answers after the test lets it, everything else at once.
let api: Server;
let apiOrigin: string;
const held: (() => void)[] = [];
test.beforeAll(async () => {
  api = createServer((req, res) => {
    // A held answer may find its request gone (the send was cancelled): then there is nothing to answer.
    const answer = () => {
      if (!res.headersSent && !res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'open', path: req.url }));
    };
    if (req.url === '/slow') held.push(answer);
    else answer();
  });
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  apiOrigin = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
test.afterAll(
  () =>
    new Promise<void>((r) => {
      held.forEach((f) => f());
      api.close(() => r());
    }),
);

/** Points along an edge's path, in page coordinates. */
async function edgePoints(page: Page, label: RegExp): Promise<{ x: number; y: number }[]> {
  const edge = page
    .locator('[aria-roledescription="edge"]')
    .filter({ has: page.locator('path') })
    .and(page.getByRole('group', { name: label }));
  return edge.locator('path.react-flow__edge-path').evaluate((path: SVGPathElement) => {
    const m = path.getScreenCTM()!;
    const length = path.getTotalLength();
    return Array.from({ length: 80 }, (_, i) => {
      const p = path.getPointAtLength((length * i) / 79);
      return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
    });
  });
}

async function passesUnder(page: Page, edge: RegExp, card: string): Promise<boolean> {
  const box = (await page.getByTestId(`block-${card}`).boundingBox())!;
  return (await edgePoints(page, edge)).some((p) => p.x > box.x + 2 && p.x < box.x + box.width - 2 && p.y > box.y + 2 && p.y < box.y + box.height - 2);
}

test('an Error edge is routed around the block in its way, before and after Organize blocks', async ({ page }) => {
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        {
          id: 'api',
          type: 'apiRequest',
          position: { x: 0, y: 160 },
          data: { name: 'Lookup', configured: true, url: 'https://x.example/a', errorHandling: true },
        },
        { id: 'talk', type: 'talk', position: { x: 0, y: 340 }, data: { name: 'Talk', prompt: 'Help them' } },
        { id: 'end', type: 'endCall', position: { x: 0, y: 540 }, data: { name: 'Sorry' } },
      ],
      [
        ['start', 'next', 'api'],
        ['api', 'next', 'talk'],
        ['api', 'error', 'end'],
        ['talk', 'exit:done', 'end'],
      ],
    ),
  );
  await expect(page.getByRole('group', { name: 'Connection Lookup (Error) → Sorry' })).toBeAttached();
  // Routing arrives a moment after first paint: wait for the route, not for time.
  await expect(async () => expect(await passesUnder(page, /Lookup \(Error\) → Sorry/, 'Talk')).toBe(false)).toPass();
  await shot(page, 'edge-around-card');
  await page.getByRole('button', { name: 'Organize blocks' }).click();
  await expect(async () => expect(await passesUnder(page, /Lookup \(Error\) → Sorry/, 'Talk')).toBe(false)).toPass();
  for (const name of [/Start → Lookup/, /Lookup \(Success\) → Talk/, /Talk \(Caller is done\) → Sorry/]) {
    for (const card of ['Start', 'Lookup', 'Talk', 'Sorry']) {
      if (!name.source.includes(card)) expect(await passesUnder(page, name, card), `${name} under ${card}`).toBe(false);
    }
  }
});

test('a test result says when the request changed since, or when a new send was cancelled', async ({ page }) => {
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        { id: 'api', type: 'apiRequest', data: { name: 'Lookup', configured: true, url: `${apiOrigin}/orders` } },
        { id: 'next', type: 'talk', data: { name: 'Next', prompt: 'x' } },
      ],
      [
        ['start', 'next', 'api'],
        ['api', 'next', 'next'],
      ],
    ),
  );
  const panel = page.getByRole('complementary', { name: 'Block panel' });
  await page.getByTestId('block-Lookup').click();
  await panel.getByRole('tab', { name: /Test/ }).click();
  await panel.getByRole('button', { name: 'Send test request' }).click();
  await expect(panel.getByRole('status').filter({ hasText: '200 OK' })).toBeVisible();
  await expect(panel.getByRole('note', { name: 'Result is out of date' })).toHaveCount(0);

  // Edit the request: the result is marked, here and beside the response variables of a later block.
  await panel.getByRole('tab', { name: /Configure/ }).click();
  await panel.getByRole('textbox', { name: 'URL' }).click();
  await page.keyboard.press('End');
  await page.keyboard.insertText('/2');
  await panel.getByRole('tab', { name: /Test/ }).click();
  await expect(panel.getByRole('note', { name: 'Result is out of date' })).toContainText('Request changed since this test');
  await expect(panel.getByRole('tab', { name: /Test/ }).getByLabel('done')).toHaveCount(0);
  await shot(page, 'test-stale');
  await page.getByTestId('block-Next').click();
  await panel.getByRole('textbox', { name: 'Prompt' }).click();
  await expect(page.getByRole('region', { name: 'Available Variables' }).getByRole('region', { name: 'Lookup' })).toContainText(
    'Request changed since this test',
  );
  await leavePanel(page);

  // Put it back: the same request again, the mark goes.
  await page.getByTestId('block-Lookup').click();
  await panel.getByRole('tab', { name: /Configure/ }).click();
  await panel.getByRole('textbox', { name: 'URL' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await panel.getByRole('tab', { name: /Test/ }).click();
  await expect(panel.getByRole('note', { name: 'Result is out of date' })).toHaveCount(0);

  // A send that is cancelled leaves the earlier result, marked as such.
  await panel.getByRole('tab', { name: /Configure/ }).click();
  await panel.getByRole('textbox', { name: 'URL' }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(`${apiOrigin}/slow`);
  await panel.getByRole('tab', { name: /Test/ }).click();
  await panel.getByRole('button', { name: 'Send test request' }).click();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('note', { name: 'Result is out of date' })).toContainText('The last send was cancelled');
});

test('IPv6 literal hosts: the Checklist agrees and Send reaches [::1]', async ({ page }) => {
  const v6 = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"via":"ipv6"}'));
  const listening = await new Promise<boolean>((resolve) => {
    v6.once('error', () => resolve(false));
    v6.listen(0, '::1', () => resolve(true));
  });
  test.skip(!listening, 'this machine has no IPv6 loopback');
  const port = (v6.address() as AddressInfo).port;
  try {
    await openFlow(
      page,
      flow(
        [
          { id: 'start', type: 'start' },
          { id: 'api', type: 'apiRequest', data: { name: 'V6', configured: true, url: `http://[::1]:${port}/x` } },
          { id: 'end', type: 'endCall' },
        ],
        [
          ['start', 'next', 'api'],
          ['api', 'next', 'end'],
        ],
      ),
    );
    await expect(page.getByRole('button', { name: /Flow Checklist/ })).toHaveAccessibleName('Flow Checklist: all issues resolved');
    await page.getByTestId('block-V6').click();
    const panel = page.getByRole('complementary', { name: 'Block panel' });
    await panel.getByRole('tab', { name: /Test/ }).click();
    await panel.getByRole('button', { name: 'Show request' }).click();
    await expect(panel.getByLabel('Resolved request')).toContainText(`GET http://[::1]:${port}/x`);
    await panel.getByRole('button', { name: 'Send test request' }).click();
    await expect(panel.getByRole('status').filter({ hasText: '200 OK' })).toBeVisible();
    await expect(panel.getByLabel('Response body')).toContainText('ipv6');
  } finally {
    await new Promise<void>((r) => v6.close(() => r()));
  }
});

/** Opens Start → Talk (the Talk's exit leads nowhere: one problem to find) and returns the Flow Checklist button. */
async function openUncheckedFlow(page: Page) {
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        { id: 't', type: 'talk' },
      ],
      [['start', 'next', 't']],
    ),
  );
  return page.getByRole('button', { name: /Flow Checklist/ });
}

test('a flow just opened claims nothing until it is checked: no ✓ before the count', async ({ page }) => {
  // The checker loads and runs when the page is idle; hold its code to see the moment before.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/computeChecklist-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const checklist = await openUncheckedFlow(page);
  await expect(checklist).toHaveAccessibleName('Flow Checklist: checking the flow');
  await checklist.click();
  await expect(page.getByRole('dialog', { name: 'Flow Checklist' })).toContainText('Checking the flow…');
  release();
  await expect(page.getByRole('dialog', { name: 'Flow Checklist' })).toContainText('is not connected');
  await expect(checklist).toHaveAccessibleName(/^Flow Checklist: \d+ problems?$/);
});

test('when the checker cannot load, the checklist says the flow was not checked instead of waiting for ever', async ({ page }) => {
  await page.route(/\/assets\/computeChecklist-[^/]*\.js$/, (route) => route.abort());
  const checklist = await openUncheckedFlow(page);
  await expect(checklist).toHaveAccessibleName('Flow Checklist: could not check the flow, reload the page');
  await checklist.click();
  await expect(page.getByRole('dialog', { name: 'Flow Checklist' }).getByRole('alert')).toContainText('has not been checked');
  // The flow itself is there and saved as usual.
  await expect(page.getByTestId('block-Talk')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await shot(page, 'checklist-unavailable');
});

test('a new flow greets with a hint, not a red error; the hint goes with the first block', async ({ page }) => {
  await openFlow(page, flow([{ id: 'start', type: 'start' }]));
  await expect(page.getByRole('note', { name: 'Getting started' })).toContainText('Click + under Start to add the first block');
  const checklist = page.getByRole('button', { name: /Flow Checklist/ });
  await expect(checklist).toHaveAccessibleName('Flow Checklist: add the first block');
  await checklist.click();
  await expect(page.getByRole('dialog', { name: 'Flow Checklist' })).toContainText('Nothing to check yet');
  await shot(page, 'first-run');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Add block after Start' }).click();
  await page.getByRole('option', { name: /Talk/ }).click();
  await expect(page.getByRole('note', { name: 'Getting started' })).toHaveCount(0);
  await expect(checklist).toHaveAccessibleName(/Flow Checklist: \d+ problem/);
});

test('a click anywhere on a flow row opens the flow; its actions are in a menu', async ({ page }) => {
  await openFlow(page, flow([{ id: 'start', type: 'start' }]));
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByRole('heading', { name: 'Untitled flow' })).toBeVisible();
  const rows = page.getByRole('navigation', { name: 'Flows' }).getByRole('listitem');
  // The heading shows the new flow at once; its row joins the list (above) once it is stored, which
  // moves the other rows: wait for it, or a click measured before lands on the new row.
  await expect(rows.filter({ hasText: 'Untitled flow' })).toHaveCount(1);
  const row = rows.filter({ hasText: 'Test flow' });
  await row.hover();
  // Three quarters of the way across, where the old hover buttons sat (measured as the click happens).
  const box = (await row.boundingBox())!;
  await row.click({ position: { x: box.width * 0.7, y: box.height / 2 } });
  await expect(page.getByRole('heading', { name: 'Test flow' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Rename/ })).toHaveCount(0);
});

test('card summaries wrap at word boundaries', async ({ page }) => {
  await openFlow(
    page,
    flow([{ id: 'start', type: 'start', data: { greeting: 'Thank you for calling about your account balance and recent statements today' } }]),
  );
  const summary = page.getByTestId('block-Start').getByText(/Thank you/);
  await expect(summary).toHaveCSS('word-break', 'normal');
  const lines = await summary.evaluate((el) => {
    // Each rendered line's text: none may end or start in the middle of a word.
    const range = document.createRange();
    const text = el.firstChild!.firstChild ?? el.firstChild!;
    const tops = new Map<number, string>();
    const content = text.textContent!;
    for (let i = 0; i < content.length; i++) {
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      const top = Math.round(range.getBoundingClientRect().top);
      tops.set(top, (tops.get(top) ?? '') + content[i]);
    }
    return [...tops.values()];
  });
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(0, -1)) expect(line).toMatch(/\s$/);
});

test('the @ list orders groups as the panel does and stays inside the window', async ({ page }) => {
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        { id: 'a', type: 'apiRequest', data: { name: 'Zeta First', configured: true, url: 'https://x.example/a' } },
        { id: 'b', type: 'apiRequest', data: { name: 'Alpha Second', configured: true, url: 'https://x.example/b' } },
        { id: 'c', type: 'endCall', data: { name: 'Bye' } },
      ],
      [
        ['start', 'next', 'a'],
        ['a', 'next', 'b'],
        ['b', 'next', 'c'],
      ],
    ),
  );
  await page.getByTestId('block-Bye').click();
  const message = page.getByRole('complementary', { name: 'Block panel' }).getByRole('textbox', { name: 'Message' });
  await message.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' @');
  const list = page.getByRole('listbox');
  await expect(list).toBeVisible();
  await expect(list.locator('completion-section')).toHaveText(['Alpha Second', 'Zeta First', 'Call Variables']);
  const box = (await list.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  await shot(page, 'at-list');
});

test('Esc and Close return focus to the block card; edges are named by blocks and routes', async ({ page }) => {
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        { id: 't', type: 'talk', data: { name: 'Triage' } },
      ],
      [['start', 'next', 't']],
    ),
  );
  await expect(page.getByRole('group', { name: 'Connection Start → Triage' })).toBeAttached();
  await page.getByTestId('block-Triage').click();
  const panel = page.getByRole('complementary', { name: 'Block panel' });
  await panel.getByRole('button', { name: 'Add exit condition' }).focus();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(page.locator('.react-flow__node[data-id="t"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Close panel' }).click();
  await expect(page.locator('.react-flow__node[data-id="t"]')).toBeFocused();
});

test('copy: clamped values say their range; post-call blocks speak of no caller; no interim advice when one is on; one hint for a dead port', async ({
  page,
}) => {
  const closed = await closedPort();
  await openFlow(
    page,
    flow(
      [
        { id: 'start', type: 'start' },
        {
          id: 'api',
          type: 'apiRequest',
          data: {
            name: 'Live',
            configured: true,
            url: `http://127.0.0.1:${closed}/x`,
            timeoutSeconds: 30,
            retry: {
              enabled: true,
              maxAttempts: 3,
              backoff: 'fixed',
              initialDelayMs: 500,
              onTimeout: true,
              onNetworkError: true,
              on5xx: true,
              on429: true,
              idempotencyKey: false,
            },
            interim: { enabled: true, mode: 'fixed', text: 'One moment', delayEnabled: false, delaySeconds: 0 },
          },
        },
        {
          id: 'post',
          type: 'apiRequest',
          stage: 'post',
          data: {
            name: 'Log',
            configured: true,
            url: 'https://x.example/log',
            timeoutSeconds: 30,
            retry: {
              enabled: true,
              maxAttempts: 3,
              backoff: 'fixed',
              initialDelayMs: 500,
              onTimeout: true,
              onNetworkError: true,
              on5xx: true,
              on429: true,
              idempotencyKey: false,
            },
          },
        },
      ],
      [
        ['start', 'next', 'api'],
        ['api', 'post', 'post'],
      ],
    ),
  );
  const panel = page.getByRole('complementary', { name: 'Block panel' });
  await page.getByTestId('block-Live').click();
  await panel.getByRole('button', { name: /Advanced Settings/ }).click();
  const wait = panel.getByRole('status').filter({ hasText: 'Worst-case wait for the caller' });
  await expect(wait).toContainText('Over 15 s callers often hang up');
  await expect(wait).not.toContainText('interim message');
  await panel.getByRole('spinbutton', { name: 'Timeout Duration' }).fill('45');
  await expect(panel.getByRole('status').filter({ hasText: 'Timeout Duration is 1–30 s: 30 s is used.' })).toBeVisible();
  await panel.getByRole('spinbutton', { name: 'Max Attempts' }).fill('0');
  await expect(panel.getByRole('status').filter({ hasText: 'Max Attempts is 1–10: 1 is used.' })).toBeVisible();
  await shot(page, 'advanced-clamped');
  // Leave the field first: its range note goes on blur, and the panel would move under the click.
  await panel.getByRole('spinbutton', { name: 'Max Attempts' }).press('Tab');
  await panel.getByRole('tab', { name: /Test/ }).click();
  await expect(panel.getByRole('tab', { name: /Test/ })).toHaveAttribute('aria-selected', 'true');
  await panel.getByRole('button', { name: 'Send test request' }).click();
  await expect(panel.getByRole('alert')).toContainText('Nothing is answering');
  await expect(panel.getByText(/Check the port/)).toHaveCount(1);

  await page.getByTestId('block-Log').click();
  await panel.getByRole('button', { name: /Advanced Settings/ }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Longest this block can take' })).toBeVisible();
  await expect(panel.getByText(/caller/)).toHaveCount(0);
});
