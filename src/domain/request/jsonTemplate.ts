import { TOKEN_SOURCE } from '../variables/variableTokens';

const TOKEN_AT = new RegExp(TOKEN_SOURCE, 'y');

export interface TemplateToken {
  name: string;
  /** In a string literal (inserted as escaped text) or in value position (keeps its type). */
  inString: boolean;
  start: number;
  end: number;
}

/** The {{variable}} tokens of a JSON body template, each knowing where it stands. */
export function jsonTemplateTokens(template: string): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (inString && c === '\\') {
      i++;
      continue;
    }
    if (c === '"') {
      inString = !inString;
      continue;
    }
    if (c === '{' && template[i + 1] === '{') {
      TOKEN_AT.lastIndex = i;
      const m = TOKEN_AT.exec(template);
      if (m) {
        tokens.push({ name: m[1]!, inString, start: i, end: i + m[0].length });
        i += m[0].length - 1;
      }
    }
  }
  return tokens;
}

/**
 * The template with each value-position token swapped for a same-length number, so JSON errors
 * point at the user's own text (line and column stay true).
 */
export function withPlaceholders(template: string, tokens = jsonTemplateTokens(template)): string {
  let out = '';
  let last = 0;
  for (const t of tokens) {
    if (t.inString) continue;
    out += template.slice(last, t.start) + '1'.padEnd(t.end - t.start, '0');
    last = t.end;
  }
  return out + template.slice(last);
}

/**
 * Whether a JSON body template is valid JSON, with a short reason when not. Native JSON.parse on
 * the placeholder text: the checklist runs this on every edit, so the detailed (and larger)
 * parser of jsonTemplateErrors stays out of the first load.
 */
export function jsonTemplateProblem(template: string): string | null {
  if (!template.trim()) return 'the JSON body is empty';
  const text = withPlaceholders(template);
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    if (!at) return 'it is not valid JSON';
    const before = text.slice(0, Number(at[1])).split('\n');
    return `it is not valid JSON (line ${before.length}, column ${before.at(-1)!.length + 1})`;
  }
}
