import { parseTree, type Node } from 'jsonc-parser';
import { jsonTemplateTokens } from './jsonTemplate';
import { jsonTemplateErrors } from './jsonTemplateErrors';
import { splitTokens } from '../variables/variableTokens';
import { VARIABLE_TYPES } from '../variables/VariableType';

/** The six value types, and `variable`: a whole {{token}} in value position, which keeps the variable's own type. */
export const JSON_FIELD_TYPES = [...VARIABLE_TYPES, 'variable'] as const;
export type JsonFieldType = (typeof JSON_FIELD_TYPES)[number];

/** One typed field of the Manual JSON editor. Array items have no key. */
export interface JsonField {
  id: string;
  key: string;
  type: JsonFieldType;
  /** string: text with tokens; number: as written; boolean: "true"/"false"; variable: "{{name}}". */
  value: string;
  children: JsonField[];
}

export interface JsonRoot {
  type: 'object' | 'array';
  children: JsonField[];
}

export type ManualView = { ok: true; root: JsonRoot } | { ok: false; reason: string };

// A private-use character marks a value-position token while jsonc-parser reads the template.
const MARK = '\uE000';

function escapeText(text: string): string {
  return splitTokens(text)
    .map((p) => ('text' in p ? JSON.stringify(p.text).slice(1, -1) : p.raw))
    .join('');
}

function toField(node: Node, key: string, source: string, newId: () => string): JsonField {
  const base = { id: newId(), key, value: '', children: [] as JsonField[] };
  switch (node.type) {
    case 'object':
      return { ...base, type: 'object', children: (node.children ?? []).map((p) => toField(p.children![1]!, String(p.children![0]!.value), source, newId)) };
    case 'array':
      return { ...base, type: 'array', children: (node.children ?? []).map((c) => toField(c, '', source, newId)) };
    case 'string': {
      const s = String(node.value);
      return s.startsWith(MARK) ? { ...base, type: 'variable', value: `{{${s.slice(1)}}}` } : { ...base, type: 'string', value: s };
    }
    case 'number':
      // As written, so 1.50 or a 20-digit id is not rounded by a trip through a JS number.
      return { ...base, type: 'number', value: source.slice(node.offset, node.offset + node.length) };
    case 'boolean':
      return { ...base, type: 'boolean', value: String(node.value) };
    default:
      return { ...base, type: 'null' };
  }
}

/** The Code text as Manual fields, or why Manual cannot show it (the text is then left alone). */
export function jsonToFields(template: string, newId: () => string): ManualView {
  if (!template.trim()) return { ok: true, root: { type: 'object', children: [] } };
  const errors = jsonTemplateErrors(template);
  if (errors.length) return { ok: false, reason: `The JSON is not valid (${errors[0]!.message}). Fix it in Code to edit it field by field.` };
  if (/^\s*(\/\/|\/\*)/m.test(template)) return { ok: false, reason: 'The JSON has comments, which Manual cannot keep.' };
  let marked = '';
  let last = 0;
  for (const t of jsonTemplateTokens(template)) {
    if (t.inString) continue;
    marked += `${template.slice(last, t.start)}"${MARK}${t.name}"`;
    last = t.end;
  }
  marked += template.slice(last);
  const tree = parseTree(marked);
  if (!tree || (tree.type !== 'object' && tree.type !== 'array')) {
    return { ok: false, reason: 'Manual edits a JSON object or array; this body is a single value. Keep editing it in Code.' };
  }
  const root = toField(tree, '', marked, newId);
  return { ok: true, root: { type: root.type as 'object' | 'array', children: root.children } };
}

function valueText(f: JsonField, indent: string): string {
  switch (f.type) {
    case 'string':
      return `"${escapeText(f.value)}"`;
    case 'number':
      return f.value.trim() || '0';
    case 'boolean':
      return f.value === 'true' ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'variable':
      return f.value.trim() || 'null';
    default:
      return container(f.type, f.children, indent);
  }
}

function container(type: 'object' | 'array', children: readonly JsonField[], indent: string): string {
  const [open, close] = type === 'object' ? ['{', '}'] : ['[', ']'];
  if (!children.length) return `${open}${close}`;
  const inner = indent + '  ';
  const items = children.map((c) => `${inner}${type === 'object' ? `"${escapeText(c.key)}": ` : ''}${valueText(c, inner)}`);
  return `${open}\n${items.join(',\n')}\n${indent}${close}`;
}

/** Manual fields as Code text (two-space indent, tokens kept). */
export function fieldsToJson(root: JsonRoot): string {
  return container(root.type, root.children, '');
}
