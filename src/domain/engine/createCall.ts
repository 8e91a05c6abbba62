import { maskSecrets } from '../variables/maskSecrets';
import { blockCatalog } from '../blocks/blockCatalog';
import type { FlowDocument, FlowNode } from '../flow/FlowDocument';
import { variablePrefix } from '../variables/variablePrefix';
import { preCallChain } from '../flow/preCallChain';
import { splitTokens } from '../variables/variableTokens';
import type { Clock, Speech, TraceEvent, Transport, Waiting } from './EngineTypes';
import type { ExecContext, ExecResult, Executor, NewEvent } from './Executor';

/** A flow that routes this many blocks without the caller speaking is looping. */
const MAX_STEPS_WITHOUT_CALLER = 200;
/** An agent turn after this much silence is flagged: callers start to wonder if anyone is there. */
const SILENCE_WARNING_MS = 4000;

export interface CallOptions {
  clock: Clock;
  transport: Transport;
  /** Values known before the call: call variables (`call.caller_number`…), or upstream values for Test from here. */
  values?: Record<string, unknown>;
  /** Start at this block instead of Start (Test from here). */
  startAt?: string;
  /** Names whose values are masked in the trace (secret Custom Variables are added automatically). */
  secrets?: string[];
}

export type CallState = 'idle' | 'running' | 'waiting' | 'ended';

/** Executors by block type, loaded once per page or process (a dynamic import per call is slow). */
const executors = new Map<string, Executor>();

export interface Call {
  readonly trace: readonly TraceEvent[];
  readonly values: Readonly<Record<string, unknown>>;
  readonly state: CallState;
  /** What the call waits for from the caller, while `state` is 'waiting'. */
  readonly waiting: Waiting | null;
  /** The block running or waiting now. */
  readonly current: string | null;
  /** Every block entered, in order. */
  readonly visited: readonly string[];
  /** Runs until the caller is needed or the call ends. */
  start(): Promise<void>;
  /** The caller speaks (an answer to a Collect question, or words in a conversation). */
  say(text: string): Promise<void>;
  /** The caller meets a Talk exit condition (a quick reply). */
  choose(exitId: string): Promise<void>;
  /** An answer to the Collect question being asked (the same as `say`). */
  answer(value: string): Promise<void>;
  /** The caller hangs up: the call ends, then its post-call work runs. */
  hangUp(): Promise<void>;
  /** Stops everything at once (a restarted test); no post-call work runs. */
  abort(): void;
  /** Called with each new trace event; returns an unsubscribe function. */
  subscribe(listener: (event: TraceEvent, call: Call) => void): () => void;
}

class Hangup extends Error {}

/**
 * One call through a flow (DESIGN.md §2.5): the Test step, the Test agent chat and the command-line
 * runner all run flows here, on the blocks' own executors, with the clock and transport they pass
 * in. It never reads the wall clock or the network itself: the same flow, inputs and transport
 * answers give the same trace.
 */
