import { ReactFlowProvider } from '@xyflow/react';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { CanvasToolbar } from '../canvas/CanvasToolbar';
import { preloadable } from '../components/preloadable';
import { useFlowStore } from '../store/useFlowStore';
import { ErrorBoundary } from './ErrorBoundary';
import { FlowSidebar } from './FlowSidebar';
import { TopBar } from './TopBar';

/** The block panel appears on the first click on a block; it is not needed to paint the canvas. */
const { Component: BlockPanel, preload } = preloadable(() => import('../blocks/BlockPanel'));
const { Component: TestAgentPanel } = preloadable(() => import('../test-agent/TestAgentPanel'));
const { Component: Overlays, preload: preloadOverlays } = preloadable(() => import('./Overlays'), { idleMs: 1000 });
const { Component: StatusBanner, preload: preloadBanner } = preloadable(() => import('./StatusBanner'), { idleMs: 1000 });
export const preloadPanel = () => {
  void preload();
  void preloadOverlays();
  void preloadBanner();
};

/** Where the canvas will be: "Opening your flows…", or why it cannot open. */
function StartMessage() {
  const error = useFlowStore((s) => s.startError);
  if (!error) return <p className="m-auto text-[13px] text-zinc-500">Opening your flows…</p>;
  return (
    <div role="alert" className="m-auto flex max-w-sm flex-col items-center gap-3 text-center text-[13px] text-zinc-700">
      <p>{error}</p>
      <button type="button" className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 font-medium hover:bg-zinc-50" onClick={() => location.reload()}>
        Reload
      </button>
    </div>
  );
}

export function App() {
  const flowId = useFlowStore((s) => s.flowId);
  const flowsOpen = useFlowStore((s) => s.flowsOpen);
  const testing = useFlowStore((s) => s.testAgent !== null);
  const panelOpen = useFlowStore((s) => s.panelNodeId !== null);
  return (
    <div className="flex h-full flex-col">
      <TopBar />
      <StatusBanner />
      <div className="relative flex min-h-0 flex-1">
        {/* Its own boundary: a bad list entry must not take the canvas with it. */}
        {flowsOpen && (
          <ErrorBoundary>
            <FlowSidebar />
          </ErrorBoundary>
        )}
        {flowId ? (
          <ErrorBoundary>
            {/* A new provider per flow: each flow opens at its own saved view. */}
            <ReactFlowProvider key={flowId}>
              <CanvasToolbar />
              <main className="relative min-w-0 flex-1" aria-label="Flow canvas">
                <FlowCanvas />
              </main>
              {panelOpen && <BlockPanel />}
              {testing && <TestAgentPanel />}
            </ReactFlowProvider>
          </ErrorBoundary>
        ) : (
          <StartMessage />
        )}
      </div>
      <Overlays />
    </div>
  );
}
