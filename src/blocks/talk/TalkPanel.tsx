import type { TalkData } from '../../domain/blocks/talk/talkBlock';
import { AddRowButton } from '../../components/AddRowButton';
import { RemoveButton } from '../../components/RemoveButton';
import { Section } from '../../components/Section';
import { shortId } from '../../components/shortId';
import { ChipField } from '../../components/chip-field/ChipField';
import { VariableTextField } from '../../components/VariableTextField';
import type { PanelProps } from '../PanelProps';

export function TalkPanel({ data, update }: PanelProps<TalkData>) {
  const setExit = (id: string, label: string) => update({ exits: data.exits.map((e) => (e.id === id ? { ...e, label } : e)) }, `exit:${id}`);
  return (
    <>
      <Section title="Conversation">
        <VariableTextField
          label="Prompt"
          multiline
          placeholder="What should the agent talk about, and how?"
          value={data.prompt}
          onChange={(prompt) => update({ prompt }, 'prompt')}
        />
      </Section>
      <Section title="Exit conditions" hint="Each condition is a route out of this block. Deleting one deletes its connection.">
        <ol className="flex flex-col gap-1.5">
          {data.exits.map((exit, i) => (
            <li key={exit.id} className="flex items-center gap-1.5">
              <ChipField
                label={`Exit condition ${i + 1}`}
                placeholder="e.g. Caller wants a refund"
                value={exit.label}
                onChange={(label) => setExit(exit.id, label)}
              />
              <RemoveButton label={`Delete exit condition ${i + 1}`} onClick={() => update({ exits: data.exits.filter((e) => e.id !== exit.id) })} />
            </li>
          ))}
        </ol>
        <AddRowButton onClick={() => update({ exits: [...data.exits, { id: shortId(), label: '' }] })}>Add exit condition</AddRowButton>
      </Section>
    </>
  );
}
