/**
 * The editor's frame around the canvas, in CSS pixels, borders included. The top bar, the flows
 * sidebar and the canvas toolbar take their sizes from here, and so does the view a flow opens at,
 * which is framed before the canvas exists to be measured.
 */
export const CHROME = { topBar: 48, flowsSidebar: 208, canvasToolbar: 48 } as const;

/** The canvas's size in a window of `width`×`height`, with the flows sidebar shown or hidden. */
export function canvasSize(window: { width: number; height: number }, flowsOpen: boolean) {
  return {
    width: window.width - CHROME.canvasToolbar - (flowsOpen ? CHROME.flowsSidebar : 0),
    height: window.height - CHROME.topBar,
  };
}
