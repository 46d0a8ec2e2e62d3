// TB-AAD-004: every admin is one the owner declared, and every declared admin still is one. The seed
// case's attacker made his own Global Administrator and deleted the owner's: both show here.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { isNamed, nameOf, resolveDeclared, roleHolders, roleNames, subjectOf, undeletedUpn } from '../../../m365/directory.ts';
import { configMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome, FixChange, Item } from '../../../types.ts';

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  const expected = ctx.expected?.admins;
  if (expected === undefined) return configMissing('expected.admins');
  const allowed = [...expected, ...(ctx.breakGlass ?? [])];
  const holders = roleHolders(s);
  const items: Item[] = [];
  const changes: FixChange[] = [];
  for (const h of holders) {
    if (isNamed(allowed, { id: h.id, upn: h.principal?.upn })) continue;
    const subject = subjectOf(h);
    items.push(item('unknownAdmin', { account: nameOf(h), roles: roleNames(h.roles) }, subject));
    changes.push({ target: 'roleAssignments', subject, current: h.roles, wanted: [] });
  }
  const { missing } = resolveDeclared(s, expected);
  const isAdmin = (id: string): boolean => holders.some((h) => h.id.toLowerCase() === id.toLowerCase());
  for (const declared of expected) {
    const user = s.principals.find((p) => p.kind === 'user' && isNamed([declared], p));
    if (user && !isAdmin(user.id)) {
      items.push(item('expectedNotAdmin', { account: declared }, { kind: 'user', id: user.id, name: declared }));
      changes.push({ target: 'roleAssignments', subject: { kind: 'user', id: user.id, name: declared }, current: [], wanted: 'the roles this admin had' });
    }
  }
  for (const declared of missing) {
    const deleted = s.deletedPrincipals.find((d) => d.id.toLowerCase() === declared.toLowerCase() || (d.upn !== undefined && undeletedUpn(d.upn).toLowerCase() === declared.toLowerCase()));
    if (deleted) {
      const subject = { kind: 'user', id: deleted.id, name: declared };
      items.push(item('expectedDeleted', { account: declared, deletedAt: deleted.deletedAt.slice(0, 10), until: deleted.restorableUntil?.slice(0, 10) ?? '-' }, subject));
      changes.push({ target: 'deletedPrincipals', subject, current: 'deleted', wanted: 'restored', graph: { method: 'POST', path: `/directory/deletedItems/${deleted.id}/restore` } });
    } else {
      items.push(item('expectedMissing', { account: declared }, { kind: 'user', id: declared }));
      changes.push({ target: 'users', subject: { kind: 'user', id: declared }, current: 'absent', wanted: 'present' });
    }
  }
  return items.length > 0 ? fail(items, changes) : pass();
}
