import { FileUp } from 'lucide-react';
import { useEffect, useState } from 'react';
import { runFlowAction } from '../storage/runFlowAction';
import '../components/panels.css';

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/** Drop a flow file anywhere on the window to import it. */
export function DropOverlay() {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (!depth) setOver(false);
    };
    const overHandler = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      for (const file of e.dataTransfer!.files) runFlowAction('importFlowFile', file);
    };
    // Files dropped before this code loaded, kept by public/early-drop.js: import them now.
    const early = window as unknown as { __switchboardDrops?: File[]; __switchboardDropReady?: boolean };
    early.__switchboardDropReady = true;
    for (const file of early.__switchboardDrops?.splice(0) ?? []) runFlowAction('importFlowFile', file);
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
      early.__switchboardDropReady = false;
    };
  }, []);
  if (!over) return null;
  return (
    <div className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-accent/10 backdrop-blur-[1px]">
      <div className="flex items-center gap-2 rounded-xl border-2 border-dashed border-accent bg-white px-6 py-4 text-[14px] font-medium text-accent shadow-xl">
        <FileUp size={18} aria-hidden /> Drop a flow file to import it as a new flow
      </div>
    </div>
  );
}
