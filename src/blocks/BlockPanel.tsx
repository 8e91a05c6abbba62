import { buttonShortcuts } from '../components/shortcuts';
import { Copy, Trash2, X } from 'lucide-react';
import { useCallback, useMemo, type ComponentType } from 'react';
import { blockCatalog } from '../domain/blocks/blockCatalog';
import type { BlockType } from '../domain/flow/FlowDocument';
import { normalizeName } from '../domain/flow/uniqueName';
import { inputClass } from '../components/Field';
import { IconButton } from '../components/IconButton';
import { focusBlockCard } from '../components/focusBlockCard';
import { blockName } from '../store/canvasModel';
import { useFlowStore } from '../store/useFlowStore';
import { blockIcons, blockTints } from './blockIcons';
import type { PanelProps } from './PanelProps';
import { BlockVariables } from './BlockVariables';
import { StartPanel } from './start/StartPanel';
import { TalkPanel } from './talk/TalkPanel';
import { CollectPanel } from './collect/CollectPanel';
import { FilterPanel } from './filter/FilterPanel';
import { ApiRequestPanel } from './api-request/ApiRequestPanel';
import { EndCallPanel } from './end-call/EndCallPanel';
import '../components/panels.css';

/** Each block type's settings; notes are edited on the canvas and have none. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each panel narrows the data to its own block type
const panels: Record<BlockType, ComponentType<PanelProps<any>> | null> = {
  start: StartPanel,
  talk: TalkPanel,
  collect: CollectPanel,
  filter: FilterPanel,
  apiRequest: ApiRequestPanel,
  endCall: EndCallPanel,
  sticky: null,
};

/** Panel buttons act on the open block, whatever else is selected on the canvas. */
function act(nodeId: string, action: 'duplicateSelection' | 'deleteSelection') {
  const s = useFlowStore.getState();
  s.selectOnly(nodeId);
  s[action]();
}

/** The right-hand panel of the open block: its name as the title, then its settings. */
export default function BlockPanel() {
  const node = useFlowStore((s) => (s.panelNodeId ? s.nodes.find((n) => n.id === s.panelNodeId) : undefined));
  const data = useFlowStore((s) => (s.panelNodeId ? s.blocks[s.panelNodeId] : undefined));
  const update = useFlowStore((s) => s.updateBlockData);
  const nodeId = node?.id;
  // One function per open block: panels pass it to memoised sections, which then skip re-rendering
  // while another field is typed in.
  const updateOpen = useCallback(
    (patch: Record<string, unknown>, field?: string) => {
      if (nodeId) update(nodeId, patch, field);
    },
    [nodeId, update],
  );
  const closePanel = useFlowStore((s) => s.closePanel);
  // Checked when this block's name changes, not on every edit anywhere (a scan of every block).
  const currentName = String(data?.name ?? '');
  const nameTaken = useMemo(() => {
    if (!nodeId) return false;
    const { nodes, blocks } = useFlowStore.getState();
    const name = normalizeName(currentName);
    return nodes.some((n) => n.id !== nodeId && blockCatalog[n.type].named && normalizeName(blockName(blocks, n.id)) === name);
  }, [nodeId, currentName]);
  if (!node || !data) return null;

  const definition = blockCatalog[node.type];
  const Settings = panels[node.type];
  const Icon = blockIcons[node.type];
  const name = String(data.name ?? '');
  const nameError = !name.trim()
    ? 'Give the block a name: its variables are named after it.'
    : nameTaken
      ? 'Another block has this name. Names must be unique.'
      : undefined;

  return (
    <aside aria-label="Block panel" className="relative flex w-[400px] shrink-0 flex-col border-l border-zinc-200 bg-white">
      <div className="flex items-start gap-2 border-b border-zinc-200 px-4 py-3">
        <span className={`mt-1 flex h-7 w-7 shrink-0 items-center justify-center rounded-md ${blockTints[node.type]}`}>
          <Icon size={15} aria-hidden />
        </span>
        <div className="min-w-0 flex-1">
          <input
            id="block-name"
            aria-label="Block name"
            aria-invalid={!!nameError}
            aria-describedby={nameError ? 'block-name-error' : undefined}
            className={`${inputClass} border-transparent px-1 py-0.5 text-[15px] font-semibold hover:border-zinc-200`}
            value={name}
            onChange={(e) => update(node.id, { name: e.target.value }, 'name')}
          />
          <p className="px-1 text-[11px] text-zinc-500">
            {definition.label}
            {node.stage === 'post' ? ' · Post-call' : node.stage === 'pre' ? ' · Pre-call (before the greeting)' : ''}
          </p>
          {nameError && (
            <p id="block-name-error" className="px-1 pt-0.5 text-[11px] text-rose-600">
              {nameError}
            </p>
          )}
        </div>
        {definition.kind !== 'trigger' && (
          <>
            <IconButton label="Duplicate block" shortcut={buttonShortcuts.duplicate} side="bottom" onClick={() => act(node.id, 'duplicateSelection')}>
              <Copy size={15} aria-hidden />
            </IconButton>
            <IconButton
              label="Delete block"
              shortcut={buttonShortcuts.remove}
              side="bottom"
              className="hover:text-rose-600"
              onClick={() => act(node.id, 'deleteSelection')}
            >
              <Trash2 size={15} aria-hidden />
            </IconButton>
          </>
        )}
        <IconButton
          label="Close panel"
          shortcut={buttonShortcuts.close}
          side="bottom"
          onClick={() => {
            closePanel();
            focusBlockCard(node.id);
          }}
        >
          <X size={16} aria-hidden />
        </IconButton>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {Settings && (
          <BlockVariables key={node.id} nodeId={node.id}>
            <Settings id={node.id} data={data} update={updateOpen} />
          </BlockVariables>
        )}
      </div>
    </aside>
  );
}
