import { VARIABLE_NAME } from '../domain/variables/variableName';
import { Eye, EyeOff } from 'lucide-react';
import { useState } from 'react';
import type { CustomVariable } from '../domain/flow/FlowDocument';
import { Modal, secondaryButton } from '../components/Modal';
import { AddRowButton } from '../components/AddRowButton';
import { RemoveButton } from '../components/RemoveButton';
import { inputClass } from '../components/Field';
import { useFlowStore } from '../store/useFlowStore';
import '../components/panels.css';

function SecretInput({ label, value, secret, onChange }: { label: string; value: string; secret: boolean; onChange(v: string): void }) {
  const [shown, setShown] = useState(false);
  return (
    <div className="relative min-w-0 flex-1">
      <input
        aria-label={label}
        type={secret && !shown ? 'password' : 'text'}
        autoComplete="off"
        className={`${inputClass} pr-8`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {secret && (
        <button
          type="button"
          aria-label={shown ? `Hide ${label}` : `Show ${label}`}
          className="absolute right-1.5 top-1/2 -translate-y-1/2 text-zinc-500"
          onClick={() => setShown(!shown)}
        >
          {shown ? <EyeOff size={14} aria-hidden /> : <Eye size={14} aria-hidden />}
        </button>
      )}
    </div>
  );
}

/** The flow's Custom Variables: fixed values such as API keys, optionally secret. */
export function CustomVariablesDialog({ onClose }: { onClose(): void }) {
  const variables = useFlowStore((s) => s.variables);
  const setVariables = useFlowStore((s) => s.setVariables);
  const patch = (i: number, change: Partial<CustomVariable>) => setVariables(variables.map((v, j) => (j === i ? { ...v, ...change } : v)));
  const names = variables.map((v) => v.name);
  return (
    <Modal
      title="Custom Variables"
      description="Fixed values every block of this flow can use, such as API keys. Secret values are masked and left out of exports unless you ask."
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      width="w-[620px]"
      footer={
        <button type="button" className={secondaryButton} onClick={onClose}>
          Done
        </button>
      }
    >
      <div className="flex flex-col gap-2">
        {variables.map((v, i) => {
          const error = !v.name
            ? 'Give it a name'
            : !VARIABLE_NAME.test(v.name)
              ? 'Use letters, digits and _'
              : names.indexOf(v.name) !== i
                ? 'This name is taken'
                : null;
          return (
            <div key={i} className="flex flex-col gap-0.5">
              <div className="flex items-center gap-2">
                <div className="w-44 shrink-0">
                  <input
                    aria-label={`Name of variable ${i + 1}`}
                    aria-invalid={!!error}
                    className={`${inputClass} font-mono aria-[invalid=true]:border-rose-400`}
                    placeholder="api_key"
                    value={v.name}
                    onChange={(e) => patch(i, { name: e.target.value.trim() })}
                  />
                </div>
                <SecretInput label={`Value of ${v.name || `variable ${i + 1}`}`} value={v.value} secret={v.secret} onChange={(value) => patch(i, { value })} />
                <label className="flex shrink-0 items-center gap-1 text-xs text-zinc-700">
                  <input type="checkbox" className="h-3.5 w-3.5 accent-accent" checked={v.secret} onChange={(e) => patch(i, { secret: e.target.checked })} />{' '}
                  Secret
                </label>
                <RemoveButton label={`Remove ${v.name || `variable ${i + 1}`}`} onClick={() => setVariables(variables.filter((_, j) => j !== i))} />
              </div>
              {error && <p className="text-[11px] text-rose-600">{error}</p>}
            </div>
          );
        })}
        {!variables.length && <p className="text-xs text-zinc-500">No custom variables yet.</p>}
        <AddRowButton onClick={() => setVariables([...variables, { name: '', value: '', secret: false }])}>Add variable</AddRowButton>
      </div>
    </Modal>
  );
}
