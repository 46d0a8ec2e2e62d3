// TB-AAD-022: only admins register applications. An app registered by an ordinary (perhaps
// compromised) user can be given secrets and permissions and used as a quiet way back in.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { defaultUserRole } from '../../../m365/authorization.ts';
import { defaultUserRoleChange } from '../../../m365/fixes.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckOutcome } from '../../../types.ts';

export function check(s: Snapshot): CheckOutcome {
  const value = defaultUserRole(s)?.allowedToCreateApps;
  if (value === false) return pass();
  if (value !== true) return dataMissing('valueMissing');
  return fail([item('usersCanRegister')], [defaultUserRoleChange('allowedToCreateApps', true, false)]);
}
