import { blockSchemas } from '../blocks/blockSchemas';
import { blockCatalog } from '../blocks/blockCatalog';
import { FLOW_FORMAT, FLOW_VERSION, type FlowDocument } from './FlowDocument';
import { flowSchema } from './flowSchema';
import { migrateFlow } from './migrateFlow';
import { repairEdges } from './repairEdges';

export type ParsedFlow = { ok: true; flow: FlowDocument; migratedFrom?: number; dropped?: string[] } | { ok: false; error: string };

/** Largest file we read: far above any real flow, small enough to never freeze the tab. */
export const MAX_FLOW_FILE_BYTES = 20 * 1024 * 1024;

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  const path = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Reads a flow file (or a stored flow) into a current, valid document, or says exactly why not.
 * Never throws. Older versions are migrated; newer ones, truncated or foreign files are refused.
 */
export function parseFlowFile(text: string): ParsedFlow {
  if (text.length > MAX_FLOW_FILE_BYTES)
    return { ok: false, error: 'The file is larger than 20 MB, which is far more than any flow; it is probably not a flow file.' };
  if (!text.trim()) return { ok: false, error: 'The file is empty.' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const trimmed = text.trimEnd();
    const truncated = trimmed.startsWith('{') && !trimmed.endsWith('}');
    return {
      ok: false,
      error: truncated
        ? 'The file ends too early: it looks truncated (perhaps the download or copy was cut short).'
        : `The file is not valid JSON (${(e as Error).message}).`,
    };
  }
  return parseFlowValue(raw);
}

/** As parseFlowFile, for a value already parsed (e.g. read back from IndexedDB). */
export function parseFlowValue(raw: unknown): ParsedFlow {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'The file does not contain a flow (expected a JSON object).' };
  const record = raw as Record<string, unknown>;
  if (record.format !== FLOW_FORMAT) {
    return { ok: false, error: 'This is not a Switchboard flow file (its "format" is not "switchboard-flow").' };
  }
  const migrated = migrateFlow(record);
  if (!migrated.ok) return migrated;
  const parsed = flowSchema.safeParse(migrated.doc);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map(describeIssue).join('; ');
    return { ok: false, error: `The flow file is damaged: ${issues}.` };
  }
  const doc = parsed.data as FlowDocument;

  const ids = new Set<string>();
  for (const n of doc.nodes) {
    if (ids.has(n.id)) return { ok: false, error: `The flow file is damaged: two blocks share the id “${n.id}”.` };
    ids.add(n.id);
  }
  const starts = doc.nodes.filter((n) => blockCatalog[n.type].kind === 'trigger').length;
  if (starts !== 1) return { ok: false, error: `The flow file is damaged: a flow has exactly one Start block, this one has ${starts}.` };
  const edgeIds = new Set<string>();
  for (const e of doc.edges) {
    if (!ids.has(e.source) || !ids.has(e.target))
      return { ok: false, error: `The flow file is damaged: connection “${e.id}” points at a block that is not in the file.` };
    if (edgeIds.has(e.id)) return { ok: false, error: `The flow file is damaged: two connections share the id “${e.id}”.` };
    edgeIds.add(e.id);
  }
  const nodes = [];
  for (const n of doc.nodes) {
    try {
      nodes.push({ ...n, data: blockSchemas[n.type].parse(n.data) as Record<string, unknown> });
    } catch {
      return { ok: false, error: `The flow file is damaged: the settings of block “${String(n.data.name ?? n.id)}” cannot be read.` };
    }
  }
  // Connections that break the flow's rules are left out, and said, rather than refusing a file
  // whose blocks are all fine.
  const { edges, dropped } = repairEdges(nodes, doc.edges);
  return {
    ok: true,
    flow: { ...doc, nodes, edges },
    ...(migrated.from < FLOW_VERSION ? { migratedFrom: migrated.from } : {}),
    ...(dropped.length ? { dropped } : {}),
  };
}
