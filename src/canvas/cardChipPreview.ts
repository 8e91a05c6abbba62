import { availableVariables, findVariable } from '../domain/variables/availableVariables';
import { toFlowEdge, toFlowNode } from '../store/canvasModel';
import { useFlowStore } from '../store/useFlowStore';
import { variablePreview } from '../components/chip-field/variablePreview';
import '../components/chip-field/chipField.css';

let shown: { chip: Element; card: HTMLElement; close(): void } | null = null;

/**
 * The hover card of a variable chip on a block card: the same preview as in the panel (type,
 * test value, Show all). Loaded on the first hover, so canvas start-up pays nothing for it; the
 * block's variables are computed for that one block at hover time, not kept for every card.
 */
export function cardChipPreview(chip: HTMLElement, nodeId: string): void {
  if (shown?.chip === chip) return;
  shown?.close();
  const { nodes, edges, blocks, variables } = useFlowStore.getState();
  const node = nodes.find((n) => n.id === nodeId);
  const name = chip.dataset.variable;
  if (!node || !name) return;
  const groups = availableVariables(
    nodeId,
    node.stage,
    nodes.map((n) => toFlowNode(n, blocks)),
    edges.map(toFlowEdge),
    variables,
  );
  const card = document.createElement('div');
  card.className = 'cm-tooltip-hover card-chip-preview';
  card.setAttribute('role', 'tooltip');
  card.append(variablePreview(name, findVariable(name, groups)));
  const r = chip.getBoundingClientRect();
  Object.assign(card.style, { position: 'fixed', left: `${Math.max(8, r.left)}px`, top: `${r.top - 6}px`, transform: 'translateY(-100%)', zIndex: '60' });
  document.body.append(card);

  let timer: ReturnType<typeof setTimeout> | null = null;
  const stay = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  // The pointer may cross from the chip onto the preview (to press Show all) without closing it.
  // Watched on the document, not on the chip: a card re-rendered under the pointer replaces its
  // chips, and a listener on the old chip would never hear the pointer leave.
  const onMove = (e: PointerEvent) => {
    const over =
      e.target instanceof Node &&
      (card.contains(e.target) || chip.contains(e.target) || (e.target as Element).closest?.(`.var-chip[data-variable="${CSS.escape(name)}"]`));
    if (over) stay();
    else timer ??= setTimeout(close, 200);
  };
  const onDown = (e: Event) => {
    if (!(e.target instanceof Node && card.contains(e.target))) close();
  };
  function close() {
    stay();
    card.remove();
    document.removeEventListener('pointermove', onMove, true);
    document.removeEventListener('pointerdown', onDown, true);
    document.removeEventListener('wheel', close, true);
    if (shown?.card === card) shown = null;
  }
  document.addEventListener('pointermove', onMove, true);
  document.addEventListener('pointerdown', onDown, true);
  document.addEventListener('wheel', close, true);
  shown = { chip, card, close };
}
