import { useState } from 'react';
import { Field, inputClass } from '../components/Field';
import { Modal, primaryButton, secondaryButton } from '../components/Modal';
import { uniqueName } from '../domain/flow/uniqueName';
import { blockRefs } from '../domain/testing/blockRefs';
import { describeCandidate, expectationOf, expectationsFromCall, type Candidate } from '../domain/testing/expectationsFromCall';
import { formatSequence } from '../domain/testing/faultSequence';
import type { Behaviour, FlowTest } from '../domain/testing/flowTestSchema';
import { useFlowStore } from '../store/useFlowStore';
import { useTestSession } from './testSession';

const describeBehaviour = (b: Behaviour) =>
  b.mode === 'fault' ? `Fault: ${formatSequence(b.steps)}` : b.mode === 'mock' ? `Mock ${b.status}` : b.mode === 'last' ? 'Last test response' : 'Live';

/**
 * Save as test: the conversation (the caller's inputs), the API behaviours, and expectations
 * taken from what the call did, to tick and edit. Blocks left Live are saved without a
 * behaviour: a run replays their last test response (or sends for real with --live).
 */
export function SaveAsTestDialog({ onClose, onSaved }: { onClose(): void; onSaved(): void }) {
  const [flow] = useState(() => useFlowStore.getState().toDocument());
  const refs = blockRefs(flow);
  const { trace, inputs, behaviours } = useTestSession.getState();
  const [name, setName] = useState(() =>
    uniqueName(
      `Test ${flow.tests.length + 1}`,
      flow.tests.map((t) => t.name),
    ),
  );
  const [candidates, setCandidates] = useState<Candidate[]>(() => expectationsFromCall(trace, refs));
  const taken = flow.tests.some((t) => t.name.trim().toLowerCase() === name.trim().toLowerCase());
  const error = !name.trim() ? 'Give the test a name.' : taken ? 'Another test has this name.' : undefined;
  const patch = (i: number, change: Partial<Candidate>) => setCandidates((cs) => cs.map((c, j) => (j === i ? ({ ...c, ...change } as Candidate) : c)));
  const apis = Object.fromEntries(Object.entries(behaviours).map(([id, b]) => [refs.nameOf(id), b]));
  const save = () => {
    if (error) return;
    const test: FlowTest = { name: name.trim(), apis, steps: inputs, expect: expectationOf(candidates) };
    useFlowStore.getState().setTests([...useFlowStore.getState().tests, test]);
    onSaved();
  };
  return (
    <Modal
      title="Save as test"
      description="The caller’s inputs and each API’s behaviour are replayed; the ticked expectations must hold."
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      width="w-[560px]"
      footer={
        <>
          <button type="button" className={secondaryButton} onClick={onClose}>
            Cancel
          </button>
          <button type="button" className={primaryButton} disabled={!!error} onClick={save}>
            Save test
          </button>
        </>
      }
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Field label="Test name" error={error}>
          {(id, describedBy) => <input id={id} aria-describedby={describedBy} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <section aria-label="Caller inputs" className="text-xs text-zinc-700">
          <h3 className="mb-1 font-medium">
            The caller ({inputs.length} step{inputs.length === 1 ? '' : 's'})
          </h3>
          {inputs.length ? (
            <ol className="flex list-decimal flex-col gap-0.5 pl-5 text-zinc-600">
              {inputs.map((s, i) => (
                <li key={i}>{'caller' in s ? `says “${s.caller}”` : 'choose' in s ? `chooses “${s.choose}”` : 'hangup' in s ? 'hangs up' : 'expects…'}</li>
              ))}
            </ol>
          ) : (
            <p className="text-zinc-500">The caller said nothing: the test replays the call up to where it waited.</p>
          )}
        </section>
        <section aria-label="API behaviour" className="text-xs text-zinc-700">
          <h3 className="mb-1 font-medium">API behaviour</h3>
          <p className="text-zinc-600">
            {Object.keys(apis).length
              ? `${Object.entries(apis)
                  .map(([b, v]) => `${b}: ${describeBehaviour(v)}`)
                  .join(' · ')}.`
              : 'All Live.'}{' '}
            Blocks left Live replay their last test response when the test runs, so it sends nothing (the command-line runner’s --live sends for real).
          </p>
        </section>
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1 text-xs font-medium text-zinc-700">Expectations</legend>
          {candidates.map((c, i) => (
            <div key={i} className="flex flex-col gap-1 text-xs">
              <label className="flex items-start gap-2">
                <input type="checkbox" className="mt-0.5 accent-accent" checked={c.ticked} onChange={(e) => patch(i, { ticked: e.target.checked })} />
                <span className="min-w-0 break-words text-zinc-800">{describeCandidate(c)}</span>
              </label>
              {'value' in c && (
                <input
                  aria-label={`${describeCandidate(c)} value`}
                  className={`${inputClass} ml-6 !w-[calc(100%-1.5rem)] py-1 text-xs`}
                  value={c.value}
                  onChange={(e) => patch(i, { value: e.target.value, ticked: true })}
                />
              )}
            </div>
          ))}
        </fieldset>
      </form>
    </Modal>
  );
}
