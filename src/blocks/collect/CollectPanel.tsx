import { COLLECT_TYPES, type CollectData, type CollectField } from '../../domain/blocks/collect/collectBlock';
import { AddRowButton } from '../../components/AddRowButton';
import { inputClass } from '../../components/Field';
import { RemoveButton } from '../../components/RemoveButton';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { ChipField } from '../../components/chip-field/ChipField';
import { shortId } from '../../components/shortId';
import type { PanelProps } from '../PanelProps';

export function CollectPanel({ data, update }: PanelProps<CollectData>) {
  const setField = (id: string, patch: Partial<CollectField>, key?: string) =>
    update({ fields: data.fields.map((f) => (f.id === id ? { ...f, ...patch } : f)) }, key && `${id}:${key}`);
  return (
    <Section title="Values to collect" hint="The agent asks for each value in order; each becomes a variable.">
      <ol className="flex flex-col gap-2">
        {data.fields.map((f, i) => (
          <li key={f.id} className="flex flex-col gap-1.5 rounded-lg border border-zinc-200 p-2">
            <div className="flex items-center gap-1.5">
              <input
                aria-label={`Value ${i + 1} name`}
                className={`${inputClass} font-mono`}
                placeholder="variable_name"
                value={f.name}
                onChange={(e) => setField(f.id, { name: e.target.value }, 'name')}
              />
              <div className="w-32 shrink-0">
                <SelectField hideLabel label={`Value ${i + 1} type`} value={f.type} options={COLLECT_TYPES} onChange={(type) => setField(f.id, { type })} />
              </div>
              <RemoveButton label={`Delete value ${i + 1}`} onClick={() => update({ fields: data.fields.filter((x) => x.id !== f.id) })} />
            </div>
            <ChipField
              label={`Value ${i + 1} description`}
              placeholder="What to ask for"
              value={f.description}
              onChange={(description) => setField(f.id, { description }, 'description')}
            />
            <div className="flex gap-4 text-xs text-zinc-700">
              <label className="flex items-center gap-1.5">
                <input type="checkbox" className="accent-accent" checked={f.required} onChange={(e) => setField(f.id, { required: e.target.checked })} />
                Required
              </label>
              <label className="flex items-center gap-1.5">
                <input type="checkbox" className="accent-accent" checked={f.confirm} onChange={(e) => setField(f.id, { confirm: e.target.checked })} />
                Confirm
              </label>
            </div>
          </li>
        ))}
      </ol>
      <AddRowButton
        onClick={() => update({ fields: [...data.fields, { id: shortId(), name: '', type: 'Text', description: '', required: true, confirm: false }] })}
      >
        Add value
      </AddRowButton>
    </Section>
  );
}
