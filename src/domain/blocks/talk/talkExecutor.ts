import type { Executor } from '../../engine/Executor';
import type { TalkData } from './talkBlock';

/** The exit a caller's words name: an exact id (a quick reply), else a description they contain. */
function exitNamed(text: string, exits: readonly { id: string; label: string }[]): string | null {
  const said = text.trim().toLowerCase();
  const byId = exits.find((e) => e.id === text);
  if (byId) return byId.id;
  const hit = exits.find((e) => e.label.trim() && (said === e.label.trim().toLowerCase() || said.includes(e.label.trim().toLowerCase())));
  return hit?.id ?? null;
}

/**
 * Talk: there is no language model in a test, so the agent's turn is the prompt it would be told
 * (marked promptable); the tester answers as the caller and picks the exit condition the caller
 * met (a quick reply, or words that name it). Until then the conversation stays in this block.
 */
export const talkExecutor: Executor<TalkData> = async (ctx, data) => {
  const exits = data.exits.map((e) => ({ id: e.id, label: ctx.text(e.label) }));
  ctx.say(ctx.text(data.prompt), 'turn', true);
  for (;;) {
    const said = await ctx.input({ kind: 'talk', blockId: ctx.node.id, exits });
    const exit = exitNamed(said, exits);
    if (exit) return { handle: `exit:${exit}` };
  }
};
