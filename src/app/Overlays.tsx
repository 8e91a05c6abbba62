import { DropOverlay } from './DropOverlay';
import { Notices } from './Notices';

/** Notifications and the drop target: not needed for the first paint, so one chunk of their own. */
export default function Overlays() {
  return (
    <>
      <Notices />
      <DropOverlay />
    </>
  );
}
