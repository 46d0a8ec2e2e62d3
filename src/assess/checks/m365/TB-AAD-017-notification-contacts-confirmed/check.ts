// TB-AAD-017: every notification address is one the owner declared. In the seed case the attacker
// pointed the technical contact at his own outside mailbox; a declared list shows that at once.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { contactsChange } from '../../../m365/fixes.ts';
import { configMissing, dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome, FixChange, Item } from '../../../types.ts';

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  const declared = ctx.expected?.notificationContacts;
  if (declared === undefined) return configMissing('expected.notificationContacts');
  const contacts = s.info?.notificationContacts;
  if (!contacts) return dataMissing('organizationMissing');
  const ok = new Set(declared.map((a) => a.trim().toLowerCase()));
  const items: Item[] = [];
  const changes: FixChange[] = [];
  for (const kind of ['technical', 'security'] as const) {
    const current = contacts[kind];
    const unknown = current.filter((a) => !ok.has(a.toLowerCase()));
    if (unknown.length === 0) continue;
    for (const address of unknown) items.push(item(kind === 'technical' ? 'unconfirmedTechnical' : 'unconfirmedSecurity', { address }, { kind: 'address', id: address }));
    const kept = current.filter((a) => ok.has(a.toLowerCase()));
    changes.push(contactsChange(s, kind, current, kept.length > 0 ? kept : declared));
  }
  return items.length > 0 ? fail(items, changes) : pass();
}
