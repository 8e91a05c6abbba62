import { blockCatalog } from '../blocks/blockCatalog';
import type { FlowEdge, FlowNode } from './FlowDocument';
import { uniqueName } from './uniqueName';

export const CLIPBOARD_KIND = 'switchboard-clipboard';

export interface ClipboardFragment {
  kind: typeof CLIPBOARD_KIND;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** The selected blocks (never Start) and only the edges between them. */
export function copyFragment(nodes: readonly FlowNode[], edges: readonly FlowEdge[], ids: ReadonlySet<string>): ClipboardFragment {
  const picked = nodes.filter((n) => ids.has(n.id) && blockCatalog[n.type].kind !== 'trigger');
  const pickedIds = new Set(picked.map((n) => n.id));
  return {
    kind: CLIPBOARD_KIND,
    nodes: structuredClone(picked),
    edges: edges.filter((e) => pickedIds.has(e.source) && pickedIds.has(e.target)).map((e) => ({ ...e })),
  };
}

/**
 * New copies of a fragment: fresh ids, names made unique against `takenNames`, moved by
 * `offset`. Edges keep pointing inside the copy.
 */
export function instantiateFragment(
  fragment: ClipboardFragment,
  takenNames: Iterable<string>,
  offset: { x: number; y: number },
  newId: () => string,
): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const names = [...takenNames];
  const idMap = new Map<string, string>();
  const nodes = fragment.nodes.map((n) => {
    const id = newId();
    idMap.set(n.id, id);
    const data = { ...n.data };
    if (blockCatalog[n.type].named) {
      data.name = uniqueName(String(n.data.name ?? blockCatalog[n.type].label), names);
      names.push(String(data.name));
    }
    return { ...n, id, data, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } };
  });
  const edges = fragment.edges.map((e) => ({
    ...e,
    id: newId(),
    source: idMap.get(e.source)!,
    target: idMap.get(e.target)!,
  }));
  return { nodes, edges };
}
