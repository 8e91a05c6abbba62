import type { StartData } from '../../domain/blocks/start/startBlock';
import { Section } from '../../components/Section';
import { VariableTextField } from '../../components/VariableTextField';
import type { PanelProps } from '../PanelProps';

export function StartPanel({ data, update }: PanelProps<StartData>) {
  return (
    <Section title="Greeting" hint="What the agent says when it picks up.">
      <VariableTextField
        label="Greeting Message"
        multiline
        hint="Type @ to insert a variable, such as a value looked up before the call."
        value={data.greeting}
        onChange={(greeting) => update({ greeting }, 'greeting')}
      />
    </Section>
  );
}
