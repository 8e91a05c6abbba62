import type { Executor } from '../../engine/Executor';
import { conditionVariable } from './conditionVariable';
import { evaluateCondition } from './evaluateCondition';
import { UNARY_OPERATORS, type FilterData } from './filterBlock';

/** Filter: the first case whose conditions hold (all or any) wins, else Else; the trace shows what each condition saw. */
export const filterExecutor: Executor<FilterData> = async (ctx, data) => {
  for (const [i, c] of data.cases.entries()) {
    const conditions = c.conditions.map((k) => {
      const variable = conditionVariable(k);
      const seen = ctx.values[variable];
      const expected = UNARY_OPERATORS.includes(k.operator) ? undefined : ctx.text(k.value);
      return {
        variable,
        operator: k.operator,
        ...(expected !== undefined ? { expected } : {}),
        seen: seen === undefined ? null : seen,
        ok: evaluateCondition(k.operator, seen, expected ?? ''),
      };
    });
    const matched = conditions.length > 0 && (c.match === 'all' ? conditions.every((k) => k.ok) : conditions.some((k) => k.ok));
    if (matched) {
      ctx.emit({ kind: 'filter.case', matched: `Case ${i + 1}`, conditions });
      return { handle: `case:${c.id}` };
    }
  }
  ctx.emit({ kind: 'filter.case', matched: 'Else', conditions: [] });
  return { handle: 'else' };
};
