import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
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
    if (inString && c === '\\') { i++; continue; }
    if (c === '"') { inString = !inString; continue; }
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

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

const READABLE: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a “:” is expected',
  CommaExpected: 'a “,” is expected',
  CloseBraceExpected: 'a closing “}” is expected',
  CloseBracketExpected: 'a closing “]” is expected',
  EndOfFileExpected: 'nothing may follow the end of the JSON',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'a control character must be escaped',
};

export interface JsonTemplateError {
  message: string;
  offset: number;
  length: number;
}

/** Why a JSON body template is not valid JSON, naming the spot; empty when it is. */
export function jsonTemplateErrors(template: string): JsonTemplateError[] {
  if (!template.trim()) return [{ message: 'The JSON body is empty', offset: 0, length: 0 }];
  const text = withPlaceholders(template);
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return errors.map((e) => ({
    message: `${READABLE[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error)} at ${lineColumn(text, e.offset)}`,
    offset: e.offset,
    length: e.length,
  }));
}
