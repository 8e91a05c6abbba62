import { useFlowStore } from '../store/useFlowStore';
import { ReplaceInvalidVariablesDialog } from '../canvas/ReplaceInvalidVariablesDialog';
import { CustomVariablesDialog } from './CustomVariablesDialog';
import '../components/panels.css';

/** The flow-level dialog that is open, if any. */
export default function FlowDialogs() {
  const dialog = useFlowStore((s) => s.dialog);
  const close = () => useFlowStore.getState().openDialog(null);
  if (dialog?.kind === 'replace') return <ReplaceInvalidVariablesDialog initial={dialog.variable} onClose={close} />;
  if (dialog?.kind === 'variables') return <CustomVariablesDialog onClose={close} />;
  return null;
}
