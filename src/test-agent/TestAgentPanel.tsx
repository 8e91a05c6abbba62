import { FlaskConical, RotateCcw, TriangleAlert, X } from 'lucide-react';
import { Tabs } from 'radix-ui';
import { useEffect, useState } from 'react';
import { storedVariables } from '../domain/engine/traceItems';
import { IconButton } from '../components/IconButton';
import { useFlowStore } from '../store/useFlowStore';
import { ChatView } from './ChatView';
import { Composer } from './Composer';
import { StoredList } from './StoredList';
import { BehavioursView } from './BehavioursView';
import { SaveAsTestDialog } from './SaveAsTestDialog';
import { TestsView } from './TestsView';
import { TestFromHere } from './TestFromHere';
import { startTest, stopTest, useTestSession } from './testSession';
import '../components/panels.css';

const tabClass =
  'border-b-2 border-transparent px-2.5 py-2 text-xs font-medium text-zinc-500 hover:text-zinc-800 data-[state=active]:border-accent data-[state=active]:text-accent';

function StoredVariablesView() {
  const trace = useTestSession((s) => s.trace);
  const stored = storedVariables(trace);
  return (
    <div className="px-4 py-3">
      {stored.length ? <StoredList label="Stored Variables" stored={stored} /> : <p className="text-xs text-zinc-500">No values stored yet.</p>}
    </div>
  );
}

/**
 * Test agent (PRODUCT.md §4 "Flow test"): the whole flow as a web chat on the call engine, with the
 * action trace between the bubbles, the stored variables, and the canvas following the call.
 * Loaded on first open.
 */
export default function TestAgentPanel() {
  const testAgent = useFlowStore((s) => s.testAgent);
  const started = useTestSession((s) => s.started);
  const session = testAgent?.session;
  const startAt = testAgent?.startAt;
  const [tab, setTab] = useState('chat');
  const [saving, setSaving] = useState(false);
  const canSave = useTestSession((s) => s.trace.some((e) => e.kind === 'block.enter'));
  const injected = useTestSession((s) => Object.keys(s.behaviours).length);
  // Test from here asks for values first; Test agent starts from Start, or shows the call that is
  // still going (the panel was hidden while a block was looked at).
  useEffect(() => {
    if (session === undefined) return;
    if (startAt) stopTest();
    else if (useTestSession.getState().state === 'idle' || useTestSession.getState().startAt) startTest();
  }, [session, startAt]);
  if (!testAgent) return null;
  const close = () => {
    stopTest();
    useFlowStore.getState().closeTestAgent();
  };

  return (
    <aside aria-label="Test agent" className="relative flex w-[400px] shrink-0 flex-col border-l border-zinc-200 bg-white">
      <div className="flex items-center gap-2 border-b border-zinc-200 px-4 py-3">
        <h2 className="flex-1 text-[15px] font-semibold">Test agent</h2>
        <IconButton label="Restart" side="bottom" onClick={() => (startAt ? stopTest() : startTest())}>
          <RotateCcw size={15} aria-hidden />
        </IconButton>
        <IconButton label="Close test" side="bottom" onClick={close}>
          <X size={16} aria-hidden />
        </IconButton>
      </div>
      <p className="flex items-start gap-1.5 border-b border-zinc-100 bg-amber-50/60 px-4 py-1.5 text-[11px] text-amber-900">
        <TriangleAlert size={12} className="mt-px shrink-0" aria-hidden />
        {injected
          ? `${injected} API block${injected === 1 ? '' : 's'} answer${injected === 1 ? 's' : ''} as set under API behaviour; the others send real requests through the proxy.`
          : 'Tests send real requests through the proxy: real data may change. Mock an API under API behaviour.'}
      </p>
      {startAt && !started ? (
        <TestFromHere key={session} startAt={startAt} />
      ) : (
        <Tabs.Root value={tab} onValueChange={setTab} className="flex min-h-0 flex-1 flex-col">
          <Tabs.List aria-label="Test views" className="flex gap-0.5 border-b border-zinc-200 px-2">
            <Tabs.Trigger value="chat" className={tabClass}>
              Web Chat
            </Tabs.Trigger>
            <Tabs.Trigger value="vars" className={tabClass}>
              Stored Variables
            </Tabs.Trigger>
            <Tabs.Trigger value="apis" className={tabClass}>
              API behaviour{injected ? ` (${injected})` : ''}
            </Tabs.Trigger>
            <Tabs.Trigger value="tests" className={tabClass}>
              Tests
            </Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="chat" className="flex min-h-0 flex-1 flex-col data-[state=inactive]:hidden">
            <div className="min-h-0 flex-1 overflow-y-auto">
              <ChatView />
            </div>
            <Composer />
            <div className="flex justify-end border-t border-zinc-100 px-3 py-1.5">
              <button
                type="button"
                disabled={!canSave}
                className="flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-accent hover:bg-accent-soft disabled:opacity-40"
                onClick={() => setSaving(true)}
              >
                <FlaskConical size={13} aria-hidden /> Save as test
              </button>
            </div>
          </Tabs.Content>
          <Tabs.Content value="vars" className="min-h-0 flex-1 overflow-y-auto">
            <StoredVariablesView />
          </Tabs.Content>
          <Tabs.Content value="apis" className="min-h-0 flex-1 overflow-y-auto">
            <BehavioursView />
          </Tabs.Content>
          <Tabs.Content value="tests" className="min-h-0 flex-1 overflow-y-auto">
            <TestsView />
          </Tabs.Content>
        </Tabs.Root>
      )}
      {saving && (
        <SaveAsTestDialog
          onClose={() => setSaving(false)}
          onSaved={() => {
            setSaving(false);
            setTab('tests');
          }}
        />
      )}
    </aside>
  );
}
