import { blockCatalog, inputStage, outputsOf } from '../blocks/blockCatalog';
import type { FlowEdge, FlowNode, Stage } from './FlowDocument';

export interface ConnectionAttempt {
  source: string;
  sourceHandle: string | null | undefined;
  target: string;
}

export type ConnectVerdict = { ok: true; kind: Stage } | { ok: false; reason: string };

/**
 * The connection rules of PRODUCT.md §1: live outputs feed live blocks and take one edge;
 * post-call outputs feed post-call blocks and take many; nothing feeds Start or a note.
 */
export function canConnect(nodes: ReadonlyMap<string, FlowNode> | readonly FlowNode[], edges: readonly FlowEdge[], attempt: ConnectionAttempt): ConnectVerdict {
  const find = (id: string) => ('get' in nodes ? nodes.get(id) : nodes.find((n) => n.id === id));
  const source = find(attempt.source);
  const target = find(attempt.target);
  if (!source || !target) return { ok: false, reason: 'That block no longer exists' };
  const handle = outputsOf(source).find((h) => h.id === attempt.sourceHandle);
  if (!handle) return { ok: false, reason: 'That output no longer exists' };
  const takes = inputStage(target);
  if (!takes) return { ok: false, reason: `${blockCatalog[target.type].label} has no input` };
  if (source.id === target.id) return { ok: false, reason: 'A block cannot connect to itself' };
  if (handle.kind !== takes) {
    return {
      ok: false,
      reason:
        handle.kind === 'post'
          ? 'A post-call output only connects to post-call blocks'
          : handle.kind === 'pre'
            ? 'A pre-call output only connects to pre-call blocks or to Start'
            : takes === 'pre'
              ? 'Start’s input takes only the pre-call chain'
              : 'A live output only connects to live blocks',
    };
  }
  const fromHandle = edges.filter((e) => e.source === source.id && e.sourceHandle === handle.id);
  if (fromHandle.some((e) => e.target === target.id)) return { ok: false, reason: 'These blocks are already connected' };
  if (handle.kind !== 'post' && fromHandle.length > 0) return { ok: false, reason: 'This output is already connected' };
  return { ok: true, kind: handle.kind };
}
