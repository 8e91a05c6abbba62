import { normalizeName } from '../flow/uniqueName';
import { variablePrefix } from '../variables/variablePrefix';
import type { Expectation, FlowTest } from './flowTestSchema';

/**
 * Saved tests name blocks as people see them; renaming a block renames it in every test (its API
 * behaviour, paths, expected blocks, and its variables' names), unless another block answers to
 * the old or the new name (then the tests' references are ambiguous: left alone). Returns the
 * same array when nothing changed.
 */
export function renameInTests(tests: FlowTest[], from: string, to: string, otherNames: readonly string[]): FlowTest[] {
  const old = normalizeName(from);
  if (!tests.length || !old || old === normalizeName(to)) return tests;
  const others = new Set(otherNames.map(normalizeName));
  if (others.has(old) || others.has(normalizeName(to))) return tests;
  const oldPrefix = `${variablePrefix(from)}.`;
  const newPrefix = `${variablePrefix(to)}.`;
  let changed = false;
  const name = (ref: string) => {
    if (normalizeName(ref) !== old) return ref;
    changed = true;
    return to;
  };
  const variable = (v: string) => {
    if (!v.startsWith(oldPrefix) || oldPrefix === newPrefix) return v;
    changed = true;
    return newPrefix + v.slice(oldPrefix.length);
  };
  const expectation = (e: Expectation): Expectation => ({
    ...e,
    ...(e.path ? { path: e.path.map(name) } : {}),
    ...(e.visited ? { visited: e.visited.map(name) } : {}),
    ...(e.notVisited ? { notVisited: e.notVisited.map(name) } : {}),
    ...(e.finalBlock !== undefined ? { finalBlock: name(e.finalBlock) } : {}),
    ...(e.api ? { api: e.api.map((a) => (a.block !== undefined ? { ...a, block: name(a.block) } : a)) } : {}),
    ...(e.variables ? { variables: Object.fromEntries(Object.entries(e.variables).map(([k, v]) => [variable(k), v])) } : {}),
  });
  const next = tests.map((t) => ({
    ...t,
    apis: Object.fromEntries(Object.entries(t.apis).map(([k, v]) => [name(k), v])),
    steps: t.steps.map((s) => ('expect' in s ? { expect: expectation(s.expect) } : s)),
    ...(t.expect ? { expect: expectation(t.expect) } : {}),
  }));
  return changed ? next : tests;
}
