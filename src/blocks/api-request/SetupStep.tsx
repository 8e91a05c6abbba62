import { Wrench } from 'lucide-react';
import type { ApiRequestConfig } from '../../domain/request/ApiRequestConfig';
import { primaryButton, secondaryButton } from '../../components/Modal';
import { CurlBox } from './CurlBox';
import { useCurlImport } from './useCurlImport';

interface Props {
  onImported(request: ApiRequestConfig, warnings: string[]): void;
  onBuildManually(): void;
}

/** Two ways in: paste a cURL command, or build the request by hand. */
export function SetupStep({ onImported, onBuildManually }: Props) {
  const curl = useCurlImport(onImported);
  return (
    <div className="flex flex-col gap-4 px-4 py-4">
      <section aria-label="Import from cURL" className="flex flex-col gap-2.5">
        <h3 className="text-[13px] font-semibold text-zinc-900">Import from cURL</h3>
        <CurlBox text={curl.text} setText={curl.setText} error={curl.error} onSubmit={curl.run} />
        <button type="button" className={`${primaryButton} self-start`} disabled={!curl.text.trim() || curl.busy} onClick={curl.run}>
          {curl.busy ? 'Importing…' : 'Import from cURL'}
        </button>
      </section>
      <div className="flex items-center gap-3 text-[11px] uppercase tracking-wide text-zinc-400">
        <span className="h-px flex-1 bg-zinc-200" />
        or
        <span className="h-px flex-1 bg-zinc-200" />
      </div>
      <button type="button" className={`${secondaryButton} flex items-center justify-center gap-2 py-2`} onClick={onBuildManually}>
        <Wrench size={14} aria-hidden /> Build Manually
      </button>
    </div>
  );
}
