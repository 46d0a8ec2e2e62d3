// TB-AAD-026: no admin account that nobody uses: disabled accounts still holding roles, or accounts
// without a sign-in for 90 days. The seed case began with a forgotten account; unused admin accounts
// are where nobody notices a stranger. Emergency accounts are unused by design and left out.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { ENTRA_P1, sourceGate, tierRank } from '../../../gates.ts';
import { adminUsers, nameOf, roleNames, subjectOf } from '../../../m365/directory.ts';
import { emergencyIds } from '../../../m365/emergency.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome, FixChange, Item } from '../../../types.ts';

const DAY = 86_400_000;
const STALE_DAYS = 90;

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  const emergency = emergencyIds(s, ctx);
  const now = Date.parse(ctx.now);
  const items: Item[] = [];
  const changes: FixChange[] = [];
  const unknown: string[] = [];
  for (const h of adminUsers(s)) {
    const p = h.principal!;
    const subject = subjectOf(h);
    const params = { account: nameOf(h), roles: roleNames(h.roles) };
    if (p.enabled === false) {
      items.push(item('disabledAdmin', params, subject));
      changes.push({ target: 'roleAssignments', subject, current: h.roles, wanted: [] });
      continue;
    }
    if (emergency.has(h.id.toLowerCase())) continue;
    if (p.lastSignInAt === undefined) {
      unknown.push(nameOf(h));
      continue;
    }
    const days = Math.floor((now - Date.parse(p.lastSignInAt)) / DAY);
    if (days > STALE_DAYS) {
      items.push(item('noRecentSignIn', { ...params, last: p.lastSignInAt.slice(0, 10), days }, subject));
      changes.push({ target: 'roleAssignments', subject, current: h.roles, wanted: [] });
    }
  }
  if (items.length > 0) return fail(items, changes);
  if (unknown.length === 0) return pass();
  // Last sign-in times come with the sign-in activity, which Graph serves only with Entra ID P1.
  if (tierRank(s) === 0) return { status: 'skipped', reason: { code: 'needs-licence', licence: ENTRA_P1 } };
  return sourceGate(s, 'signInActivity') ?? dataMissing('signInsUnknown', { accounts: unknown.join(', ') });
}
