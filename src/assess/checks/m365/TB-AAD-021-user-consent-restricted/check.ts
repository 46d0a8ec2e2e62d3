// TB-AAD-021: users cannot consent to apps on their own: only admins grant an app access to company
// data. Illicit consent gives an attacker a token that outlives password resets and MFA.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { defaultUserRole } from '../../../m365/authorization.ts';
import { defaultUserRoleChange } from '../../../m365/fixes.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckOutcome } from '../../../types.ts';

const SELF_CONSENT = /^ManagePermissionGrantsForSelf\./i;

export function check(s: Snapshot): CheckOutcome {
  const assigned = defaultUserRole(s)?.permissionGrantPoliciesAssigned;
  if (!Array.isArray(assigned)) return dataMissing('valueMissing');
  const policies = assigned.filter((p): p is string => typeof p === 'string');
  const self = policies.filter((p) => SELF_CONSENT.test(p));
  if (self.length === 0) return pass();
  const kept = policies.filter((p) => !SELF_CONSENT.test(p));
  return fail([item('usersCanConsent', { policies: self.join(', ') })], [defaultUserRoleChange('permissionGrantPoliciesAssigned', policies, kept)]);
}
