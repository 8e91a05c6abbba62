import { FileUp, LocateFixed, Play, Trash2 } from 'lucide-react';
import { useRef, useState } from 'react';
import { uniqueName } from '../domain/flow/uniqueName';
import { IconButton } from '../components/IconButton';
import { blockRefs } from '../domain/testing/blockRefs';
import { describeDifference } from '../domain/testing/junitReport';
import type { FlowTest } from '../domain/testing/flowTestSchema';
import { useFlowStore } from '../store/useFlowStore';
import { runSavedTests, useTestRuns, type RunState } from './savedTestRuns';

function Outcome({ run }: { run: RunState | undefined }) {
  if (!run) return <span className="text-[11px] text-zinc-500">Not run</span>;
  if (run.status === 'running')
    return (
      <span role="status" className="text-[11px] text-zinc-600">
        Running…
      </span>
    );
  return run.result.passed ? (
    <span role="status" className="rounded bg-emerald-50 px-1.5 py-0.5 text-[11px] font-medium text-emerald-700">
      Passed
    </span>
  ) : (
    <span role="status" className="rounded bg-rose-50 px-1.5 py-0.5 text-[11px] font-medium text-rose-700">
      Failed
    </span>
  );
}

function TestRow({ test, index }: { test: FlowTest; index: number }) {
  const flowId = useFlowStore((s) => s.flowId);
  const run = useTestRuns((s) => (s.flowId === flowId ? s.runs[test.name] : undefined));
  const result = run?.status === 'done' ? run.result : null;
  const first = result?.differences[0];
  const remove = () => {
    const tests = useFlowStore.getState().tests;
    useFlowStore.getState().setTests(tests.filter((_, i) => i !== index));
  };
  const refs = blockRefs(useFlowStore.getState().toDocument());
  return (
    <li aria-label={test.name} className="rounded-lg border border-zinc-200 px-3 py-2">
      <div className="flex items-center gap-2">
        <span className="min-w-0 flex-1 truncate text-[13px] font-medium text-zinc-800">{test.name}</span>
        <Outcome run={run} />
        <IconButton label={`Run ${test.name}`} side="left" onClick={() => void runSavedTests([test])}>
          <Play size={13} aria-hidden />
        </IconButton>
        <IconButton label={`Delete ${test.name}`} side="left" onClick={remove}>
          <Trash2 size={13} aria-hidden />
        </IconButton>
      </div>
      <p className="mt-0.5 text-[11px] text-zinc-500">
        {test.steps.length} step{test.steps.length === 1 ? '' : 's'}
        {Object.keys(test.apis).length
          ? ` · ${Object.entries(test.apis)
              .map(([b, v]) => `${b}: ${v.mode === 'last' ? 'last test response' : v.mode}`)
              .join(', ')}`
          : ''}
        {run?.status === 'done' ? ` · ${run.ms.toFixed(0)} ms` : ''}
      </p>
      {first && (
        <div className="mt-1.5 rounded-md border border-rose-200 bg-rose-50/60 px-2 py-1.5 text-[11.5px] text-rose-900">
          <p aria-label="First difference">{describeDifference(first)}</p>
          {first.blockId && (
            <button
              type="button"
              className="mt-1 flex items-center gap-1 text-[11px] font-medium text-accent hover:underline"
              onClick={() => useFlowStore.getState().revealBlock(first.blockId!)}
            >
              <LocateFixed size={11} aria-hidden /> Show “{refs.nameOf(first.blockId)}”
            </button>
          )}
          {result!.differences.length > 1 && (
            <details className="mt-1">
              <summary className="cursor-pointer text-[11px] text-rose-800">
                {result!.differences.length - 1} more difference{result!.differences.length > 2 ? 's' : ''}
              </summary>
              <ul className="mt-1 flex list-disc flex-col gap-0.5 pl-4">
                {result!.differences.slice(1).map((d, i) => (
                  <li key={i}>{describeDifference(d)}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </li>
  );
}

/**
 * A hand-written test file (YAML or JSON) into the flow's saved tests. The parser (and its YAML
 * reader) loads on first use; errors name their line and nothing is added unless all is well.
 */
function ImportTests({ onResult }: { onResult(result: { errors: string[] } | { added: number }): void }) {
  const input = useRef<HTMLInputElement>(null);
  const read = async (file: File) => {
    const [{ parseTestFile }, text] = await Promise.all([import('../domain/testing/parseTestFile'), file.text()]);
    const parsed = parseTestFile(text, file.name);
    if (!parsed.ok) {
      onResult({ errors: parsed.errors });
      return;
    }
    const tests = [...useFlowStore.getState().tests];
    for (const t of parsed.tests)
      tests.push({
        ...t,
        name: uniqueName(
          t.name,
          tests.map((x) => x.name),
        ),
      });
    useFlowStore.getState().setTests(tests);
    onResult({ added: parsed.tests.length });
  };
  return (
    <>
      <button
        type="button"
        className="flex items-center gap-1 rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50"
        onClick={() => input.current?.click()}
      >
        <FileUp size={12} aria-hidden /> Import test file
      </button>
      <input
        ref={input}
        type="file"
        accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
        aria-label="Test file to import"
        className="hidden"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void read(f);
        }}
      />
    </>
  );
}

/** Tests tab: the flow's saved tests, Run and Run all, and for a failure the first difference with its block. */
export function TestsView() {
  const tests = useFlowStore((s) => s.tests);
  const [imported, setImported] = useState<{ errors: string[] } | { added: number } | null>(null);
  return (
    <div className="flex flex-col gap-3 px-4 py-3">
      <div className="flex items-center gap-2">
        <p className="flex-1 text-xs text-zinc-600">{tests.length ? `${tests.length} saved test${tests.length === 1 ? '' : 's'}` : 'No saved tests yet.'}</p>
        <ImportTests onResult={setImported} />
        <button
          type="button"
          disabled={!tests.length}
          className="flex items-center gap-1 rounded-md bg-accent px-2.5 py-1 text-xs font-medium text-white disabled:opacity-40"
          onClick={() => void runSavedTests(tests)}
        >
          <Play size={12} aria-hidden /> Run all
        </button>
      </div>
      {imported && 'errors' in imported && (
        <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-2.5 py-2 text-[11.5px] text-rose-900">
          <p className="font-medium">The test file was not imported: nothing was added.</p>
          <ul className="mt-1 flex flex-col gap-0.5 font-mono text-[11px]">
            {imported.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {imported && 'added' in imported && (
        <p role="status" className="text-[11.5px] text-emerald-800">
          Imported {imported.added} test{imported.added === 1 ? '' : 's'}.
        </p>
      )}
      {!tests.length && (
        <p className="text-[11.5px] leading-relaxed text-zinc-500">
          Talk to the agent in Web Chat, choose what each API does under API behaviour, then <strong>Save as test</strong> — or import a test file written by
          hand (YAML or JSON). Saved tests travel with the flow file; run them in CI with <code className="font-mono">npx switchboard test flow.json</code>.
        </p>
      )}
      <ul aria-label="Saved tests" className="flex flex-col gap-2">
        {tests.map((t, i) => (
          <TestRow key={`${i}-${t.name}`} test={t} index={i} />
        ))}
      </ul>
    </div>
  );
}
