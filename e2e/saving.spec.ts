import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { flow } from './flowFixtures';

const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
const viewport = (page: Page) => page.locator('.react-flow__viewport').getAttribute('style');

async function addTalk(page: Page, prompt: string) {
  await page.getByRole('button', { name: 'Add block after Start' }).click();
  await page.getByRole('option', { name: /Talk/ }).click();
  await page.getByLabel('Prompt').fill(prompt);
}

/** The viewport stored for the open flow, read straight from IndexedDB. */
function storedViewport(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ x: number; y: number; zoom: number } | null>((resolve) => {
        const open = indexedDB.open('switchboard');
        open.onsuccess = () => {
          const all = open.result.transaction('viewports').objectStore('viewports').getAll();
          all.onsuccess = () => {
            resolve((all.result[0] as { viewport?: { x: number; y: number; zoom: number } } | undefined)?.viewport ?? null);
            open.result.close();
          };
        };
      }),
  );
}

/** Makes IndexedDB writes fail as if the disk were full, while `window.__failStorage` is true. */
async function installStorageSwitch(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __failStorage: boolean };
    w.__failStorage = false;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      if (w.__failStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
}

test('a flow and its viewport survive a reload', async ({ page }) => {
  await page.goto('/');
  await addTalk(page, 'Ask about the order');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await saved(page);
  // The zoom animates, and the viewport is written shortly after the view settles: wait until
  // what is stored is what is on screen.
  await expect
    .poll(async () => {
      const [shown, kept] = await Promise.all([viewport(page), storedViewport(page)]);
      return Boolean(kept && kept.zoom > 1 && shown?.includes(`scale(${kept.zoom})`) && shown.includes(`translate(${kept.x}px, ${kept.y}px)`));
    })
    .toBe(true);
  const view = await viewport(page);
  await page.reload();
  await expect(page.getByTestId('block-Talk')).toContainText('Ask about the order');
  expect(await viewport(page)).toBe(view);
  await expect(page.getByRole('navigation', { name: 'Flows' }).getByRole('button', { name: /^Untitled flow/ })).toHaveAttribute('aria-current', 'page');
});

/** Whether a stored flow document contains `text` (read straight from IndexedDB). */
function storedContains(page: Page, text: string) {
  return page.evaluate(
    (t) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('switchboard');
        open.onsuccess = () => {
          const all = open.result.transaction('flowDocs').objectStore('flowDocs').getAll();
          all.onsuccess = () => {
            resolve(JSON.stringify(all.result).includes(t));
            open.result.close();
          };
        };
      }),
    text,
  );
}

test('an edit made just before the tab closes is kept', async ({ page, context }) => {
  await page.goto('/');
  await addTalk(page, 'First');
  // “Saved” may still be showing from before the block was added: wait for the block itself.
  await expect.poll(() => storedContains(page, 'First')).toBe(true);
  await saved(page);
  await page.getByLabel('Prompt').fill('Typed right before closing');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByTestId('block-Talk')).toContainText('Typed right before closing');
});

