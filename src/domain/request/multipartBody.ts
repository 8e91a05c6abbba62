/**
 * A multipart/form-data body of text fields. The boundary is derived, not random, so the same
 * request always resolves to the same bytes (tests, Show request and runtime agree); it is
 * lengthened until no field contains it.
 */
export function multipartBody(fields: readonly [string, string][]): { body: string; contentType: string } {
  let boundary = '----SwitchboardFormBoundary';
  const all = fields.flat().join('\n');
  while (all.includes(boundary)) boundary += 'x';
  const quote = (s: string) => s.replace(/"/g, '%22').replace(/\r?\n|\r/g, ' ');
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`);
  return { body: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}
