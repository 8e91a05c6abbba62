type FlowActions = typeof import('./flowActions');
type ActionName = { [K in keyof FlowActions]: FlowActions[K] extends (...args: never[]) => unknown ? K : never }[keyof FlowActions];

const load = () => import('./flowActions');

/** Fetches the action code ahead of the first use. */
export const preloadFlowActions = () => void load();

/** Runs one of the flow actions (see flowActions), loading their code on first use. */
export function runFlowAction<K extends ActionName>(name: K, ...args: Parameters<FlowActions[K]>): void {
  void load().then((actions) => (actions[name] as (...a: Parameters<FlowActions[K]>) => unknown)(...args));
}
