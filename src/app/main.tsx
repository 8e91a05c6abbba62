import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadPanel } from './App';
import { bootDocument } from './bootDocument';
import { preloadPicker } from '../canvas/AddBlockPicker';
import { preloadCanvasExtras } from '../canvas/FlowCanvas';
import { preloadChecklist } from '../canvas/FlowChecklist';
import { preloadEdgeRouting } from '../canvas/useEdgeRouting';
import { preloadPopup } from '../components/Popup';
import { startLibrary } from '../storage/flowLibrary';
import { preloadFlowActions } from '../storage/runFlowAction';
import './index.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

void startLibrary(bootDocument());

// The picker, popovers and block panel are separate chunks: fetch them right after the first paint.
const preload = () => {
  preloadPicker();
  preloadPopup();
  preloadPanel();
  preloadCanvasExtras();
  preloadFlowActions();
  preloadChecklist();
  preloadEdgeRouting();
};
requestAnimationFrame(() => setTimeout(preload, 0));
