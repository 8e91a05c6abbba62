import { lazy, Suspense, useState } from 'react';
import { BODY_TYPES, type BodyType, type RequestBody } from '../../domain/request/ApiRequestConfig';
import { jsonToFields } from '../../domain/request/jsonFields';
import type { VariableGroup } from '../../domain/variables/availableVariables';
import { ChipField } from '../../components/chip-field/ChipField';
import { KeyValueTable } from '../../components/KeyValueTable';
import { inputClass } from '../../components/Field';
import { shortId } from '../../components/shortId';
import { JsonManualEditor } from './JsonManualEditor';
import { SegmentedControl } from '../../components/SegmentedControl';

const JsonCodeEditor = lazy(() => import('../../components/code/JsonCodeEditor'));

const BODY_LABELS: Record<BodyType, string> = { none: 'None', urlencoded: 'x-www-form-urlencoded', json: 'JSON', raw: 'Raw', formdata: 'Form data' };

interface Props {
  body: RequestBody;
  groups: VariableGroup[];
  update(body: Partial<RequestBody>, field?: string): void;
}

/** Choice of body type and the editor for it. */
export function BodyEditor({ body, groups, update }: Props) {
  const [manualProblem, setManualProblem] = useState<string | null>(null);
  const setMode = (mode: 'manual' | 'code') => {
    if (mode === 'manual') {
      const view = jsonToFields(body.json, shortId);
      if (!view.ok) {
        setManualProblem(view.reason);
        return;
      }
    }
    setManualProblem(null);
    update({ jsonMode: mode });
  };
  return (
    <div className="flex flex-col gap-2.5">
      <SegmentedControl
        label="Body type"
        variant="chips"
        value={body.type}
        options={BODY_TYPES.map((t) => ({ value: t, label: BODY_LABELS[t] }))}
        onChange={(type) => update({ type })}
      />
      {body.type === 'json' && (
        <>
          <SegmentedControl
            label="JSON editor"
            value={body.jsonMode}
            options={[
              { value: 'manual', label: 'Manual' },
              { value: 'code', label: 'Code' },
            ]}
            onChange={setMode}
          />
          {manualProblem && (
            <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-800">
              {manualProblem}
            </p>
          )}
          {body.jsonMode === 'manual' ? (
            <JsonManualEditor json={body.json} onChange={(json) => update({ json }, 'json')} />
          ) : (
            <Suspense
              fallback={
                <div className="flex h-[240px] items-center justify-center rounded-md border border-zinc-200 text-xs text-zinc-500">
                  Loading the code editor…
                </div>
              }
            >
              <JsonCodeEditor label="JSON body" value={body.json} groups={groups} onChange={(json) => update({ json }, 'json')} />
            </Suspense>
          )}
        </>
      )}
      {(body.type === 'urlencoded' || body.type === 'formdata') && (
        <KeyValueTable itemLabel={body.type === 'formdata' ? 'Form field' : 'Form parameter'} rows={body.form} onChange={(form) => update({ form }, 'form')} />
      )}
      {body.type === 'raw' && (
        <>
          <label className="flex items-center gap-2 text-xs text-zinc-700">
            Content type
            <input
              className={`${inputClass} flex-1`}
              list="raw-content-types"
              value={body.rawContentType}
              onChange={(e) => update({ rawContentType: e.target.value }, 'rawContentType')}
            />
          </label>
          <datalist id="raw-content-types">
            {['text/plain', 'application/xml', 'text/xml', 'text/csv', 'application/graphql', 'application/json'].map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <ChipField label="Raw body" multiline placeholder="Body text, @ for a variable" value={body.raw} onChange={(raw) => update({ raw }, 'raw')} />
        </>
      )}
      {body.type === 'none' && <p className="text-[11px] text-zinc-500">No body is sent.</p>}
    </div>
  );
}
