import type { FlowNode } from '../flow/FlowDocument';
import { jsonTemplateTokens } from '../request/jsonTemplate';
import { findVariable, type VariableGroup } from './availableVariables';
import { variablesIn } from './variableTokens';

/**
 * Objects and arrays can only fill a whole JSON value; anywhere else (URL, headers, text, a JSON
 * string) they would arrive as “[object Object]”. Known only for variables whose type is known.
 */
export function objectInTextProblems(node: FlowNode, groups: readonly VariableGroup[]): string[] {
  if (node.type !== 'apiRequest') return [];
  const body = node.data.body as { type: string; json: string } | undefined;
  const textUses = variablesIn({ ...node.data, body: undefined });
  if (body) {
    variablesIn({ ...body, json: '' }, textUses);
    if (body.type === 'json') for (const t of jsonTemplateTokens(body.json)) if (t.inString) textUses.add(t.name);
  }
  const problems: string[] = [];
  for (const name of textUses) {
    const type = findVariable(name, groups)?.type;
    if (type === 'object' || type === 'array')
      problems.push(`“${name}” is ${type === 'array' ? 'an array' : 'an object'} and cannot be placed in a text field`);
  }
  return problems;
}
