import { DropOverlay } from './DropOverlay';
import { Notices } from './Notices';
import { FlowDialogs } from './FlowDialogs';

/** Notifications and the drop target: not needed for the first paint, so one chunk of their own. */
export default function Overlays() {
  return (
    <>
      <Notices />
      <DropOverlay />
      <FlowDialogs />
    </>
  );
}
