import { expect, type Page } from '@playwright/test';
import type { FlowDocument, FlowEdge, FlowNode } from '../src/domain/flow/FlowDocument';
import { defaultData } from '../src/domain/blocks/blockCatalog';

type NodeSpec = Pick<FlowNode, 'id' | 'type'> & Partial<FlowNode>;

/** A flow document for a test, blocks filled with their defaults. */
export function flow(nodes: NodeSpec[], edges: [string, string, string][] = []): FlowDocument {
  return {
    format: 'switchboard-flow',
    version: 2,
    id: 'test-flow',
    name: 'Test flow',
    variables: [],
    tests: [],
    nodes: nodes.map((n, i) => ({
      stage: 'live',
      position: { x: 0, y: i * 160 },
      ...n,
      data: { ...defaultData(n.type), ...n.data },
    })),
    edges: edges.map(([source, sourceHandle, target], i): FlowEdge => ({ id: `e${i}`, source, sourceHandle, target, targetHandle: 'in' })),
  };
}

/** Opens the app on a given flow (the boot hook the app reads at start). */
export async function openFlow(page: Page, doc: FlowDocument) {
  await page.addInitScript((d) => {
    (window as unknown as { __SWITCHBOARD_BOOT__: unknown }).__SWITCHBOARD_BOOT__ = d;
  }, doc);
  await page.goto('/');
  await page.locator('.react-flow__node').first().waitFor();
}

/** Clicks the empty canvas: the field loses focus, the block panel and the Available Variables panel beside it close. */
export const leavePanel = (page: Page) => page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });

/**
 * Types `@query` in the focused field and takes the completion once the list shows the wanted
 * variable selected: the list updates a moment after each key, and Enter on a list still showing
 * an earlier state would pick something else (or, in a multi-line field, type a new line).
 */
export async function pickVariable(page: Page, query: string, label: string | RegExp) {
  await page.keyboard.type(`@${query}`);
  await expect(page.getByRole('listbox').getByRole('option', { selected: true })).toContainText(label);
  // A list still being updated after the last key shows its old options, disabled: Enter would be ignored.
  await expect(page.locator('.cm-tooltip-autocomplete-disabled')).toHaveCount(0);
  await page.keyboard.press('Enter');
}
