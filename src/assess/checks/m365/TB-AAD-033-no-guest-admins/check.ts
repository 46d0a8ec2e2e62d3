// TB-AAD-033: no guest holds an admin role. A guest's password, MFA and recovery live in another
// organisation's tenant, out of your sight and control.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { adminUsers, nameOf, roleNames, subjectOf } from '../../../m365/directory.ts';
import { fail, item, pass } from '../../../outcome.ts';
import type { CheckOutcome } from '../../../types.ts';

export function check(s: Snapshot): CheckOutcome {
  const guests = adminUsers(s).filter((h) => h.principal?.userType === 'guest');
  if (guests.length === 0) return pass();
  return fail(
    guests.map((h) => item('guestAdmin', { account: nameOf(h), roles: roleNames(h.roles) }, subjectOf(h))),
    guests.map((h) => ({ target: 'roleAssignments', subject: subjectOf(h), current: h.roles, wanted: [] })),
  );
}
