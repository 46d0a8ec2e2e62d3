// TB-AAD-005: every enabled admin has a second factor registered. An admin with only a password falls
// to one phished or guessed password; the seed case's rogue admin had none.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { adminUsers, nameOf, roleNames, subjectOf } from '../../../m365/directory.ts';
import { describeMethods, hasAny, MFA_METHODS } from '../../../m365/methods.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckOutcome, FixChange, Item } from '../../../types.ts';

export function check(s: Snapshot): CheckOutcome {
  const items: Item[] = [];
  const changes: FixChange[] = [];
  const unknown: string[] = [];
  for (const h of adminUsers(s)) {
    if (h.principal?.enabled === false) continue;
    const methods = h.principal?.authMethods;
    if (methods === undefined) {
      unknown.push(nameOf(h));
      continue;
    }
    if (hasAny(methods, MFA_METHODS)) continue;
    const subject = subjectOf(h);
    items.push(item('noMfa', { account: nameOf(h), roles: roleNames(h.roles) }, subject));
    changes.push({ target: 'users.authenticationMethods', subject, current: describeMethods(methods), wanted: { anyOf: ['fido2', 'windowsHelloForBusiness', 'microsoftAuthenticator'] } });
  }
  if (items.length > 0) return fail(items, changes);
  if (unknown.length > 0) return dataMissing('methodsUnknown', { accounts: unknown.join(', ') });
  return pass();
}
