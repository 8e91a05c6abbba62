import { FILTER_OPERATORS, UNARY_OPERATORS, type FilterCase, type FilterCondition, type FilterData } from '../../domain/blocks/filter/filterBlock';
import { AddRowButton } from '../../components/AddRowButton';
import { inputClass } from '../../components/Field';
import { RemoveButton } from '../../components/RemoveButton';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { shortId } from '../../components/shortId';
import type { PanelProps } from '../PanelProps';

const newCondition = (): FilterCondition => ({ id: shortId(), variable: '', operator: 'equals', value: '' });

export function FilterPanel({ data, update }: PanelProps<FilterData>) {
  const setCase = (id: string, patch: Partial<FilterCase>, key?: string) =>
    update({ cases: data.cases.map((c) => (c.id === id ? { ...c, ...patch } : c)) }, key);
  const setCondition = (c: FilterCase, k: FilterCondition, patch: Partial<FilterCondition>, key?: string) =>
    setCase(c.id, { conditions: c.conditions.map((x) => (x.id === k.id ? { ...x, ...patch } : x)) }, key && `${k.id}:${key}`);

  return (
    <Section title="Cases" hint="Cases are tried in order; the first whose conditions match wins, otherwise Else.">
      {data.cases.map((c, i) => (
        <fieldset key={c.id} className="flex flex-col gap-1.5 rounded-lg border border-zinc-200 p-2">
          <legend className="sr-only">Case {i + 1}</legend>
          <div className="flex items-center gap-2">
            <span className="text-xs font-semibold text-zinc-800">Case {i + 1}</span>
            <div className="ml-auto w-40">
              <SelectField hideLabel label={`Case ${i + 1} match`} value={c.match} options={[{ value: 'all', label: 'Match all (AND)' }, { value: 'any', label: 'Match any (OR)' }]} onChange={(match) => setCase(c.id, { match })} />
            </div>
            <RemoveButton label={`Delete case ${i + 1}`} onClick={() => update({ cases: data.cases.filter((x) => x.id !== c.id) })} />
          </div>
          {c.conditions.map((k, j) => (
            <div key={k.id} className="flex items-center gap-1">
              <input aria-label={`Case ${i + 1} condition ${j + 1} variable`} className={`${inputClass} font-mono`} placeholder="variable" value={k.variable} onChange={(e) => setCondition(c, k, { variable: e.target.value }, 'variable')} />
              <div className="w-36 shrink-0">
                <SelectField hideLabel label={`Case ${i + 1} condition ${j + 1} operator`} value={k.operator} options={FILTER_OPERATORS} onChange={(operator) => setCondition(c, k, { operator })} />
              </div>
              {!UNARY_OPERATORS.includes(k.operator) && (
                <input aria-label={`Case ${i + 1} condition ${j + 1} value`} className={inputClass} placeholder="value" value={k.value} onChange={(e) => setCondition(c, k, { value: e.target.value }, 'value')} />
              )}
              <RemoveButton label={`Delete case ${i + 1} condition ${j + 1}`} onClick={() => setCase(c.id, { conditions: c.conditions.filter((x) => x.id !== k.id) })} />
            </div>
          ))}
          <AddRowButton onClick={() => setCase(c.id, { conditions: [...c.conditions, newCondition()] })}>Add condition</AddRowButton>
        </fieldset>
      ))}
      <AddRowButton onClick={() => update({ cases: [...data.cases, { id: shortId(), match: 'all', conditions: [newCondition()] }] })}>Add case</AddRowButton>
      <p className="rounded-lg bg-zinc-50 px-2.5 py-2 text-xs text-zinc-600"><strong className="font-semibold">Else</strong> is taken when no case matches.</p>
    </Section>
  );
}
