/** A variable's test value as one line of text for lists and previews (secrets never shown). */
export function previewText(v: { value?: unknown; secret?: boolean }, max: number): string {
  if (v.secret || v.value === undefined) return '';
  const text = typeof v.value === 'string' ? v.value : JSON.stringify(v.value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