export function createCall(flow: FlowDocument, options: CallOptions): Call {
  const { clock, transport } = options;
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  // Routes by output, looked up once per step (a scan of every edge per step is quadratic on big flows).
  const routes = new Map<string, FlowDocument['edges']>();
  for (const e of flow.edges) {
    const key = `${e.source}\u0000${e.sourceHandle}`;
    const list = routes.get(key);
    if (list) list.push(e);
    else routes.set(key, [e]);
  }
  const routesFrom = (id: string, handle: string) => routes.get(`${id}\u0000${handle}`) ?? [];
  const values: Record<string, unknown> = {};
  const secretNames = new Set(options.secrets ?? []);
  for (const v of flow.variables) {
    if (!v.name) continue;
    values[v.name] = v.value;
    if (v.secret) secretNames.add(v.name);
  }
  Object.assign(values, options.values);

  const trace: TraceEvent[] = [];
  const listeners = new Set<(event: TraceEvent, call: Call) => void>();
  const controller = new AbortController();
  const origin = clock.now();
  let state: CallState = 'idle';
  let waiting: Waiting | null = null;
  let current: string | null = null;
  const visited: string[] = [];
  let pending: { resolve(text: string): void; reject(e: unknown): void } | null = null;
  // Everyone waiting for the call to need the caller again (or end): a say() and a hangUp() may overlap.
  let settlers: (() => void)[] = [];
  const untilIdle = () =>
    new Promise<void>((resolve) => {
      settlers.push(resolve);
    });
  let lastSpeech = 0;
  let stepsSinceCaller = 0;
  let hungUp = false;

  const at = () => Math.round(clock.now() - origin);
  function emit(event: NewEvent, blockId?: string) {
    // Built field by field, not by spreading: a long call emits tens of thousands of these.
    const full = { seq: trace.length + 1, at: at() } as TraceEvent;
    if (blockId) full.blockId = blockId;
    Object.assign(full, event);
    trace.push(full);
    for (const l of listeners) l(full, call);
  }
  /** Secret values as they appear in text (an API key in a header), replaced before anything is traced. */
  function mask(text: string): string {
    if (!secretNames.size) return text;
    return maskSecrets(
      text,
      [...secretNames].map((name) => values[name]),
    );
  }
  function idle() {
    const resolvers = settlers;
    settlers = [];
    for (const resolve of resolvers) resolve();
  }

  function context(node: FlowNode): ExecContext {
    const blockId = node.id;
    return {
      node,
      stage: node.stage,
      clock,
      transport,
      signal: controller.signal,
      values,
      prefix: variablePrefix(String(node.data.name ?? '')),
      set(name, value) {
        values[name] = value;
        emit({ kind: 'var.set', name, value: secretNames.has(name) ? '••••••' : value, ...(secretNames.has(name) ? { secret: true } : {}) }, blockId);
      },
      emit: (event) => emit(event, blockId),
      mask,
      maskRequest: (r) =>
        secretNames.size
          ? { ...r, url: mask(r.url), headers: r.headers.map(([k, v]) => [k, mask(v)]), ...(r.body !== undefined ? { body: mask(r.body) } : {}) }
          : r,
      say(text: string, speech: Speech, promptable?: boolean) {
        const now = at();
        emit({ kind: 'silence', ms: now - lastSpeech, warning: now - lastSpeech > SILENCE_WARNING_MS }, blockId);
        emit({ kind: 'agent.say', speech, text: mask(text), ...(promptable ? { promptable: true } : {}) }, blockId);
        lastSpeech = now;
      },
      text(template: string) {
        return splitTokens(template)
          .map((part) => {
            if ('text' in part) return part.text;
            if (!(part.variable in values) || values[part.variable] === undefined) {
              emit({ kind: 'problem', message: `“${part.variable}” has no value: the block that sets it was not reached.`, fatal: false }, blockId);
              return '';
            }
            const v = values[part.variable];
            return v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
          })
          .join('');
      },
      input(w: Waiting) {
        if (hungUp) return Promise.reject(new Hangup());
        waiting = w;
        state = 'waiting';
        return new Promise<string>((resolve, reject) => {
          pending = { resolve, reject };
          idle();
        });
      },
    };
  }

  const checked = new Map<string, string[]>();
  const contexts = new Map<string, ExecContext>();
  const labels = new Map<string, string | undefined>();
  /** An output's label ("Error", "Case 1"), for the trace. */
  const labelOf = (node: FlowNode, handle: string) => {
    const key = `${node.id}\u0000${handle}`;
    if (!labels.has(key)) labels.set(key, blockCatalog[node.type].outputs(node.data).find((h) => h.id === handle)?.label);
    return labels.get(key);
  };
  async function loadExecutor(node: FlowNode): Promise<Executor> {
    const load = blockCatalog[node.type].executor;
    if (!load) throw new Error(`${blockCatalog[node.type].label} blocks do not run.`);
    const loaded = (await load()) as Executor;
    executors.set(node.type, loaded);
    return loaded;
  }

  /** Runs one path from `from` until it ends; returns why. Post-call paths branch to every edge of an output. */
  async function walk(from: string, post: boolean, reached: string[]): Promise<'end-block' | 'problem' | 'no-route' | 'done'> {
    let id: string | null = from;
    while (id) {
      const node = byId.get(id);
      if (!node) {
        emit({ kind: 'problem', message: `A connection leads to a block that is not in the flow (“${id}”).`, fatal: true });
        return 'problem';
      }
      const definition = blockCatalog[node.type];
      current = id;
      visited.push(id);
      if (!post) reached.push(id);
      const name = String(node.data.name ?? definition.label);
      emit({ kind: 'block.enter', blockType: node.type, blockName: name }, id);
      if (++stepsSinceCaller > MAX_STEPS_WITHOUT_CALLER) {
        emit(
          {
            kind: 'problem',
            message: `The flow went through ${MAX_STEPS_WITHOUT_CALLER} blocks without the caller saying anything: it loops. Check the routes back to earlier blocks.`,
            fatal: true,
          },
          id,
        );
        return 'problem';
      }
      // A flow does not change during a call: each block is checked once, however often it runs.
      let problems = checked.get(id);
      if (!problems) checked.set(id, (problems = definition.validate(node.data, node.stage)));
      if (problems.length) {
        emit({ kind: 'problem', message: `“${name}” cannot run: ${problems.join('; ')}. Fix it in its panel (the Flow Checklist lists it).`, fatal: true }, id);
        return 'problem';
      }
      let ctx = contexts.get(id);
      if (!ctx) contexts.set(id, (ctx = context(node)));
      const execute = executors.get(node.type) ?? (await loadExecutor(node));
      const result: ExecResult = await execute(ctx, node.data);
      if ('end' in result) return 'end-block';
      const edges = routesFrom(id, result.handle);
      const label = labelOf(node, result.handle);
      if (!edges.length) {
        // A post-call block with nothing after it is simply done; on the call, a route to nowhere is a mistake.
        if (post) return 'done';
        emit(
          { kind: 'problem', message: `“${name}” took ${label ? `“${label}”` : 'its next step'}, which is not connected: the call cannot go on.`, fatal: true },
          id,
        );
        return 'no-route';
      }
      if (post && edges.length > 1) {
        for (const e of edges) {
          emit({ kind: 'route', handle: result.handle, ...(label ? { label } : {}), to: e.target }, id);
          await walk(e.target, true, reached);
        }
        return 'done';
      }
      emit({ kind: 'route', handle: result.handle, ...(label ? { label } : {}), to: edges[0]!.target }, id);
      id = edges[0]!.target;
    }
    return 'done';
  }

  async function run() {
    const reached: string[] = [];
    // A call begins with the pre-call chain (the caller looked up before the greeting), then Start.
    const start = options.startAt ?? preCallChain(flow.nodes, flow.edges).head ?? flow.nodes.find((n) => blockCatalog[n.type].kind === 'trigger')?.id;
    let reason: 'hangup' | 'end-block' | 'problem' | 'no-route' = 'problem';
    try {
      if (!start || !byId.has(start)) emit({ kind: 'problem', message: 'The flow has no Start block.', fatal: true });
      else {
        const how = await walk(start, false, reached);
        reason = how === 'done' ? 'end-block' : how;
      }
    } catch (e) {
      if (controller.signal.aborted) return;
      if (e instanceof Hangup) reason = 'hangup';
      else emit({ kind: 'problem', message: `The test stopped: ${(e as Error).message}`, fatal: true });
    }
    waiting = null;
    emit({ kind: 'call.end', reason }, current ?? undefined);
    // Post-call work: blocks hanging off live blocks the call reached, in the order reached.
    const post = [...new Set(reached)].flatMap((id) => routesFrom(id, 'post').map((e) => e.target));
    if (post.length && !controller.signal.aborted) {
      emit({ kind: 'postcall.start', blocks: post });
      for (const id of post) {
        try {
          await walk(id, true, reached);
        } catch (e) {
          if (controller.signal.aborted) return;
          emit({ kind: 'problem', message: `Post-call work stopped: ${(e as Error).message}`, fatal: false }, id);
        }
      }
    }
    current = null;
    state = 'ended';
  }

  function deliver(text: string, as: 'say' | 'choose'): Promise<void> {
    if (state !== 'waiting' || !pending) return Promise.resolve();
    const p = pending;
    pending = null;
    const w = waiting;
    if (as === 'say' || w?.kind !== 'talk') {
      emit({ kind: 'caller.say', text: mask(text) }, w?.blockId);
    } else {
      const exit = w.exits.find((e) => e.id === text);
      emit({ kind: 'caller.say', text: exit ? exit.label : text }, w.blockId);
    }
    lastSpeech = at();
    stepsSinceCaller = 0;
    waiting = null;
    state = 'running';
    const done = untilIdle();
    p.resolve(text);
    return done;
  }

  let runPromise: Promise<void> | null = null;
  const call: Call = {
    get trace() {
      return trace;
    },
    get values() {
      return values;
    },
    get state() {
      return state;
    },
    get waiting() {
      return waiting;
    },
    get current() {
      return current;
    },
    get visited() {
      return visited;
    },
    start() {
      if (runPromise) return Promise.resolve();
      state = 'running';
      const done = untilIdle();
      runPromise = run().finally(() => {
        state = 'ended';
        idle();
      });
      return done;
    },
    say: (text) => deliver(text, 'say'),
    answer: (value) => deliver(value, 'say'),
    choose: (exitId) => deliver(exitId, 'choose'),
    hangUp() {
      if (state === 'ended') return Promise.resolve();
      hungUp = true;
      const done = untilIdle();
      if (pending) {
        const p = pending;
        pending = null;
        state = 'running';
        p.reject(new Hangup());
      }
      return done;
    },
    abort() {
      controller.abort(new Error('The test was restarted.'));
      if (pending) {
        pending.reject(new Error('aborted'));
        pending = null;
      }
      state = 'ended';
      idle();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return call;
}
