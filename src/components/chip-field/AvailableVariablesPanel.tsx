import { memo } from 'react';
import type { VariableGroup } from '../../domain/variables/availableVariables';
import type { FocusedField } from './VariableFieldsContext';
import { VariableList } from './VariableList';

interface Props {
  groups: VariableGroup[];
  field: FocusedField;
}

/**
 * The variables a block may use, grouped, beside the panel while one of its fields has focus.
 * Entries keep the field focused (mousedown is cancelled) and insert a chip at its caret.
 */
export const AvailableVariablesPanel = memo(function AvailableVariablesPanel({ groups, field }: Props) {
  return (
    <div
      role="region"
      aria-label="Available Variables"
      className="absolute right-full top-2 z-20 mr-2 flex max-h-[70vh] w-64 flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-lg"
      onMouseDown={(e) => {
        if ((e.target as HTMLElement).tagName !== 'INPUT') e.preventDefault();
      }}
    >
      <div className="border-b border-zinc-100 px-3 pt-2">
        <p className="text-xs font-semibold text-zinc-800">Available Variables</p>
        <p className="text-[11px] text-zinc-500">Click to insert into {field.label}, or type @ in the field.</p>
      </div>
      <VariableList groups={groups} onPick={(v) => field.insert(v.name)} />
    </div>
  );
});
