import type { FlowDocument } from '../flow/FlowDocument';
import { blockCatalog } from '../blocks/blockCatalog';
import { normalizeName } from '../flow/uniqueName';

export interface BlockRefs {
  /** A block's id from its name as a test writes it (or its id); undefined when no block answers. */
  idOf(ref: string): string | undefined;
  nameOf(id: string): string;
}

/** Tests name blocks as people see them ("Find order"); names compare as the Checklist compares them. */
export function blockRefs(flow: FlowDocument): BlockRefs {
  const byName = new Map<string, string>();
  const names = new Map<string, string>();
  for (const n of flow.nodes) {
    const name = String(n.data.name ?? blockCatalog[n.type].label);
    names.set(n.id, name);
    if (!byName.has(normalizeName(name))) byName.set(normalizeName(name), n.id);
  }
  return {
    idOf: (ref) => (names.has(ref) ? ref : byName.get(normalizeName(ref))),
    nameOf: (id) => names.get(id) ?? id,
  };
}
