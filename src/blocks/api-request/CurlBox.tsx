import { useId } from 'react';
import { curlPlaceholder } from './useCurlImport';

/** The cURL Command text box with its error. */
export function CurlBox({ text, setText, error, onSubmit }: { text: string; setText(t: string): void; error: string | null; onSubmit(): void }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-zinc-700">
        cURL Command
      </label>
      <textarea
        id={id}
        rows={7}
        spellCheck={false}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        className="w-full resize-y rounded-md border border-zinc-300 bg-zinc-50 px-2.5 py-2 font-mono text-[12px] leading-relaxed outline-none focus:border-accent focus:bg-white focus:ring-2 focus:ring-accent/15 aria-[invalid=true]:border-rose-400"
        placeholder={curlPlaceholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="rounded-md bg-rose-50 px-2.5 py-1.5 text-xs text-rose-700">
          {error}
        </p>
      )}
      <p className="text-[11px] text-zinc-500">From API docs, Postman or the browser (“Copy as cURL”, bash or cmd). Ctrl+Enter imports.</p>
    </div>
  );
}
