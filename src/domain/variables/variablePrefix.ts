/** The name a block's variables are grouped under: “Create Lead” → create_lead. */
export function variablePrefix(blockName: string): string {
  const slug = blockName
    .trim()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!slug) return 'block';
  return /^[0-9]/.test(slug) ? `_${slug}` : slug;
}
