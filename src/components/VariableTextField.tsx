import { ChipField } from './chip-field/ChipField';
import { Field } from './Field';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  hint?: string;
  error?: string;
  multiline?: boolean;
}

/** A labelled text setting that takes variables: chips, `@` at the caret, the Available Variables panel. */
export function VariableTextField({ label, value, onChange, placeholder, hint, error, multiline }: Props) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(id) => <ChipField id={id} label={label} value={value} onChange={onChange} placeholder={placeholder} multiline={multiline} invalid={!!error} />}
    </Field>
  );
}
