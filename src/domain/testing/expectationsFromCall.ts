import type { TraceEvent } from '../engine/EngineTypes';
import type { BlockRefs } from './blockRefs';
import type { Expectation } from './flowTestSchema';

/** One expectation Save as test offers, from what the call did: ticked or not, its value editable where it is text. */
export type Candidate =
  | { kind: 'path'; ticked: boolean; blocks: string[] }
  | { kind: 'final'; ticked: boolean; block: string }
  | { kind: 'outcome'; ticked: boolean; value: string }
  | { kind: 'variable'; ticked: boolean; name: string; value: string }
  | { kind: 'api'; ticked: boolean; block: string; method: string; url: string }
  | { kind: 'said'; ticked: boolean; value: string }
  | { kind: 'silence'; ticked: boolean; value: string };

const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * What a finished (or paused) test call can be held to: the path and final block, the outcome
 * tag, the API calls made and the last words are ticked (they are what people check by ear);
 * variable values and the silence bound are offered unticked. Secret values are never offered.
 */
export function expectationsFromCall(trace: readonly TraceEvent[], refs: BlockRefs): Candidate[] {
  const out: Candidate[] = [];
  const visited = trace.flatMap((e) => (e.kind === 'block.enter' ? [refs.nameOf(e.blockId!)] : []));
  if (visited.length) out.push({ kind: 'path', ticked: true, blocks: visited });
  const end = trace.find((e) => e.kind === 'call.end');
  if (end?.blockId) out.push({ kind: 'final', ticked: true, block: refs.nameOf(end.blockId) });
  const outcome = trace.filter((e) => e.kind === 'outcome.tag').at(-1);
  if (outcome) out.push({ kind: 'outcome', ticked: true, value: outcome.outcome });
  const calls = new Map<string, Candidate>();
  for (const e of trace) {
    if (e.kind !== 'api.attempt' || !e.blockId) continue;
    const key = `${e.blockId} ${e.request.method} ${e.request.url}`;
    if (!calls.has(key)) calls.set(key, { kind: 'api', ticked: true, block: refs.nameOf(e.blockId), method: e.request.method, url: e.request.url });
  }
  out.push(...calls.values());
  const said = trace.filter((e) => e.kind === 'agent.say').at(-1);
  if (said) out.push({ kind: 'said', ticked: true, value: said.text });
  const latest = new Map<string, Extract<TraceEvent, { kind: 'var.set' }>>();
  for (const e of trace) if (e.kind === 'var.set' && !e.secret) latest.set(e.name, e);
  for (const [name, e] of latest) {
    if (e.value !== null && typeof e.value === 'object') continue; // whole objects make brittle tests: their fields are offered
    out.push({ kind: 'variable', ticked: false, name, value: text(e.value) });
  }
  const longest = trace.reduce((m, e) => (e.kind === 'silence' && e.ms > m ? e.ms : m), 0);
  out.push({ kind: 'silence', ticked: false, value: String(Math.max(1000, Math.ceil((longest + 500) / 1000) * 1000)) });
  return out;
}

/** How a candidate reads in the Save as test list. */
export function describeCandidate(c: Candidate): string {
  switch (c.kind) {
    case 'path':
      return `Path: ${c.blocks.join(' → ')}`;
    case 'final':
      return `Ends at “${c.block}”`;
    case 'outcome':
      return 'Outcome tag';
    case 'variable':
      return `Variable ${c.name}`;
    case 'api':
      return `Calls ${c.method} ${c.url} (“${c.block}”)`;
    case 'said':
      return 'Agent says (contains)';
    case 'silence':
      return 'Longest silence allowed (ms)';
  }
}

/** The ticked candidates as one expectation for the end of the test. */
export function expectationOf(candidates: readonly Candidate[]): Expectation {
  const expect: Expectation = {};
  for (const c of candidates) {
    if (!c.ticked) continue;
    switch (c.kind) {
      case 'path':
        expect.path = c.blocks;
        break;
      case 'final':
        expect.finalBlock = c.block;
        break;
      case 'outcome':
        expect.outcome = c.value;
        break;
      case 'variable': {
        // Numbers and booleans compare as what they are; text as text.
        let value: unknown = c.value;
        try {
          const parsed: unknown = JSON.parse(c.value);
          if (typeof parsed !== 'object' || parsed === null) value = parsed;
        } catch {
          /* text */
        }
        (expect.variables ??= {})[c.name] = { equals: value };
        break;
      }
      case 'api':
        (expect.api ??= []).push({ block: c.block, method: c.method, url: c.url });
        break;
      case 'said':
        if (c.value.trim()) (expect.said ??= []).push({ contains: c.value });
        break;
      case 'silence':
        if (Number(c.value) >= 0 && c.value.trim()) expect.maxSilenceMs = Number(c.value);
        break;
    }
  }
  return expect;
}
