import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadPanel } from './App';
import { bootDocument } from './bootDocument';
import { whenIdle } from '../store/whenIdle';
import { preloadPicker } from '../canvas/AddBlockPicker';
import { preloadCanvasExtras } from '../canvas/FlowCanvas';
import { preloadChecklist } from '../canvas/FlowChecklist';
import { preloadEdgeRouting } from '../canvas/useEdgeRouting';
import { preloadPopup } from '../components/Popup';
import { startLibrary } from '../storage/flowLibrary';
import { useFlowStore } from '../store/useFlowStore';
import { preloadFlowActions } from '../storage/runFlowAction';
import './index.css';

// The page is drawn once, with the flow, when storage answers quickly: drawn at once, the empty
// editor ("Opening your flows…") took the main thread just as the flow's modules arrived, and the
// flow was on screen ~0.15 s later (trace, 100 blocks). Slow storage still gets the editor soon.
let rendered = false;
const render = () => {
  if (rendered) return;
  rendered = true;
  stopWaiting();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
};
const stopWaiting = useFlowStore.subscribe((s) => {
  if (s.flowId) render();
});
// Started after the subscription above, so that nothing it sets can come before it is listened for.
const started = startLibrary(bootDocument());
void started.then(render, () => {
  // What opens a flow could not load (the server went away, or a new version replaced its files):
  // say so instead of "Opening your flows…" for ever. Stored flows are untouched.
  useFlowStore.setState({ startError: 'Switchboard could not finish loading. Your saved flows are safe in this browser; reload the page to try again.' });
  render();
});
setTimeout(render, 300);

// The picker, popovers and block panel are separate chunks. They are fetched once the flow is on
// screen and the page is idle: fetched at the first paint, their evaluation queued ahead of the
// database's answer and the flow's own modules, and the flow showed ~0.3 s later; fetched right
// after the database's answer, they ran between the flow's first render and the measuring of its
// blocks (~0.1 s at 100 blocks; both measured with a trace).
let preloaded = false;
const preload = () => {
  if (preloaded) return;
  preloaded = true;
  preloadPicker();
  preloadPopup();
  preloadPanel();
  preloadCanvasExtras();
  preloadFlowActions();
  preloadChecklist();
  preloadEdgeRouting();
};
void started.then(
  () => whenIdle(preload, 2000),
  () => undefined,
);
// Storage that never answers (a blocked database) must not keep the menus from loading.
setTimeout(preload, 3000);
