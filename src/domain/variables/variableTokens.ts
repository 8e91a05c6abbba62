/**
 * Variables live in field text as {{name}} tokens (DESIGN.md §2.2); a name is dotted segments.
 * Whitespace inside the braces is tolerated on read ({{ name }}) because people type it.
 */
export const TOKEN_SOURCE = String.raw`\{\{\s*([A-Za-z_$][\w$-]*(?:\.[\w$-]+)*)\s*\}\}`;

export function tokenPattern(): RegExp {
  return new RegExp(TOKEN_SOURCE, 'g');
}

export type TextPart = { text: string } | { variable: string; raw: string };

/** Splits field text into literal text and variable tokens, in order. */
export function splitTokens(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(tokenPattern())) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ variable: m[1]!, raw: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Every variable name used anywhere in a value (strings inside objects and arrays included). */
export function variablesIn(value: unknown, into = new Set<string>()): Set<string> {
  // Iterative: a crafted file can nest values thousands of levels deep, past the call stack.
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('{{')) for (const m of v.matchAll(tokenPattern())) into.add(m[1]!);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (v && typeof v === 'object') {
      const values = Object.values(v);
      for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
    }
  }
  return into;
}

/** Deeper than this, values are left as they are when renaming (no real setting nests so deep). */
const MAX_RENAME_DEPTH = 100;

/**
 * The value with each token renamed by `rename` (null keeps it), through strings inside objects
 * and arrays; structure is copied only where something changed, so untouched blocks keep identity.
 */
function mapVariables<T>(value: T, rename: (name: string) => string | null, depth = 0): T {
  if (depth > MAX_RENAME_DEPTH) return value;
  if (typeof value === 'string') {
    if (!value.includes('{{')) return value;
    return value.replace(tokenPattern(), (raw, name: string) => {
      const to = rename(name);
      return to === null ? raw : `{{${to}}}`;
    }) as T;
  }
  if (Array.isArray(value)) {
    const next = value.map((v) => mapVariables(v, rename, depth + 1));
    return (next.some((v, i) => v !== value[i]) ? next : value) as T;
  }
  if (value && typeof value === 'object') {
    let changed = false;
    const next: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      next[k] = mapVariables(v, rename, depth + 1);
      if (next[k] !== v) changed = true;
    }
    return (changed ? next : value) as T;
  }
  return value;
}

/** Every use of variable `from` replaced by `to`. */
export function replaceVariable<T>(value: T, from: string, to: string): T {
  return mapVariables(value, (name) => (name === from ? to : null));
}

/** Tokens under `from.` (or exactly `from`) moved under `to.`: their block was renamed. */
export function renameVariablePrefix<T>(value: T, from: string, to: string): T {
  return mapVariables(value, (name) => (name === from || name.startsWith(`${from}.`) ? to + name.slice(from.length) : null));
}
