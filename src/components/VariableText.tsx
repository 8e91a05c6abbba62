import { memo } from 'react';
import { splitTokens } from '../domain/variables/variableTokens';

/** Read-only text with {{variables}} as chips (block cards, lists); red for invalid names. */
export const VariableText = memo(function VariableText({ text, invalid = '' }: { text: string; invalid?: string }) {
  if (!text.includes('{{')) return <>{text}</>;
  const bad = new Set(invalid ? invalid.split('|') : []);
  return (
    <>
      {splitTokens(text).map((p, i) =>
        'text' in p ? (
          <span key={i}>{p.text}</span>
        ) : (
          <span key={i} data-variable={p.variable} className={bad.has(p.variable) ? 'var-chip var-chip-invalid' : 'var-chip'}>
            {bad.has(p.variable) ? `⚠ ${p.variable}` : p.variable}
          </span>
        ),
      )}
    </>
  );
});
