import * as z from 'zod/mini';
import { VARIABLE_TYPES } from '../variables/VariableType';

/**
 * One answer a fault gives, in order: the first attempt gets the first, and so on; the last one
 * repeats. `ok` is a 200 with the block's last test response (or `{}`), so "503, 503, ok" shows retries.
 */
export const faultStepSchema = z.union([
  z.object({ fault: z.enum(['timeout', 'refused', 'reset', 'dns', 'invalid-json', 'ok']) }),
  z.object({ fault: z.literal('status'), status: z.number().check(z.int(), z.gte(100), z.lte(599)), retryAfter: z.optional(z.string()) }),
  z.object({ fault: z.literal('slow'), ms: z.number().check(z.gte(0), z.lte(600_000)) }),
]);

/** What an API Request block does in a test run, instead of (or as) a real request. Never saved into the block. */
export const behaviourSchema = z.union(
  [
    z.object({ mode: z.literal('live') }),
    z.object({ mode: z.literal('last') }),
    z.object({
      mode: z.literal('mock'),
      status: z._default(z.number().check(z.int(), z.gte(100), z.lte(599)), 200),
      headers: z._default(z.array(z.tuple([z.string(), z.string()])), [['Content-Type', 'application/json']]),
      body: z._default(z.string(), '{}'),
      latencyMs: z._default(z.number().check(z.gte(0), z.lte(600_000)), 0),
    }),
    z.object({ mode: z.literal('fault'), steps: z.array(faultStepSchema).check(z.minLength(1)) }),
  ],
  {
    error:
      'An API behaviour is live, last, a fault sequence such as "503, 503, 200", or an object with mode: mock (status, headers, body, latencyMs) or mode: fault (steps)',
  },
);

const textCheck = z.object({ contains: z.optional(z.string()), matches: z.optional(z.string()) });

/** What a test expects at a point of the call (a step) or at its end. Every field is optional. */
export const expectSchema = z.object({
  /** Blocks entered, in order, exactly (names). */
  path: z.optional(z.array(z.string())),
  /** Blocks that must have been entered (in any order) / must not have been. */
  visited: z.optional(z.array(z.string())),
  notVisited: z.optional(z.array(z.string())),
  /** The block where the call ended. */
  finalBlock: z.optional(z.string()),
  variables: z.optional(
    z.record(
      z.string(),
      z.object({
        equals: z.optional(z.unknown()),
        contains: z.optional(z.string()),
        matches: z.optional(z.string()),
        type: z.optional(z.enum(VARIABLE_TYPES)),
      }),
    ),
  ),
  api: z.optional(
    z.array(
      z.object({
        block: z.optional(z.string()),
        /** false: the request must not be sent. */
        called: z.optional(z.boolean()),
        method: z.optional(z.string()),
        url: z.optional(z.string()),
        bodyContains: z.optional(z.string()),
      }),
    ),
  ),
  outcome: z.optional(z.string()),
  said: z.optional(z.array(textCheck)),
  /** The longest silence allowed before an agent turn, in ms. */
  maxSilenceMs: z.optional(z.number().check(z.gte(0))),
});

export const stepSchema = z.union(
  [z.object({ caller: z.string() }), z.object({ choose: z.string() }), z.object({ hangup: z.literal(true) }), z.object({ expect: expectSchema })],
  { error: 'A step is one of caller: "words", choose: "exit condition", hangup: true, or expect: { … }' },
);

/** A saved test: the caller's inputs, what each API block does, and what must come out. */
export const flowTestSchema = z.object({
  name: z.string().check(z.minLength(1)),
  /** Behaviour per API Request block, by block name. Blocks not named here are mocked by their last test response (or Live with --live). */
  apis: z._default(z.record(z.string(), behaviourSchema), {}),
  steps: z._default(z.array(stepSchema), []),
  expect: z.optional(expectSchema),
});

export type FaultStep = z.infer<typeof faultStepSchema>;
export type Behaviour = z.infer<typeof behaviourSchema>;
export type Expectation = z.infer<typeof expectSchema>;
export type TestStep = z.infer<typeof stepSchema>;
export type FlowTest = z.infer<typeof flowTestSchema>;
