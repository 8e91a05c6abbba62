import type { Speech, TraceEvent } from './EngineTypes';

type Of<K extends TraceEvent['kind']> = Extract<TraceEvent, { kind: K }>;
export interface Stored {
  name: string;
  value: unknown;
  secret?: boolean;
}

/** What the Test agent chat shows: the conversation, with the action trace between its bubbles. */
export type TraceItem =
  | { kind: 'agent'; seq: number; at: number; blockId?: string; text: string; speech: Speech; promptable: boolean; stored: Stored[] }
  | { kind: 'caller'; seq: number; at: number; text: string }
  | {
      kind: 'block';
      seq: number;
      at: number;
      blockId: string;
      blockName: string;
      blockType: string;
      stored: Stored[];
      route?: { label?: string; handle: string; to: string };
      filter?: Of<'filter.case'>;
      api?: { attempts: Of<'api.attempt'>[]; waits: Of<'api.wait'>[]; result?: Of<'api.result'> };
      outcome?: string;
    }
  | { kind: 'silence'; seq: number; at: number; ms: number; blockId?: string }
  | { kind: 'problem'; seq: number; at: number; message: string; fatal: boolean; blockId?: string }
  | { kind: 'end'; seq: number; at: number; reason: Of<'call.end'>['reason'] }
  | { kind: 'postcall'; seq: number; at: number; blocks: string[] };

/**
 * Groups a call's trace for display: each block entered is one entry that gathers what happened in
 * it (attempts, waits, result, case matched, values stored, route taken); agent and caller words are
 * bubbles, and each agent bubble carries the values stored since the previous one (its turn).
 */
export function traceItems(trace: readonly TraceEvent[]): TraceItem[] {
  const items: TraceItem[] = [];
  const blocks = new Map<string, Extract<TraceItem, { kind: 'block' }>>();
  let pending: Stored[] = [];
  let lastAgent: Extract<TraceItem, { kind: 'agent' }> | null = null;
  for (const e of trace) {
    const block = e.blockId ? blocks.get(e.blockId) : undefined;
    switch (e.kind) {
      case 'block.enter': {
        const item = { kind: 'block' as const, seq: e.seq, at: e.at, blockId: e.blockId!, blockName: e.blockName, blockType: e.blockType, stored: [] };
        blocks.set(e.blockId!, item);
        items.push(item);
        break;
      }
      case 'agent.say':
        lastAgent = { kind: 'agent', seq: e.seq, at: e.at, blockId: e.blockId, text: e.text, speech: e.speech, promptable: !!e.promptable, stored: pending };
        pending = [];
        items.push(lastAgent);
        break;
      case 'caller.say':
        items.push({ kind: 'caller', seq: e.seq, at: e.at, text: e.text });
        break;
      case 'var.set': {
        const stored = { name: e.name, value: e.value, ...(e.secret ? { secret: true } : {}) };
        pending.push(stored);
        block?.stored.push(stored);
        break;
      }
      case 'api.attempt':
      case 'api.wait':
      case 'api.result': {
        if (!block) break;
        block.api ??= { attempts: [], waits: [] };
        if (e.kind === 'api.attempt') block.api.attempts.push(e);
        else if (e.kind === 'api.wait') block.api.waits.push(e);
        else block.api.result = e;
        break;
      }
      case 'filter.case':
        if (block) block.filter = e;
        break;
      case 'outcome.tag':
        if (block) block.outcome = e.outcome;
        break;
      case 'route':
        if (block) block.route = { handle: e.handle, to: e.to, ...(e.label ? { label: e.label } : {}) };
        break;
      case 'silence':
        if (e.warning) items.push({ kind: 'silence', seq: e.seq, at: e.at, ms: e.ms, blockId: e.blockId });
        break;
      case 'problem':
        items.push({ kind: 'problem', seq: e.seq, at: e.at, message: e.message, fatal: e.fatal, blockId: e.blockId });
        break;
      case 'call.end':
        items.push({ kind: 'end', seq: e.seq, at: e.at, reason: e.reason });
        break;
      case 'postcall.start':
        items.push({ kind: 'postcall', seq: e.seq, at: e.at, blocks: e.blocks });
        break;
    }
  }
  // Values stored after the last words (the call's last block, post-call work) belong to that turn.
  if (pending.length && lastAgent) lastAgent.stored = [...lastAgent.stored, ...pending];
  return items;
}

/** The latest value of every variable the call stored, by name, in the order first stored. */
export function storedVariables(trace: readonly TraceEvent[]): Stored[] {
  const latest = new Map<string, Stored>();
  for (const e of trace) if (e.kind === 'var.set') latest.set(e.name, { name: e.name, value: e.value, ...(e.secret ? { secret: true } : {}) });
  return [...latest.values()];
}
