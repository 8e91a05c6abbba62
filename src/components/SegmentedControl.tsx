import { RadioGroup } from 'radix-ui';

interface Props<T extends string> {
  /** The group's accessible name. */
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  /** `pill`: a compact two- or three-way switch; `chips`: a wrapping row of choices. */
  variant?: 'pill' | 'chips';
  className?: string;
}

const look = {
  pill: {
    root: 'flex self-start rounded-md bg-zinc-100 p-0.5',
    item: 'rounded px-2.5 py-0.5 text-xs font-medium text-zinc-600 data-[state=checked]:bg-white data-[state=checked]:text-zinc-900 data-[state=checked]:shadow-sm',
  },
  chips: {
    root: 'flex flex-wrap gap-1',
    item: 'rounded-md border border-zinc-200 px-2 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-50 data-[state=checked]:border-accent data-[state=checked]:bg-accent-soft data-[state=checked]:text-accent',
  },
};

/** One choice out of a few, shown side by side (Radix RadioGroup: arrow keys move the choice). */
export function SegmentedControl<T extends string>({ label, value, options, onChange, variant = 'pill', className = '' }: Props<T>) {
  return (
    <RadioGroup.Root
      aria-label={label}
      value={value}
      onValueChange={(v) => onChange(v as T)}
      orientation="horizontal"
      className={`${look[variant].root} ${className}`}
    >
      {options.map((o) => (
        <RadioGroup.Item key={o.value} value={o.value} className={look[variant].item}>
          {o.label}
        </RadioGroup.Item>
      ))}
    </RadioGroup.Root>
  );
}