test('export then import gives an identical flow; an invalid file changes nothing', async ({ page }) => {
  await page.goto('/');
  await addTalk(page, 'Round trip');
  await saved(page);
  const firstDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const exported = readFileSync(await (await firstDownload).path(), 'utf8');

  // Importing while the original exists makes a second flow; nothing is overwritten.
  await page.getByLabel('Flow file to import').setInputFiles({ name: 'flow.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByText('Imported “Untitled flow 2”.')).toBeVisible();
  const flows = page.getByRole('navigation', { name: 'Flows' }).getByRole('listitem');
  await expect(flows).toHaveCount(2);

  // Delete the original, import again: the same id and name come back, byte for byte.
  await page.getByRole('button', { name: 'Actions for Untitled flow 2', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(flows).toHaveCount(1);
  await page.getByRole('button', { name: 'Actions for Untitled flow', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(page.getByText('Deleted “Untitled flow”.')).toBeVisible();
  await page.getByLabel('Flow file to import').setInputFiles({ name: 'flow.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByText('Imported “Untitled flow”.')).toBeVisible();
  await expect(page.getByTestId('block-Talk')).toContainText('Round trip');
  const secondDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  expect(readFileSync(await (await secondDownload).path(), 'utf8')).toBe(exported);

  // A truncated file is refused with the reason, and the open flow is untouched.
  const count = await flows.count();
  await page
    .getByLabel('Flow file to import')
    .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(exported.slice(0, 200)) });
  await expect(page.getByText('Could not import “broken.json”: The file ends too early: it looks truncated')).toBeVisible();
  await expect(flows).toHaveCount(count);
  await expect(page.getByTestId('block-Talk')).toContainText('Round trip');

  const newer = JSON.stringify({ ...JSON.parse(exported), version: 99 });
  await page.getByLabel('Flow file to import').setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
  await expect(page.getByText(/saved by a newer version of Switchboard \(file version 99/)).toBeVisible();
  await expect(flows).toHaveCount(count);
});

test('a flow file dropped on the window is imported', async ({ page }) => {
  await page.goto('/');
  await saved(page);
  // The drop target arrives with the overlays chunk, fetched right after first paint.
  await page.getByRole('list', { name: 'Notifications' }).waitFor({ state: 'attached' });
  const doc = {
    format: 'switchboard-flow',
    version: 0,
    id: 'dropped',
    name: 'Dropped flow',
    blocks: [{ id: 's', kind: 'start', x: 0, y: 0, settings: {} }],
    connections: [],
  };
  const dataTransfer = await flowFileTransfer(page, doc, 'dropped.json');
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop a flow file to import it as a new flow')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByText('Imported “Dropped flow”. It was upgraded from file version 0.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Dropped flow' })).toBeVisible();
});

/** What a drop of a flow file hands the page: a DataTransfer holding the file. */
function flowFileTransfer(page: Page, doc: unknown, fileName: string) {
  return page.evaluateHandle(
    ([text, name]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      return dt;
    },
    [JSON.stringify(doc), fileName] as const,
  );
}

/** Writes records straight into the app's IndexedDB stores, as damaged or foreign data would be. */
function putStored(page: Page, records: Record<string, unknown[]>) {
  return page.evaluate(async (byStore) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('switchboard');
      r.onsuccess = () => resolve(r.result);
    });
    const tx = db.transaction(Object.keys(byStore), 'readwrite');
    for (const [store, values] of Object.entries(byStore)) for (const v of values) tx.objectStore(store).put(v);
    await new Promise((resolve) => (tx.oncomplete = resolve));
  }, records);
}

/** A flow saved once, then storage fails and an edit is made: "Not saved" on screen. */
async function editWhileStorageFails(page: Page, before: string, after: string) {
  await installStorageSwitch(page);
  await page.goto('/');
  await addTalk(page, before);
  await saved(page);
  await page.evaluate(() => ((window as unknown as { __failStorage: boolean }).__failStorage = true));
  await page.getByLabel('Prompt').fill(after);
  await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();
}

test('a full disk shows "Not saved", keeps the work, and saving resumes', async ({ page }) => {
  await editWhileStorageFails(page, 'Before the disk filled', 'Written while storage is full');
  await expect(page.getByRole('alert').filter({ hasText: 'Browser storage is full' })).toBeVisible();
  await expect(page.getByTestId('block-Talk')).toContainText('Written while storage is full');

  await page.evaluate(() => ((window as unknown as { __failStorage: boolean }).__failStorage = false));
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 8000 });
  await page.reload();
  await expect(page.getByTestId('block-Talk')).toContainText('Written while storage is full');
});

test('closing the tab while storage fails asks first, so the only copy is not lost', async ({ page }) => {
  await editWhileStorageFails(page, 'Saved once', 'Only in this tab');
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  // Leave anyway, and wait for the page to go: nothing may be pending when the test ends.
  const closed = page.waitForEvent('close');
  await dialog.accept();
  await closed;
});

test('a damaged entry in the stored flow list does not blank the app', async ({ page }) => {
  await page.goto('/');
  await saved(page);
  await putStored(page, { flowMeta: [{ id: 'odd', name: { not: 'text' }, updatedAt: 'not a date' }] });
  await page.reload();
  const sidebar = page.getByRole('navigation', { name: 'Flows' });
  await expect(sidebar.getByRole('listitem')).toHaveCount(2);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(sidebar.getByRole('listitem').filter({ hasText: 'Untitled flow' })).toHaveCount(2);
});

test('two tabs on one flow: changes flow across, and a clash is never silently lost', async ({ context }) => {
  const a = await context.newPage();
  await installStorageSwitch(a);
  await a.goto('/');
  await addTalk(a, 'From A');
  await saved(a);
  const b = await context.newPage();
  await installStorageSwitch(b);
  await b.goto('/');
  await expect(b.getByTestId('block-Talk')).toContainText('From A');

  // B has nothing unsaved: it takes A's change.
  await a.getByLabel('Prompt').fill('A again');
  await expect(b.getByTestId('block-Talk')).toContainText('A again');
  await expect(b.getByText('This flow was updated with changes made in another tab.')).toBeVisible();

  // B edits but cannot save yet; A saves a different edit. B must not overwrite A, nor lose its own.
  await b.evaluate(() => ((window as unknown as { __failStorage: boolean }).__failStorage = true));
  a.on('console', (m) => m.text().startsWith('DBG') && console.log('A', m.text()));
  b.on('console', (m) => m.text().startsWith('DBG') && console.log('B', m.text()));
  await b.getByTestId('block-Talk').click();
  await b.getByLabel('Prompt').fill('B edit');
  await expect(b.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();
  await a.getByLabel('Prompt').fill('A edit');
  await saved(a);
  await expect(b.getByRole('alert').filter({ hasText: 'This flow was also changed in another tab' })).toBeVisible();
  // The disk comes back: B's retry must still not write over A (its timing is unit-tested on a fake
  // clock in createFlowLibrary.test.ts; here the page is hidden, which saves at once if it may).
  await b.evaluate(() => {
    (window as unknown as { __failStorage: boolean }).__failStorage = false;
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(b.getByRole('status').filter({ hasText: 'Not saved: changed in another tab' })).toBeVisible();
  await expect(b.getByTestId('block-Talk')).toContainText('B edit');
  await a.reload();
  await expect(a.getByTestId('block-Talk')).toContainText('A edit');

  await b.getByRole('button', { name: 'Save mine as a copy' }).click();
  await expect(b.getByRole('heading', { name: 'Untitled flow (my version)' })).toBeVisible();
  await expect(b.getByTestId('block-Talk')).toContainText('B edit');
  await expect(a.getByRole('navigation', { name: 'Flows' }).getByRole('button', { name: /^Untitled flow \(my version\)/ })).toBeVisible();
});

test('flows sidebar: new, rename, duplicate, delete with Undo', async ({ page }) => {
  await page.goto('/');
  await saved(page);
  const sidebar = page.getByRole('navigation', { name: 'Flows' });
  await page.getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByRole('heading', { name: 'Untitled flow 2' })).toBeVisible();
  await sidebar.getByRole('button', { name: 'Actions for Untitled flow 2' }).click();
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  await page.getByRole('textbox', { name: 'Rename Untitled flow 2' }).fill('Billing');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Billing' })).toBeVisible();
  await sidebar.getByRole('button', { name: 'Actions for Billing' }).click();
  await page.getByRole('menuitem', { name: 'Duplicate' }).click();
  await expect(page.getByRole('heading', { name: 'Billing copy' })).toBeVisible();
  await expect(sidebar.getByRole('listitem')).toHaveCount(3);
  await sidebar.getByRole('button', { name: 'Actions for Billing copy' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(sidebar.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('list', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
  await expect(sidebar.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('heading', { name: 'Billing copy' })).toBeVisible();
  await page.reload();
  await expect(sidebar.getByRole('listitem')).toHaveCount(3);
});

test('stored data that cannot be read is set aside and reported, never overwritten', async ({ page }) => {
  await page.goto('/');
  await saved(page);
  await putStored(page, {
    flowMeta: [{ id: 'bad', name: 'Broken flow', updatedAt: Date.now() + 1000 }],
    flowDocs: [{ id: 'bad', revision: 1, savedBy: 'x', doc: { format: 'switchboard-flow', version: 1, nodes: 'garbage' } }],
    session: [{ key: 'session', openFlowId: 'bad' }],
  });
  await page.reload();
  await expect(page.getByText(/The saved flow “Broken flow” could not be read/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Untitled flow' })).toBeVisible();
  const kept = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('switchboard');
      r.onsuccess = () => resolve(r.result);
    });
    return new Promise<unknown[]>((resolve) => {
      const r = db.transaction('quarantine').objectStore('quarantine').getAll();
      r.onsuccess = () => resolve(r.result);
    });
  });
  expect(kept).toMatchObject([{ flowId: 'bad', raw: { nodes: 'garbage' } }]);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download its data' }).click();
  expect(readFileSync(await (await download).path(), 'utf8')).toContain('garbage');
});

test('the flows sidebar can be hidden to give the canvas room', async ({ page }) => {
  await page.goto('/');
  const canvas = page.getByRole('main', { name: 'Flow canvas' });
  const before = (await canvas.boundingBox())!.width;
  await page.getByRole('button', { name: 'Hide flows' }).click();
  await expect(page.getByRole('navigation', { name: 'Flows' })).toHaveCount(0);
  expect((await canvas.boundingBox())!.width).toBeGreaterThan(before + 150);
  await page.getByRole('button', { name: 'Show flows' }).click();
  await expect(page.getByRole('navigation', { name: 'Flows' })).toBeVisible();
});

test('a flow opened while the flows sidebar is hidden is framed in the middle of the canvas', async ({ page }) => {
  await page.goto('/');
  await saved(page);
  await page.getByRole('list', { name: 'Notifications' }).waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Hide flows' }).click();
  await expect(page.getByRole('navigation', { name: 'Flows' })).toHaveCount(0);
  const doc = {
    ...flow([
      { id: 'start', type: 'start' },
      { id: 'far', type: 'talk', position: { x: 1400, y: 300 } },
    ]),
    id: 'wide',
    name: 'Wide flow',
  };
  const dataTransfer = await flowFileTransfer(page, doc, 'wide.json');
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByRole('heading', { name: 'Wide flow' })).toBeVisible();
  const canvas = (await page.getByRole('main', { name: 'Flow canvas' }).boundingBox())!;
  // The view is framed before the canvas exists to be measured: from the window, less what is beside the canvas.
  await expect(async () => {
    const boxes = await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(2);
    const left = Math.min(...boxes.map((b) => b.left));
    const right = Math.max(...boxes.map((b) => b.right));
    // Across only: down, a card's height is known only once it is drawn (the framing assumes 88 px).
    expect(Math.abs((left + right) / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(3);
  }).toPass({ timeout: 5000 });
});

test('a save that fails half-way (the document written, its list entry not) keeps saving, with no false “another tab” and no uncaught errors', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __failMetaOnce: boolean };
    w.__failMetaOnce = false;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      // The list entry's write throws as it is made; the document's, made just before, does not.
      if (w.__failMetaOnce && this.name === 'flowMeta') {
        w.__failMetaOnce = false;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
  });
  await page.goto('/');
  await addTalk(page, 'First');
  await saved(page);
  await page.evaluate(() => ((window as unknown as { __failMetaOnce: boolean }).__failMetaOnce = true));
  await page.getByLabel('Prompt').fill('Second');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();
  // The retry saves; no other tab exists, so no clash may be claimed.
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 8000 });
  await page.getByLabel('Prompt').fill('Third');
  await saved(page);
  await expect(page.getByText(/another tab/)).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('block-Talk')).toContainText('Third');
  expect(errors).toEqual([]);
});

test('a listed flow whose content is missing says so and can be removed from the list', async ({ page }) => {
  await page.goto('/');
  await saved(page);
  await putStored(page, { flowMeta: [{ id: 'ghost', name: 'Ghost flow', updatedAt: Date.now() + 1000 }] });
  await page.reload();
  await saved(page);
  const sidebar = page.getByRole('navigation', { name: 'Flows' });
  await sidebar.getByRole('listitem').filter({ hasText: 'Ghost flow' }).click();
  const alert = page
    .getByRole('list', { name: 'Notifications' })
    .getByRole('listitem')
    .filter({ hasText: '“Ghost flow” cannot be opened: its content is missing' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Remove it from the list' }).click();
  await expect(sidebar.getByRole('listitem').filter({ hasText: 'Ghost flow' })).toHaveCount(0);
  await page.reload();
  await expect(sidebar.getByRole('listitem').filter({ hasText: 'Ghost flow' })).toHaveCount(0);
});

test('when the code that opens a flow cannot load (server gone, files replaced), the page says so and offers Reload; the stored flow is untouched', async ({
  page,
}) => {
  await page.goto('/');
  await addTalk(page, 'Kept through a failed load');
  await saved(page);
  // The next load cannot fetch the chunk that reads and validates flows.
  await page.route(/\/assets\/openFlow-[^/]+\.js$/, (route) => route.abort());
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('could not finish loading');
  await expect(page.getByText('Opening your flows…')).toHaveCount(0);
  await page.unroute(/\/assets\/openFlow-[^/]+\.js$/);
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByTestId('block-Talk')).toContainText('Kept through a failed load');
});

test('a flow file dropped while the app is still loading is imported, not opened by the browser', async ({ page }) => {
  // Hold the app's code back: only the page and its first classic script have run.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/assets/*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  await page.waitForFunction(() => document.body !== null && '__switchboardDrops' in window);
  await expect(page.getByRole('button', { name: 'Test agent' })).toHaveCount(0);
  const doc = {
    format: 'switchboard-flow',
    version: 0,
    id: 'early',
    name: 'Early drop',
    blocks: [{ id: 's', kind: 'start', x: 0, y: 0, settings: {} }],
    connections: [],
  };
  const prevented = await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'early.json', { type: 'application/json' }));
    const over = new DragEvent('dragover', { dataTransfer: dt, cancelable: true, bubbles: true });
    const drop = new DragEvent('drop', { dataTransfer: dt, cancelable: true, bubbles: true });
    document.body.dispatchEvent(over);
    document.body.dispatchEvent(drop);
    // Not prevented, the browser would open the file in place of the editor.
    return [over.defaultPrevented, drop.defaultPrevented];
  }, JSON.stringify(doc));
  expect(prevented).toEqual([true, true]);
  release();
  await expect(page.getByText('Imported “Early drop”. It was upgraded from file version 0.')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'Early drop' })).toBeVisible();
});

