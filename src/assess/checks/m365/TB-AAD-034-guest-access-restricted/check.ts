// TB-AAD-034: guests see only limited directory information, not what members see (every user, group
// and admin): a compromised or attacker-made guest should not map the tenant.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { authorizationPolicy } from '../../../m365/authorization.ts';
import { authorizationChange } from '../../../m365/fixes.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckOutcome } from '../../../types.ts';

const LIMITED = '10dae51f-b6af-4016-8d66-8c2a99b929b3';
const RESTRICTED = '2af84b1e-32c8-42b7-82bc-daa82404023b';
const SAME_AS_MEMBERS = 'a0b1b346-4d3e-4e8b-98f8-753987be4970';

export function check(s: Snapshot): CheckOutcome {
  const value = authorizationPolicy(s)?.guestUserRoleId;
  const id = typeof value === 'string' ? value.toLowerCase() : undefined;
  if (id === LIMITED || id === RESTRICTED) return pass();
  if (id !== SAME_AS_MEMBERS) return dataMissing('valueMissing');
  return fail([item('sameAsMembers')], [authorizationChange('guestUserRoleId', value, LIMITED)]);
}
