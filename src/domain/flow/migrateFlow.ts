import { FLOW_VERSION } from './FlowDocument';

/**
 * One step per old version: `steps[v]` turns a version-v document into version v+1. Each step
 * takes what that version wrote and nothing else; validation of the result happens afterwards.
 */
const steps: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  /**
   * Version 0 (the first prototype) stored `blocks` with `kind`, `x`, `y` and `settings`, and
   * `connections` with `from`/`fromHandle`/`to`; post-call blocks were marked `postCall: true`.
   */
  0: (doc) => {
    const blocks = Array.isArray(doc.blocks) ? (doc.blocks as Record<string, unknown>[]) : [];
    const connections = Array.isArray(doc.connections) ? (doc.connections as Record<string, unknown>[]) : [];
    return {
      format: doc.format,
      version: 1,
      id: doc.id,
      name: doc.name,
      variables: [],
      nodes: blocks.map((b) => ({
        id: b.id,
        type: b.kind,
        position: { x: b.x, y: b.y },
        stage: b.postCall ? 'post' : 'live',
        data: b.settings ?? {},
      })),
      edges: connections.map((c, i) => ({
        id: c.id ?? `edge-${i + 1}`,
        source: c.from,
        sourceHandle: c.fromHandle ?? 'next',
        target: c.to,
        targetHandle: 'in',
      })),
    };
  },
  /**
   * Version 1 stored a Filter condition's variable as a bare name typed by hand (`order.status`).
   * Version 2 stores it as a {{token}}, as every other variable use is stored, so invalid
   * references, replacements and renames reach it.
   */
  1: (doc) => ({
    ...doc,
    version: 2,
    nodes: Array.isArray(doc.nodes) ? (doc.nodes as Record<string, unknown>[]).map(wrapFilterVariables) : doc.nodes,
  }),
  /** Version 3 adds the pre-call stage; version 2 files have none, so nothing changes but the number. */
  2: (doc) => ({ ...doc, version: 3 }),
  /** Version 4 keeps saved flow tests with the flow; older files have none. */
  3: (doc) => ({ ...doc, version: 4, tests: [] }),
};

const BARE_NAME = /^[A-Za-z_$][\w$-]*(?:\.[\w$-]+)*$/;

function wrapFilterVariables(node: Record<string, unknown>): Record<string, unknown> {
  const data = node.data as { cases?: unknown } | undefined;
  if (node.type !== 'filter' || !data || !Array.isArray(data.cases)) return node;
  const cases = data.cases.map((c: { conditions?: unknown }) => {
    if (!c || !Array.isArray(c.conditions)) return c;
    return {
      ...c,
      conditions: c.conditions.map((k: { variable?: unknown }) => {
        const name = typeof k?.variable === 'string' ? k.variable.trim() : '';
        return BARE_NAME.test(name) ? { ...k, variable: `{{${name}}}` } : k;
      }),
    };
  });
  return { ...node, data: { ...data, cases } };
}

export type MigrationResult = { ok: true; doc: Record<string, unknown>; from: number } | { ok: false; error: string };

/** Brings a document of any known older version up to FLOW_VERSION. */
export function migrateFlow(doc: Record<string, unknown>): MigrationResult {
  const from = doc.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) {
    return { ok: false, error: 'The file has no valid version number, so it cannot be read.' };
  }
  if (from > FLOW_VERSION) {
    return {
      ok: false,
      error: `This flow was saved by a newer version of Switchboard (file version ${from}; this one reads up to ${FLOW_VERSION}). Update Switchboard to open it.`,
    };
  }
  let current = doc;
  for (let v = from; v < FLOW_VERSION; v++) {
    const step = steps[v];
    if (!step) return { ok: false, error: `Files of version ${v} cannot be upgraded.` };
    current = step(current);
  }
  return { ok: true, doc: current, from };
}
