// TB-AAD-001: two to eight Global Administrators. With one, losing that account (the seed case) means
// losing the tenant; with many, each extra account is another way in.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { nameOf, roleHolders } from '../../../m365/directory.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckOutcome } from '../../../types.ts';

export function check(s: Snapshot): CheckOutcome {
  const holders = roleHolders(s).filter((h) => h.globalAdmin);
  // A disabled account cannot step in when the other one is lost.
  const users = holders.filter((h) => h.principal?.kind === 'user' && h.principal.enabled !== false);
  const groups = holders.filter((h) => h.principal?.kind === 'group');
  const names = users.map(nameOf).join(', ') || '-';
  const change = { target: 'roleAssignments[Global Administrator].enabledUsers', current: users.length, wanted: { min: 2, max: 8 } };
  if (users.length > 8) return fail([item('tooMany', { count: users.length, names })], [change]);
  if (users.length >= 2) return pass();
  // Members of a group holding the role are not in the snapshot: the count may be higher.
  if (groups.length > 0) return dataMissing('groupMembers', { groups: groups.map(nameOf).join(', ') });
  return fail([item('tooFew', { count: users.length, names })], [change]);
}
