import { Send } from 'lucide-react';
import { useState } from 'react';
import { inputClass } from '../components/Field';
import { callerChooses, callerHangsUp, callerSays, useTestSession } from './testSession';

/** The caller's side: quick replies for exit conditions (or yes/no), a text box, Hang up. */
export function Composer() {
  const waiting = useTestSession((s) => s.waiting);
  const state = useTestSession((s) => s.state);
  const [text, setText] = useState('');
  const send = () => {
    if (!text.trim()) return;
    callerSays(text.trim());
    setText('');
  };
  if (state === 'ended') return null;
  const placeholder =
    waiting?.kind === 'collect'
      ? waiting.confirming
        ? 'Yes or no'
        : `Answer as the caller (${waiting.type})`
      : waiting
        ? 'Say something as the caller'
        : 'The agent is busy…';
  return (
    <div className="flex flex-col gap-2 border-t border-zinc-200 px-3 py-2.5">
      {waiting?.kind === 'talk' && (
        <div role="group" aria-label="Exit conditions" className="flex flex-wrap gap-1.5">
          <span className="w-full text-[10.5px] text-zinc-500">The caller…</span>
          {waiting.exits.map((e) => (
            <button
              key={e.id}
              type="button"
              className="rounded-full border border-accent/40 bg-white px-2.5 py-1 text-xs text-accent hover:bg-accent-soft"
              onClick={() => callerChooses(e.id)}
            >
              {e.label}
            </button>
          ))}
        </div>
      )}
      {waiting?.kind === 'collect' && waiting.confirming && (
        <div role="group" aria-label="Quick replies" className="flex gap-1.5">
          {['Yes', 'No'].map((a) => (
            <button
              key={a}
              type="button"
              className="rounded-full border border-accent/40 px-2.5 py-1 text-xs text-accent hover:bg-accent-soft"
              onClick={() => callerSays(a)}
            >
              {a}
            </button>
          ))}
        </div>
      )}
      <form
        className="flex items-center gap-1.5"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <input
          aria-label="Caller says"
          className={inputClass}
          disabled={!waiting}
          placeholder={placeholder}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button
          type="submit"
          aria-label="Send"
          disabled={!waiting || !text.trim()}
          className="flex h-8 w-8 shrink-0 items-center justify-center rounded-md bg-accent text-white disabled:opacity-40"
        >
          <Send size={14} aria-hidden />
        </button>
      </form>
      <button type="button" className="self-start text-[11px] text-zinc-500 hover:text-rose-700" onClick={callerHangsUp}>
        Hang up
      </button>
    </div>
  );
}
