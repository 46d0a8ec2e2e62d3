// TB-AAD-016: the notification contacts can still reach the owner when the tenant itself is lost: no
// address belongs to a deleted account, and not every address sits in the tenant's own domains (an
// attacker holding the tenant reads, forwards or deletes that mail). In the seed case the owner's
// contact was his own admin mailbox, deleted by the attacker.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { known } from '../../../gates.ts';
import { isInside, ownDomains, undeletedUpn } from '../../../m365/directory.ts';
import { contactsChange, ORGANIZATION_MAIL_PROPERTY } from '../../../m365/fixes.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome, FixChange, Item } from '../../../types.ts';

type Kind = keyof typeof ORGANIZATION_MAIL_PROPERTY;

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  const contacts = s.info?.notificationContacts;
  if (!contacts) return dataMissing('organizationMissing');
  const lists: Record<Kind, string[]> = { technical: contacts.technical, security: contacts.security };
  const all = [...new Set([...lists.technical, ...lists.security].map((a) => a.toLowerCase()))];
  if (all.length === 0) return dataMissing('noContacts');
  const domains = ownDomains(s);
  const deletedKnown = known(s, 'deletedUsers');
  const deleted = new Map(s.deletedPrincipals.filter((d) => d.upn).map((d) => [undeletedUpn(d.upn!).toLowerCase(), d]));
  const items: Item[] = [];
  const dead = new Set<string>();
  for (const address of all) {
    const d = deleted.get(address);
    if (d) {
      dead.add(address);
      items.push(item('deletedAccount', { address, deletedAt: d.deletedAt.slice(0, 10) }, { kind: 'address', id: address }));
    }
  }
  const onlyInside = domains.size > 0 && all.every((a) => isInside(a, domains));
  if (onlyInside) items.push(item('onlyInside', { addresses: all.join(', ') }));
  if (items.length === 0) {
    // Without the deleted-user list a dead address cannot be ruled out.
    return deletedKnown ? pass() : dataMissing('deletedUnknown');
  }
  const declared = ctx.expected?.notificationContacts;
  const changes: FixChange[] = [];
  for (const kind of ['technical', 'security'] as const) {
    const current = lists[kind];
    const alive = current.filter((a) => !dead.has(a.toLowerCase()));
    const needsOutside = onlyInside || alive.length === 0;
    if (!needsOutside && alive.length === current.length) continue;
    const outside = (declared ?? []).filter((a) => !isInside(a, domains));
    const wanted = needsOutside ? (outside.length > 0 ? [...new Set([...alive, ...outside])] : undefined) : alive;
    changes.push(contactsChange(s, kind, current, wanted));
  }
  return fail(items, changes);
}
