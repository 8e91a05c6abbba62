import { useMemo } from 'react';
import { availableVariables, findVariable, upstreamOf, type VariableGroup } from '../domain/variables/availableVariables';
import { useShallow } from 'zustand/react/shallow';
import { toFlowNode } from '../store/canvasModel';
import { useFlowStore } from '../store/useFlowStore';
import type { FlowStore } from '../store/useFlowStore';
import type { FocusedField, VariableFields } from '../components/chip-field/VariableFieldsContext';

let lastNodes: FlowStore['nodes'] | null = null;
let lastKey = '';
/** Which blocks exist and where they run; positions and selection do not change variables. */
function structureKey(s: FlowStore): string {
  if (s.nodes === lastNodes) return lastKey;
  lastNodes = s.nodes;
  lastKey = s.nodes.map((n) => `${n.id}:${n.stage}`).join('|');
  return lastKey;
}

function keyOf(groups: VariableGroup[]): string {
  return groups.map((g) => `${g.openPrefix ?? ''}${g.variables.map((v) => `${v.name}:${v.type ?? ''}`).join(',')}`).join('|');
}

/** The variables block `nodeId` may use, and what its chip fields share. */
export function useBlockVariables(nodeId: string, onFocusChange: (field: FocusedField | null) => void): VariableFields {
  const structure = useFlowStore(structureKey);
  const edges = useFlowStore((s) => s.edges);
  const custom = useFlowStore((s) => s.variables);
  const upstream = useMemo(() => upstreamOf(nodeId, edges), [nodeId, edges]);
  // Only the settings of blocks before this one matter: typing in this block recomputes nothing.
  const upstreamData = useFlowStore(useShallow((s) => [...upstream].map((id) => s.blocks[id])));
  const groups = useMemo(() => {
    const { nodes, blocks } = useFlowStore.getState();
    const node = nodes.find((n) => n.id === nodeId);
    const before = nodes.filter((n) => upstream.has(n.id)).map((n) => toFlowNode(n, blocks));
    return availableVariables(nodeId, node?.stage ?? 'live', before, edges, custom, upstream);
    // `structure` stands for the nodes' ids and stages, `upstreamData` for their settings.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nodeId, structure, edges, upstream, upstreamData, custom]);
  const groupsKey = keyOf(groups);
  return useMemo(
    () => ({
      groups,
      groupsKey,
      activate(name: string) {
        const s = useFlowStore.getState();
        const found = findVariable(name, groups);
        if (!found) s.openDialog({ kind: 'replace', variable: name });
        else if (found.sourceId) s.goToBlock(found.sourceId);
        else if (groups.some((g) => g.title === 'Custom Variables' && g.variables.includes(found))) s.openDialog({ kind: 'variables' });
      },
      focused: (field: FocusedField) => onFocusChange(field),
      blurred: () => onFocusChange(null),
    }),
    // groupsKey changes exactly when the offered names or types do.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [groupsKey, onFocusChange],
  );
}
