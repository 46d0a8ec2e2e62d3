// TB-AAD-019: evidence outlives the licence's log retention: a takeback watch collects the logs into
// the local store. On a Free tenant the Entra audit log keeps 7 days; the seed case went unnoticed
// for two weeks, and how the attacker got in was never found.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { configMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome } from '../../../types.ts';

const DAY = 86_400_000;

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  if (ctx.watch === undefined) return configMissing('watch');
  const days = s.licence?.auditRetentionDays;
  if (!ctx.watch.configured) {
    return fail([item('noWatch', { days: days ?? '?' })], [{ target: 'takeback.watch.configured', current: false, wanted: true }]);
  }
  const last = ctx.watch.lastRunAt;
  if (last !== undefined && days !== undefined && Date.parse(ctx.now) - Date.parse(last) > days * DAY) {
    return fail([item('watchBehind', { lastRunAt: last.slice(0, 10), days })], [{ target: 'takeback.watch.lastRunAt', current: last, wanted: { withinDays: days } }]);
  }
  return pass();
}
