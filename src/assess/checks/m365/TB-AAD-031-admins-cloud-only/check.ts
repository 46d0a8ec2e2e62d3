// TB-AAD-031: privileged admins are cloud-only accounts, not synchronised from an on-premises
// directory: whoever takes over the local directory would otherwise take over the cloud admins too.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { adminUsers, nameOf, roleNames, subjectOf } from '../../../m365/directory.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckOutcome, FixChange, Item } from '../../../types.ts';

export function check(s: Snapshot): CheckOutcome {
  const items: Item[] = [];
  const changes: FixChange[] = [];
  const unknown: string[] = [];
  for (const h of adminUsers(s).filter((a) => a.privileged)) {
    const synced = h.principal?.synced;
    if (synced === undefined) unknown.push(nameOf(h));
    if (synced !== true) continue;
    const subject = subjectOf(h);
    items.push(item('synced', { account: nameOf(h), roles: roleNames(h.roles) }, subject));
    changes.push({ target: 'roleAssignments', subject, current: h.roles, wanted: 'moved to a cloud-only account' });
  }
  if (items.length > 0) return fail(items, changes);
  if (unknown.length > 0) return dataMissing('unknown', { accounts: unknown.join(', ') });
  return pass();
}
