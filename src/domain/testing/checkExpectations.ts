import type { TraceEvent } from '../engine/EngineTypes';
import type { BlockRefs } from './blockRefs';
import type { Expectation } from './flowTestSchema';

/** One way the call differed from what the test expects. */
export interface Difference {
  /** What was checked ("Path", "Variable order.status"). */
  what: string;
  expected: string;
  actual: string;
  /** The block to look at, when one is to blame. */
  blockId?: string;
}

export interface CallSnapshot {
  trace: readonly TraceEvent[];
  values: Readonly<Record<string, unknown>>;
}

const show = (v: unknown) => (v === undefined ? 'no value' : typeof v === 'string' ? `“${v}”` : JSON.stringify(v));
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A test's regex: a bad one is the test's mistake, said as a difference rather than a crash. */
function regex(source: string): RegExp | string {
  try {
    return new RegExp(source);
  } catch (e) {
    return (e as Error).message;
  }
}

function textMatches(text: string, check: { contains?: string; matches?: string }): boolean | string {
  if (check.contains !== undefined && !text.includes(check.contains)) return false;
  if (check.matches !== undefined) {
    const r = regex(check.matches);
    if (typeof r === 'string') return `bad pattern /${check.matches}/: ${r}`;
    if (!r.test(text)) return false;
  }
  return true;
}

function describeCheck(check: { contains?: string; matches?: string }): string {
  return [check.contains !== undefined ? `contains “${check.contains}”` : '', check.matches !== undefined ? `matches /${check.matches}/` : '']
    .filter(Boolean)
    .join(' and ');
}

/**
 * Compares a call (as far as it went) with what a test expects, and lists every difference, in a
 * fixed order (path first: it explains most others). Names in the test are block names.
 */
