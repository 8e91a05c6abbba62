import { describe, expect, test } from 'vitest';
import { fieldsToJson, jsonToFields } from './jsonFields';
import { jsonTemplateErrors } from './jsonTemplateErrors';

const ids = () => {
  let n = 0;
  return () => `f${++n}`;
};

describe('JSON body: Manual ↔ Code', () => {
  test('Code → Manual → Code keeps content, types, order, tokens and number spelling', () => {
    const code =
      '{\n  "name": "Hi {{caller}}",\n  "n": 1.50,\n  "big": 12345678901234567890,\n  "ok": true,\n  "none": null,\n  "id": {{lead.id}},\n  "tags": [\n    "a",\n    {{tag}}\n  ],\n  "nested": {\n    "z": 1,\n    "a": {}\n  }\n}';
    const view = jsonToFields(code, ids());
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    expect(view.root.children.map((c) => [c.key, c.type])).toEqual([
      ['name', 'string'],
      ['n', 'number'],
      ['big', 'number'],
      ['ok', 'boolean'],
      ['none', 'null'],
      ['id', 'variable'],
      ['tags', 'array'],
      ['nested', 'object'],
    ]);
    expect(fieldsToJson(view.root)).toBe(code);
  });

  test('strings are escaped on the way back, tokens are not', () => {
    const view = jsonToFields('{"q": "say \\"hi\\" {{x}}\\n"}', ids());
    if (!view.ok) throw new Error(view.reason);
    expect(view.root.children[0]!.value).toBe('say "hi" {{x}}\n');
    expect(fieldsToJson(view.root)).toBe('{\n  "q": "say \\"hi\\" {{x}}\\n"\n}');
  });

  test('what Manual cannot show is said, not lost', () => {
    expect(jsonToFields('{"a": }', ids())).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid/) });
    expect(jsonToFields('"just a string"', ids())).toMatchObject({ ok: false, reason: expect.stringMatching(/single value/) });
    expect(jsonToFields('// note\n{"a": 1}', ids())).toMatchObject({ ok: false });
  });

  test('a top-level array is editable', () => {
    const view = jsonToFields('[1, {{x}}]', ids());
    expect(view).toMatchObject({ ok: true, root: { type: 'array' } });
  });

  test('errors point at the user’s text even with tokens before them', () => {
    expect(jsonTemplateErrors('{"a": {{long_variable_name}},\n "b" 2}')[0]!.message).toMatch(/“:” is expected at line 2, column 6/);
    expect(jsonTemplateErrors('{"a": {{x}}}')).toEqual([]);
  });
});
