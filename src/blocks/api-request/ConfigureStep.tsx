import { ClipboardCopy, FileInput, X } from 'lucide-react';
import { memo, useState } from 'react';
import { BODY_METHODS, HTTP_METHODS, type ApiRequestConfig, type RequestBody } from '../../domain/request/ApiRequestConfig';
import { requestOf, type ApiRequestData } from '../../domain/blocks/api-request/apiRequestBlock';
import type { Stage } from '../../domain/flow/FlowDocument';
import type { VariableGroup } from '../../domain/variables/availableVariables';
import { exportCurl } from '../../domain/curl/exportCurl';
import { KeyValueTable } from '../../components/KeyValueTable';
import { Section } from '../../components/Section';
import { inputClass } from '../../components/Field';
import { primaryButton } from '../../components/Modal';
import { UrlField } from './UrlField';
import { BodyEditor } from './BodyEditor';
import { AdvancedSettings } from './AdvancedSettings';
import { ImportCurlDialog } from './ImportCurlDialog';
import { useCopied } from '../../components/useCopied';

type Update = (patch: Partial<ApiRequestData>, field?: string) => void;

// Sections are memoised on their own slice of the settings: typing the URL re-renders the URL,
// not the headers, body and Advanced Settings below it.
const QuerySection = memo(function QuerySection({ rows, update }: { rows: ApiRequestData['query']; update: Update }) {
  return (
    <Section title="Query Parameters">
      <KeyValueTable itemLabel="Query parameter" rows={rows} onChange={(query) => update({ query }, 'query')} />
    </Section>
  );
});

const HeadersSection = memo(function HeadersSection({ rows, update }: { rows: ApiRequestData['headers']; update: Update }) {
  return (
    <Section title="Headers" hint="Text values. JSON bodies get Content-Type: application/json automatically.">
      <KeyValueTable
        itemLabel="Header"
        rows={rows}
        keySuggestions={COMMON_HEADERS}
        keyPlaceholder="Header name"
        onChange={(headers) => update({ headers }, 'headers')}
      />
    </Section>
  );
});

const BodySection = memo(function BodySection({
  method,
  body,
  groups,
  update,
}: {
  method: ApiRequestData['method'];
  body: RequestBody;
  groups: VariableGroup[];
  update: Update;
}) {
  if (!BODY_METHODS.includes(method))
    return (
      <Section title="Body">
        <p className="text-[11px] text-zinc-500">{method} requests send no body.</p>
      </Section>
    );
  const setBody = (patch: Partial<RequestBody>, field?: string) => update({ body: { ...body, ...patch } }, field && `body.${field}`);
  return (
    <Section title="Body">
      <BodyEditor body={body} groups={groups} update={setBody} />
    </Section>
  );
});

const COMMON_HEADERS = [
  'Accept',
  'Authorization',
  'Content-Type',
  'Cache-Control',
  'Idempotency-Key',
  'If-None-Match',
  'User-Agent',
  'X-API-Key',
  'X-Request-ID',
];

interface Props {
  data: ApiRequestData;
  stage: Stage;
  groups: VariableGroup[];
  notice: string[] | null;
  dismissNotice(): void;
  update: Update;
  onImported(request: ApiRequestConfig, warnings: string[]): void;
  onContinue(): void;
}

/** Method, URL, parameters, headers, body and Advanced Settings. */
export function ConfigureStep({ data, stage, groups, notice, dismissNotice, update, onImported, onContinue }: Props) {
  const [importing, setImporting] = useState(false);
  const [copied, copy] = useCopied();
  return (
    <div>
      {notice && (
        <div
          role="status"
          aria-label="Import notes"
          className="mx-4 mt-3 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-xs text-emerald-900"
        >
          <div className="flex items-start gap-2">
            <p className="flex-1 font-medium">Imported from cURL. Review the fields and swap sample values for variables.</p>
            <button type="button" aria-label="Dismiss import notes" className="text-emerald-700 hover:text-emerald-900" onClick={dismissNotice}>
              <X size={13} aria-hidden />
            </button>
          </div>
          {notice.length > 0 && (
            <ul className="mt-1 list-disc pl-4 text-emerald-800">
              {notice.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <Section title="Request">
        <div className="flex items-end gap-2">
          <label className="flex w-[104px] shrink-0 flex-col gap-1 text-xs font-medium text-zinc-700">
            Method
            <select
              aria-label="Method"
              className={`${inputClass} pr-6 font-semibold`}
              value={data.method}
              onChange={(e) => update({ method: e.target.value as ApiRequestData['method'] })}
            >
              {HTTP_METHODS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <span className="text-xs font-medium text-zinc-700">URL</span>
            <UrlField url={data.url} query={data.query} invalid={!data.url.trim()} onChange={(patch) => update(patch, 'url')} />
          </div>
        </div>
        {!data.url.trim() && <p className="-mt-1 text-[11px] text-rose-600">Server URL cannot be empty</p>}
        <div className="flex gap-2">
          <button
            type="button"
            className="flex items-center gap-1 rounded-md px-1.5 py-1 text-xs font-medium text-accent hover:bg-accent-soft"
            onClick={() => setImporting(true)}
          >
            <FileInput size={13} aria-hidden /> Import from cURL
          </button>
          <button
            type="button"
            className="flex items-center gap-1 rounded-md px-1.5 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-100"
            onClick={() => copy(exportCurl(requestOf(data)))}
          >
            <ClipboardCopy size={13} aria-hidden /> {copied ? 'Copied' : 'Copy as cURL'}
          </button>
        </div>
      </Section>
      <QuerySection rows={data.query} update={update} />
      <HeadersSection rows={data.headers} update={update} />
      <BodySection method={data.method} body={data.body} groups={groups} update={update} />
      <AdvancedSettings data={data} stage={stage} update={update} />
      <div className="flex justify-end gap-2 border-t border-zinc-100 px-4 py-3">
        <button type="button" className={primaryButton} onClick={onContinue}>
          Continue
        </button>
      </div>
      <ImportCurlDialog open={importing} onOpenChange={setImporting} onImported={onImported} />
    </div>
  );
}
