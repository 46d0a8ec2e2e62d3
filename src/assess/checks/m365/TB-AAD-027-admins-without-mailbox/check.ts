// TB-AAD-027: privileged admin accounts are not used for everyday mail. A phishing mail opened in an
// admin's own mailbox hands over an admin session; separate admin accounts have no mailbox to phish.
// Whether an admin has a mailbox is read into policies.other.adminMailboxes (user id → boolean)
// under the source `adminMailboxes`.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { adminUsers, nameOf, roleNames, subjectOf } from '../../../m365/directory.ts';
import { emergencyIds } from '../../../m365/emergency.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome, FixChange, Item } from '../../../types.ts';

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  const raw = s.policies.other?.adminMailboxes;
  const mailboxes = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const emergency = emergencyIds(s, ctx);
  const items: Item[] = [];
  const changes: FixChange[] = [];
  const unknown: string[] = [];
  for (const h of adminUsers(s).filter((a) => a.privileged && a.principal?.enabled !== false)) {
    const has = mailboxes[h.id] ?? mailboxes[h.id.toLowerCase()];
    if (has === undefined) {
      unknown.push(nameOf(h));
      continue;
    }
    if (has !== true) continue;
    const subject = subjectOf(h);
    items.push(item(emergency.has(h.id.toLowerCase()) ? 'emergencyMailbox' : 'mailbox', { account: nameOf(h), roles: roleNames(h.roles) }, subject));
    changes.push({ target: 'users.mailbox', subject, current: true, wanted: false });
  }
  if (items.length > 0) return fail(items, changes);
  if (unknown.length > 0) return dataMissing('mailboxUnknown', { accounts: unknown.join(', ') });
  return pass();
}
