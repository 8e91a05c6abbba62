import { useState } from 'react';
import type { KeyValueRow } from '../../domain/request/ApiRequestConfig';
import { composeUrl, splitUrl } from '../../domain/request/urlWithQuery';
import { ChipField } from '../../components/chip-field/ChipField';
import { shortId } from '../../components/shortId';

interface Props {
  url: string;
  query: KeyValueRow[];
  onChange(patch: { url: string; query: KeyValueRow[] }): void;
  invalid?: boolean;
}

/**
 * The URL with its enabled query parameters. Typing `?a=1` fills Query Parameters rows; editing a
 * row rewrites the URL. What was typed is shown as typed while it means the same (a lone `?`).
 */
export function UrlField({ url, query, onChange, invalid }: Props) {
  const [typed, setTyped] = useState<string | null>(null);
  const composed = composeUrl(url, query);
  const reparsed = typed === null ? null : splitUrl(typed, query, shortId);
  const shown = reparsed && composeUrl(reparsed.url, reparsed.query) === composed ? typed! : composed;
  return (
    <ChipField
      label="URL"
      placeholder="https://api.example.com/v1/orders"
      value={shown}
      invalid={invalid}
      onChange={(text) => {
        setTyped(text);
        const next = splitUrl(text, query, shortId);
        // Same rows as before: keep the array, so the Query Parameters section need not re-render.
        const same =
          next.query.length === query.length &&
          next.query.every((r, i) => r.id === query[i]!.id && r.key === query[i]!.key && r.value === query[i]!.value && r.enabled === query[i]!.enabled);
        onChange({ url: next.url, query: same ? query : next.query });
      }}
    />
  );
}
