// The baseline: a bare React Flow page with the same versions, node sizes and layout as the
// app's benchmark flows. Nothing of ours: it is what "as fast as React Flow allows" looks like.
import { ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';
import { create } from 'zustand';
import { gridPosition } from '../benchFlow';

const params = new URLSearchParams(location.search);
const n = Number(params.get('n') ?? 100);
const virtual = params.has('virtual');

// zustand is part of the baseline's bundle on purpose (DESIGN.md §4: React + React Flow + zustand).
const useCount = create<{ n: number }>(() => ({ n }));

const initialNodes: Node[] = Array.from({ length: n }, (_, i) => ({
  id: i === 0 ? 'start' : `n${i}`,
  position: gridPosition(i),
  data: { label: i === 0 ? 'Start' : `Talk ${i}` },
  style: { width: 260, height: 88 },
}));
const initialEdges: Edge[] = initialNodes.slice(1).map((node, i) => ({ id: `e${i}`, source: initialNodes[i]!.id, target: node.id }));

function Flow() {
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  const [edges, , onEdgesChange] = useEdgesState(initialEdges);
  useCount((s) => s.n);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      fitView
      fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
      minZoom={0.1}
      onlyRenderVisibleElements={virtual}
    />
  );
}

createRoot(document.getElementById('root')!).render(<Flow />);
