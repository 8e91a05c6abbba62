import type { Executor } from '../../engine/Executor';
import type { EndCallData } from './endCallBlock';

/** End Call: the final message, then the agent hangs up. */
export const endCallExecutor: Executor<EndCallData> = async (ctx, data) => {
  ctx.say(ctx.text(data.message), 'final', data.mode === 'promptable');
  return { end: true };
};
