import { useState } from 'react';
import { fieldsToJson, jsonToFields, JSON_FIELD_TYPES, type JsonField, type JsonFieldType, type JsonRoot } from '../../domain/request/jsonFields';
import { ChipField } from '../../components/chip-field/ChipField';
import { AddRowButton } from '../../components/AddRowButton';
import { RemoveButton } from '../../components/RemoveButton';
import { shortId } from '../../components/shortId';

const TYPE_LABELS: Record<JsonFieldType, string> = {
  string: 'String',
  number: 'Number',
  boolean: 'Boolean',
  null: 'Null',
  object: 'Object',
  array: 'Array',
  variable: 'Variable (keeps its type)',
};

const small = 'rounded-md border border-zinc-300 bg-white px-2 py-[5px] text-[13px] outline-none focus:border-accent focus:ring-2 focus:ring-accent/15';

function retype(f: JsonField, type: JsonFieldType): JsonField {
  const value =
    type === 'boolean'
      ? 'true'
      : type === 'number'
        ? Number.isFinite(Number(f.value)) && f.value.trim()
          ? f.value
          : '0'
        : type === 'string'
          ? f.value
          : type === 'variable'
            ? ''
            : '';
  return { ...f, type, value, children: type === 'object' || type === 'array' ? f.children : [] };
}

interface RowsProps {
  parentType: 'object' | 'array';
  fields: JsonField[];
  path: string;
  onChange(fields: JsonField[]): void;
}

function FieldRows({ parentType, fields, path, onChange }: RowsProps) {
  const set = (id: string, next: JsonField) => onChange(fields.map((f) => (f.id === id ? next : f)));
  return (
    <div className="flex flex-col gap-1.5">
      {fields.map((f, i) => {
        const name = parentType === 'object' ? `${path}${f.key || `field ${i + 1}`}` : `${path}item ${i + 1}`;
        const nested = f.type === 'object' || f.type === 'array';
        return (
          <div key={f.id} className="flex flex-col gap-1.5">
            <div className="flex items-center gap-1.5">
              {parentType === 'object' ? (
                <input
                  aria-label={`Key of ${name}`}
                  className={`${small} w-[30%] min-w-0 shrink-0 font-mono text-[12px]`}
                  placeholder="key"
                  value={f.key}
                  onChange={(e) => set(f.id, { ...f, key: e.target.value })}
                />
              ) : (
                <span className="w-6 shrink-0 text-right font-mono text-[11px] text-zinc-400">{i}</span>
              )}
              <select
                aria-label={`Type of ${name}`}
                className={`${small} w-[88px] shrink-0 pr-1 text-[12px]`}
                value={f.type}
                onChange={(e) => set(f.id, retype(f, e.target.value as JsonFieldType))}
              >
                {JSON_FIELD_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {TYPE_LABELS[t]}
                  </option>
                ))}
              </select>
              <div className="min-w-0 flex-1">
                {f.type === 'string' && (
                  <ChipField label={`Value of ${name}`} placeholder="text, @ for a variable" value={f.value} onChange={(value) => set(f.id, { ...f, value })} />
                )}
                {f.type === 'variable' && (
                  <ChipField
                    label={`Value of ${name}`}
                    placeholder="@ pick a variable"
                    value={f.value}
                    invalid={!!f.value && !/^\{\{[^{}]+\}\}$/.test(f.value.trim())}
                    onChange={(value) => set(f.id, { ...f, value })}
                  />
                )}
                {f.type === 'number' && (
                  <input
                    aria-label={`Value of ${name}`}
                    inputMode="decimal"
                    aria-invalid={!/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(f.value.trim())}
                    className={`${small} w-full aria-[invalid=true]:border-rose-400`}
                    value={f.value}
                    onChange={(e) => set(f.id, { ...f, value: e.target.value })}
                  />
                )}
                {f.type === 'boolean' && (
                  <select
                    aria-label={`Value of ${name}`}
                    className={`${small} w-full`}
                    value={f.value}
                    onChange={(e) => set(f.id, { ...f, value: e.target.value })}
                  >
                    <option value="true">true</option>
                    <option value="false">false</option>
                  </select>
                )}
                {f.type === 'null' && <span className="px-1 font-mono text-[12px] text-zinc-400">null</span>}
                {nested && (
                  <span className="px-1 text-[11px] text-zinc-500">
                    {f.children.length} {f.type === 'array' ? (f.children.length === 1 ? 'item' : 'items') : f.children.length === 1 ? 'field' : 'fields'}
                  </span>
                )}
              </div>
              <RemoveButton label={`Remove ${name}`} onClick={() => onChange(fields.filter((x) => x.id !== f.id))} />
            </div>
            {nested && (
              <div className="ml-3 border-l-2 border-zinc-100 pl-2.5">
                <FieldRows
                  parentType={f.type as 'object' | 'array'}
                  fields={f.children}
                  path={`${name}.`}
                  onChange={(children) => set(f.id, { ...f, children })}
                />
              </div>
            )}
          </div>
        );
      })}
      <AddRowButton onClick={() => onChange([...fields, { id: shortId(), key: '', type: 'string', value: '', children: [] }])}>
        {parentType === 'array' ? `Add item${path ? ` to ${path.slice(0, -1)}` : ''}` : `Add field${path ? ` to ${path.slice(0, -1)}` : ''}`}
      </AddRowButton>
    </div>
  );
}

interface Props {
  json: string;
  onChange(json: string): void;
}

/**
 * The JSON body as typed fields. It edits its own tree (ids keep focus while typing) and writes
 * the JSON text through; a change from outside (undo, import, Code) rebuilds the tree.
 */
export function JsonManualEditor({ json, onChange }: Props) {
  const [state, setState] = useState(() => ({ source: json, view: jsonToFields(json, shortId) }));
  if (state.source !== json) setState({ source: json, view: jsonToFields(json, shortId) });
  const view = state.source === json ? state.view : jsonToFields(json, shortId);
  if (!view.ok)
    return (
      <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-800">
        {view.reason}
      </p>
    );
  const emit = (root: JsonRoot) => {
    const text = fieldsToJson(root);
    setState({ source: text, view: { ok: true, root } });
    onChange(text);
  };
  return (
    <div className="flex flex-col gap-1.5" role="group" aria-label="JSON fields">
      <p className="text-[11px] text-zinc-500">Top level: {view.root.type === 'array' ? 'an array' : 'an object'}</p>
      <FieldRows parentType={view.root.type} fields={view.root.children} path="" onChange={(children) => emit({ ...view.root, children })} />
    </div>
  );
}
