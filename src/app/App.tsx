import { ReactFlowProvider } from '@xyflow/react';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { CanvasToolbar } from '../canvas/CanvasToolbar';
import { TopBar } from './TopBar';
import { ErrorBoundary } from './ErrorBoundary';
import { preloadable } from '../components/preloadable';

/** The block panel appears on the first click on a block; it is not needed to paint the canvas. */
const { Component: BlockPanel, preload } = preloadable(() => import('../blocks/BlockPanel'));
export const preloadPanel = () => void preload();

export function App() {
  return (
      <ReactFlowProvider>
        <div className="flex h-full flex-col">
          <TopBar />
          <div className="relative flex min-h-0 flex-1">
            <ErrorBoundary>
              <CanvasToolbar />
              <main className="relative min-w-0 flex-1" aria-label="Flow canvas">
                <FlowCanvas />
              </main>
              <BlockPanel />
            </ErrorBoundary>
          </div>
        </div>
      </ReactFlowProvider>
  );
}
