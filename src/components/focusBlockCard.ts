/**
 * Puts keyboard focus on a block's card. When its panel closes, focus would otherwise fall to the
 * page body and a keyboard user would start again from the top of the page.
 */
export function focusBlockCard(nodeId: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`)?.focus({ preventScroll: true }));
}
