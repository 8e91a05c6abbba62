import { createContext, useContext } from 'react';
import type { VariableGroup } from '../../domain/variables/availableVariables';

/** The field that has focus, so the Available Variables panel can insert into it. */
export interface FocusedField {
  label: string;
  insert(name: string): void;
}

/** What chip fields of one block share: the variables it may use and what chips do. */
export interface VariableFields {
  groups: VariableGroup[];
  /** Changes whenever `groups` does; cheap to compare. */
  groupsKey: string;
  /** A chip was clicked or activated with Enter/Space. */
  activate(name: string): void;
  focused(field: FocusedField): void;
  blurred(): void;
}

export const VariableFieldsContext = createContext<VariableFields | null>(null);

export function useVariableFields(): VariableFields | null {
  return useContext(VariableFieldsContext);
}
