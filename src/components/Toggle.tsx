import { Switch } from 'radix-ui';
import { useId, type ReactNode } from 'react';

interface Props {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: ReactNode;
}

/** An on/off setting with its label (Radix Switch: role="switch", Space toggles). */
export function Toggle({ label, checked, onChange, hint }: Props) {
  const id = useId();
  return (
    <div className="flex items-start gap-2.5">
      <Switch.Root
        id={id}
        checked={checked}
        onCheckedChange={onChange}
        className="relative mt-0.5 h-[18px] w-8 shrink-0 rounded-full bg-zinc-300 transition data-[state=checked]:bg-accent"
      >
        <Switch.Thumb className="block h-3.5 w-3.5 translate-x-0.5 rounded-full bg-white shadow transition data-[state=checked]:translate-x-[15px]" />
      </Switch.Root>
      <div className="min-w-0">
        <label htmlFor={id} className="text-[13px] font-medium text-zinc-800">
          {label}
        </label>
        {hint && <p className="text-[11px] text-zinc-500">{hint}</p>}
      </div>
    </div>
  );
}
