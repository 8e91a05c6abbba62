import { blockCatalog } from '../domain/blocks/blockCatalog';
import type { FlowStore } from './useFlowStore';

/** A new flow: Start (and perhaps notes), no block yet. The canvas hints, the checklist stays neutral. */
export const selectFirstRun = (s: FlowStore): boolean => s.nodes.every((n) => blockCatalog[n.type].kind !== 'block');
