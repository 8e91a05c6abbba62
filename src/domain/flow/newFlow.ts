import { defaultData } from '../blocks/blockCatalog';
import { FLOW_FORMAT, FLOW_VERSION, type FlowDocument } from './FlowDocument';

/** A flow with only its Start trigger. */
export function newFlow(id: string, name = 'Untitled flow'): FlowDocument {
  return {
    format: FLOW_FORMAT,
    version: FLOW_VERSION,
    id,
    name,
    variables: [],
    tests: [],
    nodes: [{ id: 'start', type: 'start', position: { x: 0, y: 0 }, stage: 'live', data: defaultData('start') }],
    edges: [],
  };
}
