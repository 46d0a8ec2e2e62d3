// TB-AAD-023: no app secret lives longer than a year, no certificate longer than two, none forever.
// A long-lived credential copied once keeps working for years; attackers add exactly those.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome, FixChange, Item } from '../../../types.ts';

const DAY = 86_400_000;
const MAX_DAYS = { password: 366, certificate: 731, federated: Infinity } as const;

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  const now = Date.parse(ctx.now);
  const items: Item[] = [];
  const changes: FixChange[] = [];
  for (const c of s.appCredentials) {
    const end = c.endAt === undefined ? undefined : Date.parse(c.endAt);
    if (end !== undefined && end < now) continue; // expired: no longer a way in
    const app = c.appName ?? c.appId;
    const subject = { kind: 'app', id: c.appId, ...(c.appName ? { name: c.appName } : {}) };
    const start = c.startAt === undefined ? undefined : Date.parse(c.startAt);
    const days = end === undefined || start === undefined ? undefined : Math.round((end - start) / DAY);
    const limit = MAX_DAYS[c.kind];
    if (end === undefined) items.push(item('noExpiry', { app, kind: c.kind, name: c.displayName ?? c.keyId ?? '-' }, subject));
    else if (days !== undefined && days > limit) items.push(item('longLived', { app, kind: c.kind, name: c.displayName ?? c.keyId ?? '-', days, until: c.endAt!.slice(0, 10) }, subject));
    else continue;
    changes.push({ target: `applications.${c.kind}Credentials`, subject, current: { keyId: c.keyId ?? null, endAt: c.endAt ?? null }, wanted: { maxDays: limit } });
  }
  return items.length > 0 ? fail(items, changes) : pass();
}
