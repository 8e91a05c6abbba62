import type { EndCallData } from '../../domain/blocks/end-call/endCallBlock';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { VariableTextField } from '../../components/VariableTextField';
import { useFlowStore } from '../../store/useFlowStore';
import type { PanelProps } from '../PanelProps';

export function EndCallPanel({ id, data, update }: PanelProps<EndCallData>) {
  // Before the greeting there is no conversation for the AI to draw on: exact words only.
  const preCall = useFlowStore((s) => s.nodes.find((n) => n.id === id)?.stage === 'pre');
  const modes = preCall
    ? [{ value: 'fixed' as const, label: 'Fixed (exact words)' }]
    : [
        { value: 'fixed' as const, label: 'Fixed (exact words)' },
        { value: 'promptable' as const, label: 'Promptable (instructions for the AI)' },
      ];
  return (
    <Section title="Final message" hint={preCall ? 'Said before hanging up, instead of the greeting: the call ends here.' : 'Said before the agent hangs up.'}>
      <SelectField label="Message type" value={data.mode} options={modes} onChange={(mode) => update({ mode })} />
      <VariableTextField
        label={data.mode === 'fixed' ? 'Message' : 'Instructions'}
        multiline
        value={data.message}
        onChange={(message) => update({ message }, 'message')}
      />
    </Section>
  );
}
