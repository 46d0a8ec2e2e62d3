// TB-AAD-028: self-service password reset for admins has been reviewed. When admins may reset their
// own password, whoever controls an admin's recovery phone or mailbox controls the admin; in the seed
// case the reset path led to the admin's own mailbox. Turning it off (with emergency accounts in
// place) or accepting the risk with a reason both count as reviewed.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { authorizationPolicy } from '../../../m365/authorization.ts';
import { adminUsers, nameOf, subjectOf } from '../../../m365/directory.ts';
import { authorizationChange } from '../../../m365/fixes.ts';
import { describeMethods, RESET_METHODS } from '../../../m365/methods.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckOutcome, Item } from '../../../types.ts';

export function check(s: Snapshot): CheckOutcome {
  const value = authorizationPolicy(s)?.allowedToUseSSPR;
  if (value === false) return pass();
  if (value !== true) return dataMissing('valueMissing');
  const items: Item[] = [item('adminsCanReset')];
  for (const h of adminUsers(s).filter((a) => a.principal?.enabled !== false)) {
    const methods = (h.principal?.authMethods ?? []).filter((m) => RESET_METHODS.has(m.type.toLowerCase()));
    if (methods.length > 0) items.push(item('resetMethods', { account: nameOf(h), methods: describeMethods(methods) }, subjectOf(h)));
  }
  return fail(items, [authorizationChange('allowedToUseSSPR', true, false)]);
}
