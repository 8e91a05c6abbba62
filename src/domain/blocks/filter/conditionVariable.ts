import { tokenPattern } from '../../variables/variableTokens';

/** The variable a Filter condition tests: the name inside its {{token}}, or '' when none is chosen. */
export function conditionVariable(condition: { variable: string }): string {
  const m = tokenPattern().exec(condition.variable);
  return m ? m[1]! : '';
}
