import * as z from 'zod/mini';
import { flowTestSchema } from '../testing/flowTestSchema';
import { BLOCK_TYPES, FLOW_FORMAT, FLOW_VERSION, STAGES } from './FlowDocument';

const xy = z.object({ x: z.number(), y: z.number() });

export const flowNodeSchema = z.object({
  id: z.string().check(z.minLength(1)),
  type: z.enum(BLOCK_TYPES),
  position: xy,
  stage: z.enum(STAGES),
  data: z.record(z.string(), z.unknown()),
  width: z.optional(z.number().check(z.positive())),
  height: z.optional(z.number().check(z.positive())),
});

export const flowEdgeSchema = z.object({
  id: z.string().check(z.minLength(1)),
  source: z.string().check(z.minLength(1)),
  sourceHandle: z.string().check(z.minLength(1)),
  target: z.string().check(z.minLength(1)),
  targetHandle: z._default(z.literal('in'), 'in'),
});

/** The flow file of DESIGN.md §2.4, current version. */
export const flowSchema = z.object({
  format: z.literal(FLOW_FORMAT),
  version: z.literal(FLOW_VERSION),
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  variables: z._default(z.array(z.object({ name: z.string(), value: z.string(), secret: z._default(z.boolean(), false) })), []),
  nodes: z.array(flowNodeSchema),
  edges: z.array(flowEdgeSchema),
  tests: z._default(z.array(flowTestSchema), []),
});
