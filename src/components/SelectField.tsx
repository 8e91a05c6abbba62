import { Field, inputClass } from './Field';

interface Props<T extends string> {
  label: string;
  value: T;
  options: readonly T[] | readonly { value: T; label: string }[];
  onChange(value: T): void;
  hint?: string;
  /** Inside dense rows the label is for screen readers only. */
  hideLabel?: boolean;
}

/** A native select: accessible and keyboard-friendly with no extra code. */
export function SelectField<T extends string>({ label, value, options, onChange, hint, hideLabel }: Props<T>) {
  const items = options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
  const select = (id?: string) => (
    <select id={id} aria-label={hideLabel ? label : undefined} className={`${inputClass} pr-7`} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {items.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
  if (hideLabel) return select();
  return (
    <Field label={label} hint={hint}>
      {(id) => select(id)}
    </Field>
  );
}
