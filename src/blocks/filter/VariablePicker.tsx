import { ChevronDown } from 'lucide-react';
import { useState } from 'react';
import type { VariableGroup, VariableInfo } from '../../domain/variables/availableVariables';
import { Popup } from '../../components/Popup';
import { VariableList } from '../../components/chip-field/VariableList';
import { previewText } from '../../components/chip-field/previewText';

interface Props {
  label: string;
  /** The chosen variable's name, '' for none. */
  name: string;
  info: VariableInfo | undefined;
  invalid: boolean;
  groups: VariableGroup[];
  onPick(variable: VariableInfo): void;
}

/** A button showing the chosen variable as a chip; it opens the grouped, searchable variable list. */
export function VariablePicker({ label, name, info, invalid, groups, onPick }: Props) {
  const [anchor, setAnchor] = useState<HTMLButtonElement | null>(null);
  const [open, setOpen] = useState(false);
  const value = info ? previewText(info, 120) : '';
  return (
    <>
      <button
        ref={setAnchor}
        type="button"
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        title={
          invalid
            ? `“${name}” is not available in this block. Choose another variable.`
            : name
              ? [`${name}${info?.type ? ` · ${info.type}` : ''}`, value].filter(Boolean).join('\n')
              : undefined
        }
        className={`flex min-w-0 flex-1 items-center gap-1 rounded-md border bg-white px-2 py-1 text-left text-[13px] outline-none focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/15 ${invalid ? 'border-rose-400' : 'border-zinc-300'}`}
        onClick={() => setOpen((o) => !o)}
      >
        {name ? (
          <span className={`${invalid ? 'var-chip var-chip-invalid' : 'var-chip'} min-w-0 truncate`}>{invalid ? `⚠ ${name}` : name}</span>
        ) : (
          <span className="text-zinc-400">Choose a variable</span>
        )}
        {info?.type && !invalid && <span className="shrink-0 text-[10.5px] text-zinc-500">{info.type}</span>}
        <ChevronDown size={13} className="ml-auto shrink-0 text-zinc-400" aria-hidden />
      </button>
      <Popup open={open} anchor={anchor} label="Choose a variable" onClose={() => setOpen(false)} className="flex max-h-80 w-72 flex-col overflow-hidden py-1">
        <VariableList
          groups={groups}
          autoFocus
          selected={name}
          onPick={(v) => {
            onPick(v);
            setOpen(false);
          }}
        />
      </Popup>
    </>
  );
}
