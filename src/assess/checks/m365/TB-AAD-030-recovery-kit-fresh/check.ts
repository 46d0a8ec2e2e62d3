// TB-AAD-030: a recovery kit exists and is less than 90 days old. When every admin is locked out,
// Microsoft support asks for the tenant id, the initial domain, billing details and proof of domain
// ownership; the seed case's owner spent days gathering them.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { configMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome } from '../../../types.ts';

const DAY = 86_400_000;
const MAX_AGE_DAYS = 90;

export function check(_s: Snapshot, ctx: CheckContext): CheckOutcome {
  if (ctx.recoveryKit === undefined) return configMissing('recoveryKit');
  const made = ctx.recoveryKit.lastMadeAt;
  const change = { target: 'takeback.recoveryKit.lastMadeAt', current: made, wanted: { withinDays: MAX_AGE_DAYS } };
  if (made === null) return fail([item('none')], [change]);
  const days = Math.floor((Date.parse(ctx.now) - Date.parse(made)) / DAY);
  if (days > MAX_AGE_DAYS) return fail([item('stale', { madeAt: made.slice(0, 10), days })], [change]);
  return pass();
}
