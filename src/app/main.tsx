import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadPanel } from './App';
import { bootDocument } from './bootDocument';
import { useFlowStore } from '../store/useFlowStore';
import { preloadPicker } from '../canvas/AddBlockPicker';
import { preloadPopup } from '../components/Popup';
import './index.css';

useFlowStore.getState().loadDocument(bootDocument());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The picker, popovers and block panel are separate chunks: fetch them right after the first paint.
const preload = () => {
  preloadPicker();
  preloadPopup();
  preloadPanel();
};
requestAnimationFrame(() => setTimeout(preload, 0));