/** Every stored flow document, as text (the flow itself and any copies). */
function storedText(page: Page) {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('switchboard');
        open.onsuccess = () => {
          const all = open.result.transaction('flowDocs').objectStore('flowDocs').getAll();
          all.onsuccess = () => {
            resolve(JSON.stringify(all.result));
            open.result.close();
          };
        };
      }),
  );
}

test('closing the tab 0, 50, 200 and 1000 ms after the last keystroke loses nothing', async ({ browser }) => {
  const context = await browser.newContext();
  let page = await context.newPage();
  await page.goto('/');
  await addTalk(page, 'Start');
  await saved(page);
  for (const ms of [0, 50, 200, 1000]) {
    await page.getByTestId('block-Talk').click();
    await page.getByLabel('Prompt').fill(`Closed ${ms} ms after typing`);
    // The delay is the scenario itself (how soon the tab goes), not a wait for the app.
    if (ms) await page.waitForTimeout(ms);
    await page.close({ runBeforeUnload: true });
    page = await context.newPage();
    await page.goto('/');
    await expect(page.getByTestId('block-Talk')).toContainText(`Closed ${ms} ms after typing`);
  }
  await context.close();
});

test('a hard kill (no script runs again, no unload handler) loses at most the last moment: an edit a second old is kept', async ({ browser }) => {
  test.setTimeout(120_000);
  const kept: Record<number, boolean> = {};
  for (const ms of [0, 50, 200, 1000]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const again = await context.newPage();
    await page.goto('/');
    await addTalk(page, 'Before the crash');
    await expect.poll(() => storedContains(page, 'Before the crash')).toBe(true);
    await saved(page);
    await page.getByLabel('Prompt').fill(`Killed ${ms} ms after typing`);
    if (ms) await page.waitForTimeout(ms);
    // A hard kill as the page sees it: from this instant no script of it runs again (no timer,
    // no unload handler). CDP's Page.crash would take the shared test browser down with it.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.close();
    await again.goto('/');
    await expect(again.getByTestId('block-Talk')).toBeVisible();
    kept[ms] = (await again.getByTestId('block-Talk').textContent())!.includes(`Killed ${ms} ms after typing`);
    await context.close();
  }
  console.log(`hard kill after the last keystroke, edit kept: ${JSON.stringify(kept)}`);
  expect(kept[1000]).toBe(true);
});

