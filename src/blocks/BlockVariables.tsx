import { useCallback, useRef, useState, type ReactNode } from 'react';
import { AvailableVariablesPanel } from '../components/chip-field/AvailableVariablesPanel';
import { VariableFieldsContext, type FocusedField } from '../components/chip-field/VariableFieldsContext';
import { useBlockVariables } from './useBlockVariables';

/**
 * What every block panel's variable fields share: the variables the block may use (for chips,
 * `@` and hover previews) and the Available Variables panel beside the block panel while one of
 * them has focus. One home for all block types, so a Talk prompt behaves as an API Request URL.
 */
export function BlockVariables({ nodeId, children }: { nodeId: string; children: ReactNode }) {
  const [focused, setFocused] = useState<FocusedField | null>(null);
  const blurTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  // Focus moving from one field to the next blurs then focuses: wait a tick before hiding the list.
  const onFocusChange = useCallback((field: FocusedField | null) => {
    if (blurTimer.current) clearTimeout(blurTimer.current);
    if (field) setFocused(field);
    else
      blurTimer.current = setTimeout(() => {
        if (!panelRef.current?.contains(document.activeElement)) setFocused(null);
      }, 120);
  }, []);
  const fields = useBlockVariables(nodeId, onFocusChange);

  return (
    <VariableFieldsContext.Provider value={fields}>
      {children}
      {focused && (
        <div ref={panelRef}>
          <AvailableVariablesPanel groups={fields.groups} field={focused} />
        </div>
      )}
    </VariableFieldsContext.Provider>
  );
}
