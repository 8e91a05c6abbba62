import { isCollection, LineCounter, parseDocument, type Node } from 'yaml';
import * as z from 'zod/mini';
import { flowTestSchema, type FlowTest } from './flowTestSchema';
import { parseSequence } from './faultSequence';

/** zod/mini carries no messages of its own ("Invalid input"): say what was expected. */
function explain(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type')
    return `expected ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a map of keys' : `a ${issue.expected}`}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  if (issue.code === 'too_small')
    return `expected at least ${String(issue.minimum)}${issue.origin === 'array' ? ' item(s)' : issue.origin === 'string' ? ' character(s)' : ''}`;
  if (issue.code === 'too_big') return `expected at most ${String(issue.maximum)}`;
  return issue.message;
}

export type ParsedTests = { ok: true; tests: FlowTest[] } | { ok: false; errors: string[] };

/**
 * Shorthands people write by hand, made into the saved form: an API behaviour as a word ("live",
 * "last") or a fault sequence ("503, 503, 200"), a mock's body as YAML rather than a JSON string.
 * Anything else is left for the schema to judge.
 */
function expand(value: unknown, errors: { path: (string | number)[]; message: string }[]): unknown {
  if (!value || typeof value !== 'object') return value;
  const tests = Array.isArray(value) ? value : 'tests' in value ? (value as { tests: unknown }).tests : [value];
  if (!Array.isArray(tests)) return tests;
  const prefix: (string | number)[] = Array.isArray(value) ? [] : 'tests' in value ? ['tests'] : [];
  return tests.map((t: unknown, i) => {
    if (!t || typeof t !== 'object' || !('apis' in t) || !t.apis || typeof t.apis !== 'object') return t;
    const apis = Object.fromEntries(
      Object.entries(t.apis as Record<string, unknown>).map(([name, b]) => {
        if (typeof b === 'string') {
          const word = b.trim().toLowerCase();
          if (word === 'live' || word === 'last') return [name, { mode: word }];
          const seq = parseSequence(b);
          if (!seq.ok) errors.push({ path: [...prefix, ...(prefix.length || Array.isArray(value) ? [i] : []), 'apis', name], message: seq.error });
          return [name, seq.ok ? { mode: 'fault', steps: seq.steps } : b];
        }
        if (b && typeof b === 'object' && (b as { mode?: unknown }).mode === 'mock' && 'body' in b && typeof (b as { body: unknown }).body !== 'string') {
          return [name, { ...b, body: JSON.stringify((b as { body: unknown }).body, null, 2) }];
        }
        return [name, b];
      }),
    );
    return { ...t, apis };
  });
}

/**
 * Reads a test file written by hand (YAML or JSON: JSON is YAML): one test, a list of tests, or
 * `tests:` with a list. Errors name the line they are on, so a file can be fixed without guessing.
 */
export function parseTestFile(text: string, fileName = 'tests'): ParsedTests {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.map((e) => `${fileName}:${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`),
    };
  }
  const lineOf = (path: (string | number | symbol)[]): number | undefined => {
    for (let p = path.filter((k): k is string | number => typeof k !== 'symbol'); p.length >= 0; p = p.slice(0, -1)) {
      const node = (p.length ? doc.getIn(p, true) : doc.contents) as Node | undefined;
      if (node && (isCollection(node) || 'range' in node) && node.range) return lines.linePos(node.range[0]).line;
      if (!p.length) return undefined;
    }
    return undefined;
  };
  const expandErrors: { path: (string | number)[]; message: string }[] = [];
  const raw: unknown = doc.toJS();
  if (raw === null || raw === undefined) return { ok: false, errors: [`${fileName}: the file is empty: write at least one test (name:, steps:, expect:).`] };
  const shaped = expand(raw, expandErrors);
  if (expandErrors.length) return { ok: false, errors: expandErrors.map((e) => `${fileName}:${lineOf(e.path) ?? '?'}: ${e.message}`) };
  const path0: (string | number)[] = Array.isArray(raw) ? [] : typeof raw === 'object' && 'tests' in raw ? ['tests'] : [];
  const single = !Array.isArray(raw) && !(typeof raw === 'object' && 'tests' in raw);
  const result = z.array(flowTestSchema).safeParse(shaped);
  if (!result.success) {
    // In file order: the first error on screen is the first one in the file.
    const errors = result.error.issues.slice(0, 10).map((issue) => {
      const path = (single ? issue.path.slice(1) : [...path0, ...issue.path]) as (string | number)[];
      const line = lineOf(path);
      return { line: line ?? Infinity, text: `${fileName}:${line ?? '?'}: ${path.length ? `${path.join('.')}: ` : ''}${explain(issue)}` };
    });
    return { ok: false, errors: errors.sort((a, b) => a.line - b.line).map((e) => e.text) };
  }
  if (!result.data.length) return { ok: false, errors: [`${fileName}: no tests in the file.`] };
  return { ok: true, tests: result.data };
}
