// TB-AAD-035: only admins and Guest Inviters invite guests. Otherwise any member (or an attacker
// holding any member account) can bring outsiders into the tenant.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { authorizationPolicy } from '../../../m365/authorization.ts';
import { authorizationChange } from '../../../m365/fixes.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckOutcome } from '../../../types.ts';

const LIMITED = new Set(['adminsandguestinviters', 'none']);
const OPEN = new Set(['everyone', 'adminsguestinvitersandallmembers']);

export function check(s: Snapshot): CheckOutcome {
  const value = authorizationPolicy(s)?.allowInvitesFrom;
  const v = typeof value === 'string' ? value.toLowerCase() : undefined;
  if (v !== undefined && LIMITED.has(v)) return pass();
  if (v === undefined || !OPEN.has(v)) return dataMissing('valueMissing');
  return fail([item(v === 'everyone' ? 'everyone' : 'allMembers')], [authorizationChange('allowInvitesFrom', value, 'adminsAndGuestInviters')]);
}
