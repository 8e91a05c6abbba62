import type { StartData } from '../../domain/blocks/start/startBlock';
import { Section } from '../../components/Section';
import { TextField } from '../../components/TextField';
import type { PanelProps } from '../PanelProps';

export function StartPanel({ data, update }: PanelProps<StartData>) {
  return (
    <Section title="Greeting" hint="What the agent says when it picks up.">
      <TextField label="Greeting Message" multiline value={data.greeting} onChange={(greeting) => update({ greeting }, 'greeting')} />
    </Section>
  );
}