/** Tab A saves a flow with a Talk block ("Shared"); tab B opens on it. */
async function twoTabsOnOneFlow(context: BrowserContext) {
  const a = await context.newPage();
  await a.goto('/');
  await addTalk(a, 'Shared');
  await saved(a);
  const b = await context.newPage();
  await b.goto('/');
  await expect(b.getByTestId('block-Talk')).toContainText('Shared');
  return [a, b] as const;
}

/**
 * After tab A closed with an edit while tab B saved another: B settles in one of two ways, and
 * whichever it is must hold: “Saved” with B's edit really stored, or the clash with B's edit still
 * on screen. A's edit is stored either way (applied, or kept as a copy).
 */
async function bothEditsKept(b: Page, aEdit: string, bEdit: string, label: string) {
  const clash = b.getByRole('alert').filter({ hasText: 'This flow was also changed in another tab' });
  const savedNow = b.getByRole('status').filter({ hasText: /^Saved$/ });
  await expect
    .poll(
      async () => {
        if (await clash.isVisible()) return 'clash';
        if (await savedNow.isVisible()) return (await storedText(b)).includes(bEdit) ? 'saved' : 'Saved shown, B not stored';
        return 'settling';
      },
      { message: `B settles (${label})`, timeout: 20_000 },
    )
    .toMatch(/^(clash|saved)$/);
  // B looks for what A left for up to ~12 s (A may be gone before it could tell again).
  await expect.poll(() => storedText(b), { message: `A's edit is stored (${label})`, timeout: 20_000 }).toContain(aEdit);
  if (await clash.isVisible()) await expect(b.getByTestId('block-Talk')).toContainText(bEdit);
  else expect(await storedText(b), `B's edit is stored (${label})`).toContain(bEdit);
}

