import type { EndCallData } from '../../domain/blocks/end-call/endCallBlock';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { VariableTextField } from '../../components/VariableTextField';
import type { PanelProps } from '../PanelProps';

export function EndCallPanel({ data, update }: PanelProps<EndCallData>) {
  return (
    <Section title="Final message" hint="Said before the agent hangs up.">
      <SelectField label="Message type" value={data.mode} options={[{ value: 'fixed', label: 'Fixed (exact words)' }, { value: 'promptable', label: 'Promptable (instructions for the AI)' }]} onChange={(mode) => update({ mode })} />
      <VariableTextField label={data.mode === 'fixed' ? 'Message' : 'Instructions'} multiline value={data.message} onChange={(message) => update({ message }, 'message')} />
    </Section>
  );
}
