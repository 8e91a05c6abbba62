import type { Executor } from '../../engine/Executor';
import type { CollectData } from './collectBlock';
import { parseCollected } from './parseCollected';

const YES = /^(yes|yeah|yep|correct|right|that'?s right|sure|y)\b/i;
const NO = /^(no|nope|wrong|incorrect|n)\b/i;
const SKIP = /^(skip|pass|i don'?t know|no idea|rather not)\b/i;

/**
 * Collect: asks for each value in order; the answer is read as the field's type and stored typed.
 * A reply that does not fit is asked again, a Required value cannot be skipped, and Confirm reads
 * the value back for a yes or no.
 */
export const collectExecutor: Executor<CollectData> = async (ctx, data) => {
  for (const field of data.fields) {
    if (!field.name) continue;
    const ask = ctx.text(field.description) || `What is your ${field.name.replace(/_/g, ' ')}?`;
    ctx.say(ask, 'turn', true);
    for (;;) {
      const said = await ctx.input({ kind: 'collect', blockId: ctx.node.id, field: field.name, type: field.type, required: field.required });
      if (SKIP.test(said.trim())) {
        if (field.required) {
          ctx.say(`I need this to go on. ${ask}`, 'turn');
          continue;
        }
        ctx.set(field.name, null);
        break;
      }
      const parsed = parseCollected(field.type, said);
      if (!parsed.ok) {
        ctx.say(`${parsed.reason}. ${ask}`, 'turn');
        continue;
      }
      if (field.confirm) {
        ctx.say(`I have ${String(parsed.value)}. Is that right?`, 'turn');
        const answer = await ctx.input({
          kind: 'collect',
          blockId: ctx.node.id,
          field: field.name,
          type: field.type,
          required: field.required,
          confirming: true,
        });
        if (!YES.test(answer.trim())) {
          ctx.say(NO.test(answer.trim()) ? `Sorry about that. ${ask}` : `Please say yes or no. ${ask}`, 'turn');
          continue;
        }
      }
      ctx.set(field.name, parsed.value);
      break;
    }
  }
  return { handle: 'next' };
};
