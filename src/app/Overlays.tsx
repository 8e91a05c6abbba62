import { DropOverlay } from './DropOverlay';
import { Notices } from './Notices';
import { preloadable } from '../components/preloadable';
import { useFlowStore } from '../store/useFlowStore';
import '../components/panels.css';

// The dialogs (cmdk, Radix Dialog) load when one is first opened; the drop target must not wait for them.
const { Component: FlowDialogs } = preloadable(() => import('./FlowDialogs'));

/** Notifications and the drop target: not needed for the first paint, so one chunk of their own. */
export default function Overlays() {
  const dialogOpen = useFlowStore((s) => s.dialog !== null);
  return (
    <>
      <Notices />
      <DropOverlay />
      {dialogOpen && <FlowDialogs />}
    </>
  );
}
