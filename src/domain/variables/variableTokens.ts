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
  if (typeof value === 'string') {
    if (value.includes('{{')) for (const m of value.matchAll(tokenPattern())) into.add(m[1]!);
  } else if (Array.isArray(value)) {
    for (const v of value) variablesIn(v, into);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) variablesIn(v, into);
  }
  return into;
}

/** The value with every use of variable `from` replaced by `to` (structure copied only where it changes). */
export function replaceVariable<T>(value: T, from: string, to: string): T {
  if (typeof value === 'string') {
    if (!value.includes('{{')) return value;
    return value.replace(tokenPattern(), (raw, name: string) => (name === from ? `{{${to}}}` : raw)) as T;
  }
  if (Array.isArray(value)) {
    const next = value.map((v) => replaceVariable(v, from, to));
    return (next.some((v, i) => v !== value[i]) ? next : value) as T;
  }
  if (value && typeof value === 'object') {
    let changed = false;
    const next: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      next[k] = replaceVariable(v, from, to);
      if (next[k] !== v) changed = true;
    }
    return (changed ? next : value) as T;
  }
  return value;
}
