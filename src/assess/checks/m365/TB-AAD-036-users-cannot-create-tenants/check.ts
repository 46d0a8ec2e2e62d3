// TB-AAD-036: ordinary users cannot create new tenants. A tenant created from a compromised account
// is a place outside your control from which to phish your own users.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { defaultUserRole } from '../../../m365/authorization.ts';
import { defaultUserRoleChange } from '../../../m365/fixes.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckOutcome } from '../../../types.ts';

export function check(s: Snapshot): CheckOutcome {
  const value = defaultUserRole(s)?.allowedToCreateTenants;
  if (value === false) return pass();
  if (value !== true) return dataMissing('valueMissing');
  return fail([item('usersCanCreate')], [defaultUserRoleChange('allowedToCreateTenants', true, false)]);
}
