import { Check } from 'lucide-react';
import { Tabs } from 'radix-ui';
import { useState } from 'react';
import { apiRequestBlock, type ApiRequestData } from '../../domain/blocks/api-request/apiRequestBlock';
import type { ApiRequestConfig } from '../../domain/request/ApiRequestConfig';
import { useVariableFields } from '../../components/chip-field/VariableFieldsContext';
import { useFlowStore } from '../../store/useFlowStore';
import type { PanelProps } from '../PanelProps';
import { SetupStep } from './SetupStep';
import { ConfigureStep } from './ConfigureStep';
import { TestStep } from './TestStep';
import { testIsStale } from '../../domain/blocks/api-request/testIsStale';

type Step = 'setup' | 'configure' | 'test';

/** The API Request panel: Setup → Configure → Test, with the Available Variables panel beside it. */
export function ApiRequestPanel({ id, data, update }: PanelProps<ApiRequestData>) {
  const stage = useFlowStore((s) => s.nodes.find((n) => n.id === id)?.stage ?? 'live');
  const [step, setStep] = useState<Step>(data.configured ? 'configure' : 'setup');
  const [notice, setNotice] = useState<string[] | null>(null);
  const groups = useVariableFields()?.groups ?? [];

  const imported = (request: ApiRequestConfig, warnings: string[]) => {
    update({ ...request, configured: true });
    setNotice(warnings);
    setStep('configure');
  };
  const status = data.lastTest?.response?.status ?? 0;
  const testPassed = status >= 200 && status < 300 && !testIsStale(data);
  const configureDone = data.configured && apiRequestBlock.validate(data, stage).length === 0;

  const tab = (value: Step, label: string, done: boolean, disabled = false) => (
    <Tabs.Trigger
      value={value}
      disabled={disabled}
      className="flex items-center gap-1 border-b-2 border-transparent px-2.5 py-2 text-xs font-medium text-zinc-500 hover:text-zinc-800 disabled:opacity-40 data-[state=active]:border-accent data-[state=active]:text-accent"
    >
      {done && <Check size={12} className="text-emerald-600" aria-label="done" />} {label}
    </Tabs.Trigger>
  );

  return (
    <Tabs.Root value={step} onValueChange={(v) => setStep(v as Step)}>
      <Tabs.List aria-label="Steps" className="flex gap-1 border-b border-zinc-200 px-2">
        {tab('setup', 'Setup', data.configured)}
        {tab('configure', 'Configure', configureDone, !data.configured)}
        {tab('test', 'Test', testPassed, !data.configured)}
      </Tabs.List>
      <Tabs.Content value="setup">
        <SetupStep
          onImported={imported}
          onBuildManually={() => {
            update({ configured: true });
            setStep('configure');
          }}
        />
      </Tabs.Content>
      <Tabs.Content value="configure">
        <ConfigureStep
          data={data}
          stage={stage}
          groups={groups}
          notice={notice}
          dismissNotice={() => setNotice(null)}
          update={update}
          onImported={imported}
          onContinue={() => setStep('test')}
        />
      </Tabs.Content>
      <Tabs.Content value="test">
        <TestStep data={data} groups={groups} update={update} />
      </Tabs.Content>
    </Tabs.Root>
  );
}