test('two tabs: one closing while the other saves, swept over 0–80 ms — neither edit is lost, no false “Saved”', async ({ browser }) => {
  test.setTimeout(300_000);
  for (const offset of [0, 20, 40, 60, 80]) {
    const context = await browser.newContext();
    const [a, b] = await twoTabsOnOneFlow(context);
    await b.getByTestId('block-Talk').click();
    // Two different fields: whichever tab saw the other's write first keeps both edits, so both
    // must survive (an edit of the same field after seeing the other's would rightly replace it).
    await a.getByTestId('block-Start').click();
    // B's save starts ~250 ms after its edit; A closes (with an edit of its own still unsaved)
    // from 40 ms before that to 40 ms after. These delays are the scenario, not waits for the app.
    await b.getByLabel('Prompt').fill(`B at ${offset}`);
    await b.waitForTimeout(110 + offset);
    await a.getByRole('textbox', { name: 'Greeting Message' }).fill(`A at ${offset}`);
    await a.waitForTimeout(100);
    await a.close({ runBeforeUnload: true });
    await bothEditsKept(b, `A at ${offset}`, `B at ${offset}`, `offset ${offset} ms`);
    await context.close();
  }
});

test('a tab closing while another tab’s save is held up by a slow disk still leaves its edit behind', async ({ context }) => {
  const [a, b] = await twoTabsOnOneFlow(context);
  // A slow disk, held as long as the test needs: a transaction kept busy on the flows' documents
  // until released, so B's next save waits behind it. Chromium drops a closing page's IndexedDB
  // write that waits behind another tab's: A's edit was lost in 9 of 12 runs with both cores busy
  // before it went to synchronous storage (leftCopies).
  await b.evaluate(
    () =>
      new Promise<void>((ready) => {
        const open = indexedDB.open('switchboard');
        open.onsuccess = () => {
          const store = open.result.transaction('flowDocs', 'readwrite').objectStore('flowDocs');
          const w = window as unknown as { __release?: boolean };
          const spin = () => {
            if (!w.__release) store.get('none').onsuccess = spin;
          };
          spin();
          ready();
        };
      }),
  );
  await b.getByTestId('block-Talk').click();
  await b.getByLabel('Prompt').fill('B edit');
  await expect(b.getByRole('status').filter({ hasText: 'Saving…' })).toBeVisible();
  await a.getByTestId('block-Start').click();
  await a.getByRole('textbox', { name: 'Greeting Message' }).fill('A edit');
  await a.close({ runBeforeUnload: true });
  await b.evaluate(() => ((window as unknown as { __release?: boolean }).__release = true));
  await bothEditsKept(b, 'A edit', 'B edit', 'held-up save');
});