export function checkExpectations(expect: Expectation, call: CallSnapshot, refs: BlockRefs): Difference[] {
  const out: Difference[] = [];
  const visited = call.trace.flatMap((e) => (e.kind === 'block.enter' ? [e.blockId!] : []));
  const names = visited.map(refs.nameOf);
  const unknown = (ref: string) => out.push({ what: `Block “${ref}”`, expected: 'a block of this flow', actual: 'no block has this name' });

  if (expect.path) {
    const ids = expect.path.map((r) => refs.idOf(r));
    ids.forEach((id, i) => {
      if (!id) unknown(expect.path![i]!);
    });
    const at = ids.findIndex((id, i) => id !== visited[i]);
    if (at >= 0 || visited.length !== ids.length) {
      const i = at >= 0 ? at : ids.length;
      out.push({
        what: `Path, step ${i + 1}`,
        expected: i < expect.path.length ? `“${expect.path[i]}”` : 'the end of the path',
        actual: i < names.length ? `“${names[i]}”` : 'the call went no further',
        ...((visited[i] ?? visited[i - 1]) ? { blockId: (visited[i] ?? visited[i - 1])! } : {}),
      });
    }
  }
  for (const ref of expect.visited ?? []) {
    const id = refs.idOf(ref);
    if (!id) unknown(ref);
    else if (!visited.includes(id))
      out.push({ what: `Visited “${ref}”`, expected: 'entered', actual: `not entered (path: ${names.join(' → ') || 'none'})`, blockId: id });
  }
  for (const ref of expect.notVisited ?? []) {
    const id = refs.idOf(ref);
    if (!id) unknown(ref);
    else if (visited.includes(id)) out.push({ what: `Not visited “${ref}”`, expected: 'not entered', actual: 'entered', blockId: id });
  }
  if (expect.finalBlock !== undefined) {
    const end = call.trace.find((e) => e.kind === 'call.end');
    const id = refs.idOf(expect.finalBlock);
    if (!id) unknown(expect.finalBlock);
    else if (!end || end.blockId !== id)
      out.push({
        what: 'Final block',
        expected: `“${expect.finalBlock}”`,
        actual: end ? (end.blockId ? `“${refs.nameOf(end.blockId)}”` : 'no block') : 'the call has not ended',
        ...(end?.blockId ? { blockId: end.blockId } : { blockId: id }),
      });
  }
  const setters = new Map<string, string>();
  for (const e of call.trace) if (e.kind === 'var.set' && e.blockId) setters.set(e.name, e.blockId);
  for (const [name, check] of Object.entries(expect.variables ?? {})) {
    const value = call.values[name];
    const blockId = setters.get(name);
    const fail = (expected: string) => out.push({ what: `Variable ${name}`, expected, actual: show(value), ...(blockId ? { blockId } : {}) });
    if (check.type !== undefined && (value === undefined || typeOf(value) !== check.type)) fail(`a ${check.type}`);
    if ('equals' in check && check.equals !== undefined && JSON.stringify(value) !== JSON.stringify(check.equals) && String(value) !== String(check.equals))
      fail(`equals ${show(check.equals)}`);
    if (check.contains !== undefined || check.matches !== undefined) {
      const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
      const ok = value !== undefined && textMatches(text, check);
      if (ok !== true) fail(typeof ok === 'string' ? ok : describeCheck(check));
    }
  }
  const attempts = call.trace.filter((e): e is Extract<TraceEvent, { kind: 'api.attempt' }> => e.kind === 'api.attempt');
  for (const api of expect.api ?? []) {
    const id = api.block !== undefined ? refs.idOf(api.block) : undefined;
    if (api.block !== undefined && !id) {
      unknown(api.block);
      continue;
    }
    const matching = attempts.filter(
      (a) =>
        (!id || a.blockId === id) &&
        (api.method === undefined || a.request.method.toUpperCase() === api.method.toUpperCase()) &&
        (api.url === undefined || a.request.url === api.url || a.request.url.includes(api.url)) &&
        (api.bodyContains === undefined || (a.request.body ?? '').includes(api.bodyContains)),
    );
    const described =
      [
        api.method?.toUpperCase(),
        api.url,
        api.bodyContains !== undefined ? `with a body containing “${api.bodyContains}”` : '',
        api.block ? `from “${api.block}”` : '',
      ]
        .filter(Boolean)
        .join(' ') || 'any request';
    const seen = attempts.filter((a) => !id || a.blockId === id).map((a) => `${a.request.method} ${a.request.url}`);
    if (api.called !== false && !matching.length)
      out.push({
        what: 'API call',
        expected: described,
        actual: seen.length ? [...new Set(seen)].join('; ') : 'no request sent',
        ...(id ? { blockId: id } : {}),
      });
    if (api.called === false && matching.length)
      out.push({ what: 'API call', expected: `no ${described}`, actual: `${matching.length} sent`, ...(id ? { blockId: id } : {}) });
  }
  if (expect.outcome !== undefined) {
    const tags = call.trace.filter((e) => e.kind === 'outcome.tag');
    const last = tags.at(-1);
    if (!last || last.outcome !== expect.outcome)
      out.push({
        what: 'Outcome tag',
        expected: `“${expect.outcome}”`,
        actual: last ? `“${last.outcome}”` : 'no outcome tag',
        ...(last?.blockId ? { blockId: last.blockId } : {}),
      });
  }
  const said = call.trace.filter((e) => e.kind === 'agent.say');
  for (const check of expect.said ?? []) {
    const results = said.map((e) => textMatches(e.text, check));
    const bad = results.find((r) => typeof r === 'string');
    if (typeof bad === 'string') out.push({ what: 'Agent said', expected: describeCheck(check), actual: bad });
    else if (!results.includes(true))
      out.push({
        what: 'Agent said',
        expected: describeCheck(check),
        actual: said.length ? `“${said.at(-1)!.text}” (last of ${said.length})` : 'the agent said nothing',
        ...(said.at(-1)?.blockId ? { blockId: said.at(-1)!.blockId! } : {}),
      });
  }
  if (expect.maxSilenceMs !== undefined) {
    const longest = call.trace.reduce<Extract<TraceEvent, { kind: 'silence' }> | null>((m, e) => (e.kind === 'silence' && (!m || e.ms > m.ms) ? e : m), null);
    if (longest && longest.ms > expect.maxSilenceMs)
      out.push({
        what: 'Longest silence',
        expected: `at most ${expect.maxSilenceMs} ms`,
        actual: `${longest.ms} ms`,
        ...(longest.blockId ? { blockId: longest.blockId } : {}),
      });
  }
  return out;
}
