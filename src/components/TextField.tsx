import { Field, inputClass } from './Field';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  hint?: string;
  error?: string;
  multiline?: boolean;
  rows?: number;
}

/** A labelled text input or textarea. */
export function TextField({ label, value, onChange, placeholder, hint, error, multiline, rows = 3 }: Props) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(id, describedBy) =>
        multiline ? (
          <textarea id={id} aria-describedby={describedBy} aria-invalid={!!error} rows={rows} className={`${inputClass} resize-y`} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input id={id} aria-describedby={describedBy} aria-invalid={!!error} className={inputClass} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </Field>
  );
}