test('a valid 19 MB flow (one huge sticky note) imports without freezing the page; the note can be downloaded or shortened', async ({ page }) => {
  await page.goto('/');
  await saved(page);
  await page.getByRole('list', { name: 'Notifications' }).waitFor({ state: 'attached' });
  // Built and dropped inside the page: 19 MB through the test's own channel would measure that instead.
  const longest = await page.evaluate(async () => {
    const long: number[] = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) long.push(e.duration);
    }).observe({ type: 'longtask' });
    const doc = {
      format: 'switchboard-flow',
      version: 4,
      id: 'huge',
      name: 'Huge note',
      variables: [],
      tests: [],
      edges: [],
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, stage: 'live', data: { name: 'Start', greeting: 'Hi' } },
        {
          id: 'note',
          type: 'sticky',
          position: { x: 320, y: 0 },
          stage: 'live',
          data: { text: 'lorem ipsum {{x}} '.repeat(1_100_000) },
          width: 300,
          height: 200,
        },
      ],
    };
    const dt = new DataTransfer();
    dt.items.add(new File([JSON.stringify(doc)], 'huge.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
    await new Promise<void>((resolve) => {
      const tick = () => (document.querySelector('[aria-label="Notifications"]')?.textContent?.includes('Imported') ? resolve() : setTimeout(tick, 50));
      tick();
    });
    return Math.max(0, ...long);
  });
  console.log(`19.8 MB import: longest main-thread task ${Math.round(longest)} ms`);
  // The note's text box alone held the page for 16 s before; a few hundred ms remain (the save's copy).
  expect(longest).toBeLessThan(5000);
  await expect(page.getByRole('heading', { name: 'Huge note' })).toBeVisible();
  const note = page.locator('.react-flow__node').filter({ hasText: 'too long to edit on the canvas' });
  await expect(note).toContainText('This note is 19.8 million characters long');
  await note.getByRole('button', { name: 'Keep the first 100,000 characters' }).click();
  await expect(page.getByRole('textbox', { name: 'Sticky note text' })).toBeVisible();
  await saved(page);
});
