import { useReactFlow } from '@xyflow/react';
import { Popup } from '../components/Popup';
import { useMemo, useRef } from 'react';
import { preloadable } from '../components/preloadable';
import { pickerBlocks } from '../domain/blocks/blockCatalog';
import type { BlockDefinition } from '../domain/blocks/BlockDefinition';
import type { Stage } from '../domain/flow/FlowDocument';
import { useFlowStore } from '../store/useFlowStore';
import type { PickerSection } from './BlockSearchList';

/** cmdk stays out of the first load; `preloadPicker` fetches it while the browser is idle. */
const { Component: BlockSearchList, preload } = preloadable(() => import('./BlockSearchList'));
export const preloadPicker = () => void preload();

/**
 * The add-block picker, one for the whole canvas, anchored to the "+" or toolbar button that
 * opened it. From an output it offers the blocks valid there, grouped by category; from the
 * toolbar it has Live Call and Post Call sections.
 */
export function AddBlockPicker() {
  const picker = useFlowStore((s) => s.picker);
  const closePicker = useFlowStore((s) => s.closePicker);
  const addBlock = useFlowStore((s) => s.addBlock);
  const { screenToFlowPosition } = useReactFlow();
  const added = useRef(false);

  const sections = useMemo<PickerSection[]>(() => {
    if (!picker) return [];
    if (picker.target.from === 'toolbar') {
      return [
        { heading: 'Live Call', stage: 'live', blocks: pickerBlocks('live') },
        { heading: 'Post Call', stage: 'post', blocks: pickerBlocks('post') },
      ];
    }
    const stage = picker.target.stage;
    const blocks = pickerBlocks(stage);
    return [...new Set(blocks.map((b) => b.category!))].map((category) => ({
      heading: category,
      stage,
      blocks: blocks.filter((b) => b.category === category),
    }));
  }, [picker]);

  const choose = (definition: BlockDefinition, stage: Stage) => {
    if (!picker) return;
    added.current = true;
    let at;
    if (picker.target.from === 'toolbar') {
      const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
      const centre = screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 });
      at = { x: centre.x - 130, y: centre.y - 44 };
    }
    addBlock(definition.type, picker.target, stage, at);
  };

  const side = picker?.target.from === 'handle' && picker.target.handleId !== 'post' ? 'bottom' : 'right';

  return (
    <Popup
      open={picker !== null}
      anchor={picker?.anchor ?? null}
      label="Add block"
      side={side}
      className="w-[320px] overflow-hidden"
      onClose={closePicker}
      onCloseFocus={() => {
        if (!added.current) return false;
        added.current = false;
        // The new block's name is ready to type, unless the user already went to another of its
        // fields while the picker closed: focus is never taken back from them.
        const active = document.activeElement;
        if (!active || active === document.body || !active.closest('[aria-label="Block panel"]')) document.getElementById('block-name')?.focus();
        return true;
      }}
    >
      <BlockSearchList sections={sections} choose={choose} />
    </Popup>
  );
}
