import { z } from 'zod';
import { FLOW_FORMAT, FLOW_VERSION } from './FlowDocument';

const xy = z.object({ x: z.number().finite(), y: z.number().finite() });

export const flowNodeSchema = z.object({
  id: z.string().min(1),
  type: z.enum(['start', 'talk', 'collect', 'filter', 'apiRequest', 'endCall', 'sticky']),
  position: xy,
  stage: z.enum(['live', 'post']),
  data: z.record(z.string(), z.unknown()),
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});

export const flowEdgeSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  sourceHandle: z.string().min(1),
  target: z.string().min(1),
  targetHandle: z.literal('in').default('in'),
});

/** The flow file of DESIGN.md §2.4, current version. */
export const flowSchema = z.object({
  format: z.literal(FLOW_FORMAT),
  version: z.literal(FLOW_VERSION),
  id: z.string().min(1),
  name: z.string(),
  variables: z.array(z.object({ name: z.string(), value: z.string(), secret: z.boolean().default(false) })).default([]),
  nodes: z.array(flowNodeSchema),
  edges: z.array(flowEdgeSchema),
});
