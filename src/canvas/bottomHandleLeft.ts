/** The full card's row of outputs: `px-2` (8 px) on each side, `gap-1` (4 px) between equal columns. */
const INSET_PX = 8;
const GAP_PX = 4;

/**
 * Where the middle of output `index` of `count` sits across a card, as a CSS `left`: the centre
 * of its column in the full card's row of outputs. The compact card places its handles straight
 * on the card with it (no row, no columns): every positioned box per card is layerized and
 * hit-tested again on each frame of a pan or drag, and at 1000 blocks those boxes cost frames.
 */
export function bottomHandleLeft(index: number, count: number): string {
  return `calc(${INSET_PX + index * GAP_PX}px + (100% - ${2 * INSET_PX + (count - 1) * GAP_PX}px) * ${(2 * index + 1) / (2 * count)})`;
}
