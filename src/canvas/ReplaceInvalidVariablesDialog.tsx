import { Command } from 'cmdk';
import { AlertTriangle } from 'lucide-react';
import { useMemo, useState } from 'react';
import { invalidVariables, replacementsFor } from '../domain/variables/invalidVariables';
import { Modal, primaryButton, secondaryButton } from '../components/Modal';
import { toFlowNode } from '../store/canvasModel';
import { useFlowStore } from '../store/useFlowStore';
import '../components/panels.css';

/**
 * Every invalid variable reference in the flow, the blocks using it, and a replacement that is
 * available in all of them; Apply rewrites every use at once (one undo step).
 */
export function ReplaceInvalidVariablesDialog({ initial, onClose }: { initial?: string; onClose(): void }) {
  const nodes = useFlowStore((s) => s.nodes);
  const edges = useFlowStore((s) => s.edges);
  const blocks = useFlowStore((s) => s.blocks);
  const custom = useFlowStore((s) => s.variables);
  const flowNodes = useMemo(() => nodes.map((n) => toFlowNode(n, blocks)), [nodes, blocks]);
  const invalid = useMemo(() => invalidVariables(flowNodes, edges, custom), [flowNodes, edges, custom]);
  const [picked, setPicked] = useState<string | undefined>(initial);
  const current = invalid.find((i) => i.name === picked) ?? invalid[0];
  const [choice, setChoice] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const groups = useMemo(() => (current ? replacementsFor(current.nodeIds, flowNodes, edges, custom) : []), [current, flowNodes, edges, custom]);
  const nameOf = (id: string) => String(blocks[id]?.name ?? 'Block');
  const q = query.trim().toLowerCase();

  const apply = () => {
    if (!current || !choice) return;
    useFlowStore.getState().replaceVariable(current.name, choice, current.nodeIds);
    setChoice(null);
    setQuery('');
    setPicked(undefined);
    if (invalid.length <= 1) onClose();
  };

  return (
    <Modal
      title="Replace Invalid Variables"
      description="A reference is invalid when its block was deleted, the route changed, or a field vanished after a re-test."
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      width="w-[600px]"
      footer={
        <>
          <button type="button" className={secondaryButton} onClick={onClose}>
            Close
          </button>
          <button type="button" className={primaryButton} disabled={!current || !choice} onClick={apply}>
            Apply
          </button>
        </>
      }
    >
      {!current ? (
        <p className="text-[13px] text-emerald-700">All variables are valid.</p>
      ) : (
        <div className="grid grid-cols-[200px_1fr] gap-4">
          <ul aria-label="Invalid references" className="flex flex-col gap-1">
            {invalid.map((i) => (
              <li key={i.name}>
                <button
                  type="button"
                  aria-current={i.name === current.name}
                  onClick={() => {
                    setPicked(i.name);
                    setChoice(null);
                  }}
                  className={`flex w-full items-center gap-1.5 rounded-md px-2 py-1.5 text-left text-xs ${i.name === current.name ? 'bg-rose-50 text-rose-800' : 'text-zinc-700 hover:bg-zinc-50'}`}
                >
                  <AlertTriangle size={12} className="shrink-0 text-rose-600" aria-hidden />
                  <span className="min-w-0 flex-1 truncate font-mono">{i.name}</span>
                  <span className="text-[10px] text-zinc-500">{i.nodeIds.length}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="flex min-w-0 flex-col gap-2">
            <p className="text-xs text-zinc-600">
              <span className="var-chip var-chip-invalid">⚠ {current.name}</span> is used in {current.nodeIds.map(nameOf).join(', ')}.
            </p>
            <Command label="Search replacements" shouldFilter={false} className="rounded-md border border-zinc-200">
              <Command.Input
                value={query}
                onValueChange={setQuery}
                placeholder="Search variables…"
                className="w-full border-b border-zinc-100 px-2.5 py-1.5 text-[13px] outline-none"
              />
              <Command.List className="max-h-64 overflow-y-auto p-1">
                <Command.Empty className="px-2 py-2 text-xs text-zinc-500">No variable is available in every block that uses it.</Command.Empty>
                {groups.map((g) => {
                  const vars = g.variables.filter((v) => !q || v.name.toLowerCase().includes(q));
                  if (!vars.length) return null;
                  return (
                    <Command.Group
                      key={g.title}
                      heading={g.title}
                      className="[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-1.5 [&_[cmdk-group-heading]]:text-[10px] [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:uppercase [&_[cmdk-group-heading]]:text-zinc-500"
                    >
                      {vars.map((v) => (
                        <Command.Item
                          key={v.name}
                          value={v.name}
                          onSelect={() => setChoice(v.name)}
                          className={`flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-xs data-[selected=true]:bg-zinc-100 ${choice === v.name ? 'font-semibold text-accent' : 'text-zinc-800'}`}
                        >
                          <span className="font-mono">{v.name}</span>
                          {choice === v.name && <span className="ml-auto text-[10px]">chosen</span>}
                        </Command.Item>
                      ))}
                    </Command.Group>
                  );
                })}
              </Command.List>
            </Command>
            {choice && (
              <p className="text-xs text-zinc-600">
                Apply replaces {current.name} with <span className="var-chip">{choice}</span> in {current.nodeIds.length} block
                {current.nodeIds.length > 1 ? 's' : ''}.
              </p>
            )}
          </div>
        </div>
      )}
    </Modal>
  );
}
