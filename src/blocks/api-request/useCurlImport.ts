import { useState } from 'react';
import type { ApiRequestConfig } from '../../domain/request/ApiRequestConfig';

/** The cURL box shared by Setup and the Import from cURL dialog; importCurl loads on first use. */
export function useCurlImport(onImported: (request: ApiRequestConfig, warnings: string[]) => void) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const { importCurl } = await import('../../domain/curl/importCurl');
      const result = await importCurl(text);
      if (!result.ok) setError(result.error);
      else {
        setError(null);
        onImported(result.request, result.warnings);
      }
    } catch {
      setError('The cURL importer could not be loaded. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  };
  return {
    text,
    setText: (t: string) => {
      setText(t);
      setError(null);
    },
    error,
    busy,
    run,
  };
}

export const curlPlaceholder = `curl https://api.example.com/v1/leads \\
  -H "Authorization: Bearer $API_KEY" \\
  -d '{"phone": "+15550001111"}'`;
