import type { Browser, Page } from '@playwright/test';
import { defaultData } from '../src/domain/blocks/blockCatalog';
import type { FlowDocument } from '../src/domain/flow/FlowDocument';
import { gridPosition } from './benchFlow';
import { percentiles } from './measure';

const COMMAND = `curl -X POST 'https://api.example.com/v1/leads?source=phone' \\
  -H 'Authorization: Bearer $API_KEY' \\
  -H 'Content-Type: application/json' \\
  -d '{"name": "Ann", "phone": "+15550001111", "tags": ["new", "inbound"]}'`;

/** n blocks: Start, then API Request blocks chained by their continuation. */
function apiFlow(n: number, configured: boolean): FlowDocument {
  const nodes = Array.from({ length: n }, (_, i) =>
    i === 0
      ? { id: 'start', type: 'start' as const, stage: 'live' as const, position: gridPosition(0), data: defaultData('start') }
      : {
          id: `n${i}`,
          type: 'apiRequest' as const,
          stage: 'live' as const,
          position: gridPosition(i),
          data: { ...defaultData('apiRequest'), name: `Call ${i}`, configured, method: 'POST', url: `https://api.example.com/v1/items/${i}` },
        },
  );
  const edges = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: nodes[i]!.id, sourceHandle: 'next', target: node.id, targetHandle: 'in' as const }));
  return { format: 'switchboard-flow', version: 2, id: `api-${n}-${configured}`, name: `API ${n}`, variables: [], tests: [], nodes, edges };
}

async function openDoc(browser: Browser, url: string, doc: FlowDocument): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript((d) => ((window as unknown as { __SWITCHBOARD_BOOT__: unknown }).__SWITCHBOARD_BOOT__ = d), doc);
  await page.goto(url);
  await page.locator('.react-flow__node').first().waitFor();
  await page.waitForTimeout(300);
  return page;
}

async function openBlock(page: Page, id: string) {
  await page.locator(`.react-flow__node[data-id="${id}"]`).click();
  await page.getByRole('complementary', { name: 'Block panel' }).waitFor();
}

/**
 * Import time (first: loads the tokenizer and its WebAssembly; repeat: warm), time to open Code
 * mode (loads Monaco), and keystroke-to-frame typing into the URL of a block in a 1000-block flow,
 * with the number of other cards that re-rendered (their DOM changed) while typing.
 */
export async function apiRequestBench(browser: Browser, url: string): Promise<string[][]> {
  const rows: string[][] = [];
  const f = (v: number, d = 0) => v.toFixed(d);

  const page = await openDoc(browser, url, apiFlow(3, false));
  await openBlock(page, 'n1');
  const times: number[] = [];
  for (let i = 0; i < 4; i++) {
    if (i === 0) await page.getByLabel('cURL Command').fill(COMMAND);
    else {
      await page.getByRole('button', { name: 'Import from cURL' }).click();
      await page.getByRole('dialog').getByLabel('cURL Command').fill(COMMAND);
    }
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: i === 0 ? 'Import from cURL' : 'Replace request' }).click();
    await page.getByRole('status', { name: 'Import notes' }).waitFor();
    if (i > 0) await page.getByRole('dialog').waitFor({ state: 'hidden' });
    times.push((await page.evaluate(() => performance.now())) - t0);
  }
  rows.push(['import from cURL, first (loads tokenizer + wasm)', `${f(times[0]!)} ms`, '', '', '']);
  rows.push(['import from cURL, repeat (median of 3)', `${f(percentiles(times.slice(1)).p50)} ms`, '', '', '']);

  const c0 = await page.evaluate(() => performance.now());
  await page.getByRole('radio', { name: 'Code', exact: true }).click();
  await page.locator('.monaco-editor .view-lines').waitFor();
  rows.push(['open Code mode (loads Monaco)', `${f((await page.evaluate(() => performance.now())) - c0)} ms`, '', '', '']);
  await page.context().close();

  const big = await openDoc(browser, url, apiFlow(1000, true));
  const target = await big.evaluate(() => {
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    let best = { id: '', d: Infinity };
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const r = el.getBoundingClientRect();
      const d = Math.hypot(r.left + r.width / 2 - (canvas.left + canvas.width / 2), r.top + r.height / 2 - (canvas.top + canvas.height / 2));
      if (d < best.d && el.dataset.id !== 'start') best = { id: el.dataset.id!, d };
    }
    return best.id;
  });
  await openBlock(big, target);
  await big.getByRole('textbox', { name: 'URL' }).click();
  await big.keyboard.press('End');
  await big.evaluate((edited) => {
    const w = window as unknown as { __lat: number[]; __changed: Set<string> };
    w.__lat = [];
    w.__changed = new Set();
    document.addEventListener(
      'keydown',
      (e) => {
        const t0 = e.timeStamp;
        requestAnimationFrame((t) => w.__lat.push(t - t0));
      },
      true,
    );
    new MutationObserver((records) => {
      for (const r of records) {
        const node = (r.target instanceof Element ? r.target : r.target.parentElement)?.closest<HTMLElement>('.react-flow__node');
        if (node && node.dataset.id !== edited) w.__changed.add(node.dataset.id!);
      }
    }).observe(document.querySelector('.react-flow__nodes')!, { subtree: true, childList: true, characterData: true });
  }, target);
  for (let i = 0; i < 40; i++) await big.keyboard.type(i % 10 === 9 ? '/' : 'x', { delay: 30 });
  const lat = percentiles(await big.evaluate(() => (window as unknown as { __lat: number[] }).__lat));
  const changed = await big.evaluate(() => (window as unknown as { __changed: Set<string> }).__changed.size);
  rows.push(['typing the URL, 1000 blocks: keystroke→frame', `p50 ${f(lat.p50, 1)} ms, p95 ${f(lat.p95, 1)} ms`, '', '', 'p50 ≤ 16 ms']);
  rows.push(['typing the URL, 1000 blocks: other cards re-rendered', String(changed), '', '', '0']);
  await big.context().close();
  return rows;
}
