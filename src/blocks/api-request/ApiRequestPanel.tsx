import type { ApiRequestData } from '../../domain/blocks/api-request/apiRequestBlock';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { PanelProps } from '../PanelProps';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** The request's essentials. Setup, cURL import, Configure and Test steps build on this. */
export function ApiRequestPanel({ data, update }: PanelProps<ApiRequestData>) {
  return (
    <Section title="Request">
      <SelectField label="Method" value={data.method} options={METHODS} onChange={(method) => update({ method })} />
      <TextField label="URL" placeholder="https://api.example.com/v1/orders" value={data.url} onChange={(url) => update({ url }, 'url')} />
    </Section>
  );
}
