import { UNARY_OPERATORS, type FilterCase, type FilterCondition, type FilterData } from '../../domain/blocks/filter/filterBlock';
import { conditionVariable } from '../../domain/blocks/filter/conditionVariable';
import { operatorsFor } from '../../domain/blocks/filter/operatorsFor';
import { findVariable, isAvailable } from '../../domain/variables/availableVariables';
import { AddRowButton } from '../../components/AddRowButton';
import { ChipField } from '../../components/chip-field/ChipField';
import { useVariableFields } from '../../components/chip-field/VariableFieldsContext';
import { RemoveButton } from '../../components/RemoveButton';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { shortId } from '../../components/shortId';
import type { PanelProps } from '../PanelProps';
import { VariablePicker } from './VariablePicker';

const newCondition = (): FilterCondition => ({ id: shortId(), variable: '', operator: 'equals', value: '' });

export function FilterPanel({ data, update }: PanelProps<FilterData>) {
  const groups = useVariableFields()?.groups ?? [];
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
              <SelectField
                hideLabel
                label={`Case ${i + 1} match`}
                value={c.match}
                options={[
                  { value: 'all', label: 'Match all (AND)' },
                  { value: 'any', label: 'Match any (OR)' },
                ]}
                onChange={(match) => setCase(c.id, { match })}
              />
            </div>
            <RemoveButton label={`Delete case ${i + 1}`} onClick={() => update({ cases: data.cases.filter((x) => x.id !== c.id) })} />
          </div>
          {c.conditions.map((k, j) => {
            const name = conditionVariable(k);
            const known = name ? findVariable(name, groups) : undefined;
            const offered = operatorsFor(known?.type);
            // An operator chosen before the variable's type was known stays visible (and is flagged) rather than silently changing.
            const operators = offered.includes(k.operator) ? offered : [...offered, k.operator];
            const label = `Case ${i + 1} condition ${j + 1}`;
            return (
              <div key={k.id} className="flex flex-col gap-1 rounded-md bg-zinc-50 p-1.5">
                <div className="flex items-center gap-1">
                  <VariablePicker
                    label={`${label} variable`}
                    name={name}
                    info={known}
                    invalid={!!name && !isAvailable(name, groups)}
                    groups={groups}
                    onPick={(v) => {
                      const fits = operatorsFor(v.type);
                      setCondition(c, k, { variable: `{{${v.name}}}`, ...(fits.includes(k.operator) ? {} : { operator: fits[0]! }) });
                    }}
                  />
                  <RemoveButton
                    label={`Delete case ${i + 1} condition ${j + 1}`}
                    onClick={() => setCase(c.id, { conditions: c.conditions.filter((x) => x.id !== k.id) })}
                  />
                </div>
                <div className="flex items-center gap-1">
                  <div className="w-36 shrink-0">
                    <SelectField
                      hideLabel
                      label={`${label} operator`}
                      value={k.operator}
                      options={operators.map((o) => ({ value: o, label: offered.includes(o) ? o : `${o} (not for ${known?.type})` }))}
                      onChange={(operator) => setCondition(c, k, { operator })}
                    />
                  </div>
                  {!UNARY_OPERATORS.includes(k.operator) && (
                    <ChipField
                      label={`${label} value`}
                      placeholder={known?.type === 'number' ? 'a number, or @ for a variable' : 'value, or @ for a variable'}
                      value={k.value}
                      onChange={(value) => setCondition(c, k, { value }, 'value')}
                    />
                  )}
                </div>
              </div>
            );
          })}
          <AddRowButton onClick={() => setCase(c.id, { conditions: [...c.conditions, newCondition()] })}>Add condition</AddRowButton>
        </fieldset>
      ))}
      <AddRowButton onClick={() => update({ cases: [...data.cases, { id: shortId(), match: 'all', conditions: [newCondition()] }] })}>Add case</AddRowButton>
      <p className="rounded-lg bg-zinc-50 px-2.5 py-2 text-xs text-zinc-600">
        <strong className="font-semibold">Else</strong> is taken when no case matches.
      </p>
    </Section>
  );
}
