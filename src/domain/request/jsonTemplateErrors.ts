import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { withPlaceholders } from './jsonTemplate';

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
