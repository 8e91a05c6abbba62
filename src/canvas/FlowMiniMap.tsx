import { MiniMap } from '@xyflow/react';
import '../components/panels.css';

const STYLE = { width: 168, height: 112 };

/** The minimap, in its own chunk: it is an aid, not needed to paint the canvas. */
export default function FlowMiniMap() {
  return (
    <MiniMap pannable zoomable ariaLabel="Mini map" style={STYLE} nodeColor="#d9dbe3" nodeBorderRadius={6} maskColor="rgb(247 247 249 / 70%)" bgColor="#fff" />
  );
}
