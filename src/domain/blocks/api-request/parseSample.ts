import type { VariableType } from '../../variables/VariableType';

/** A sample value typed in the Test step, read as the type chosen for it (or why it cannot be). */
export function parseSample(text: string, type: VariableType): { value?: unknown; error?: string } {
  switch (type) {
    case 'string':
      return { value: text };
    case 'number':
      return text.trim() && Number.isFinite(Number(text)) ? { value: Number(text) } : { error: 'Enter a number' };
    case 'boolean':
      return { value: text === 'true' };
    case 'null':
      return { value: null };
    default:
      try {
        const v: unknown = JSON.parse(text);
        return (type === 'array') === Array.isArray(v) && v !== null && typeof v === 'object' ? { value: v } : { error: `Enter a JSON ${type}` };
      } catch {
        return { error: `Enter a JSON ${type}` };
      }
  }
}
