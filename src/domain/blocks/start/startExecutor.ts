import type { Executor } from '../../engine/Executor';
import type { StartData } from './startBlock';

/** Start: the agent picks up and says the greeting. */
export const startExecutor: Executor<StartData> = async (ctx, data) => {
  ctx.say(ctx.text(data.greeting), 'turn');
  return { handle: 'next' };
};
