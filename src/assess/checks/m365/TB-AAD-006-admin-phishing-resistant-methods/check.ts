// TB-AAD-006: every privileged admin has a phishing-resistant method (passkey / security key, Windows
// Hello, certificate). Codes and push approvals can be relayed by a fake sign-in page; these cannot.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { adminUsers, nameOf, roleNames, subjectOf } from '../../../m365/directory.ts';
import { describeMethods, hasAny, PHISHING_RESISTANT_METHODS } from '../../../m365/methods.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckOutcome, FixChange, Item } from '../../../types.ts';

export function check(s: Snapshot): CheckOutcome {
  const items: Item[] = [];
  const changes: FixChange[] = [];
  const unknown: string[] = [];
  for (const h of adminUsers(s).filter((a) => a.privileged && a.principal?.enabled !== false)) {
    const methods = h.principal?.authMethods;
    if (methods === undefined) {
      unknown.push(nameOf(h));
      continue;
    }
    if (hasAny(methods, PHISHING_RESISTANT_METHODS)) continue;
    const subject = subjectOf(h);
    items.push(item('notPhishingResistant', { account: nameOf(h), roles: roleNames(h.roles), methods: describeMethods(methods) }, subject));
    changes.push({ target: 'users.authenticationMethods', subject, current: describeMethods(methods), wanted: { anyOf: [...PHISHING_RESISTANT_METHODS] } });
  }
  if (items.length > 0) return fail(items, changes);
  if (unknown.length > 0) return dataMissing('methodsUnknown', { accounts: unknown.join(', ') });
  return pass();
}
