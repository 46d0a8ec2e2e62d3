// TB-AAD-015: the technical and the security notification contacts are both set. Microsoft sends
// service, security and billing notices there; with none, nobody hears that something changed.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { contactsChange } from '../../../m365/fixes.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome, FixChange, Item } from '../../../types.ts';

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  const contacts = s.info?.notificationContacts;
  if (!contacts) return dataMissing('organizationMissing');
  const items: Item[] = [];
  const changes: FixChange[] = [];
  const wanted = ctx.expected?.notificationContacts;
  if (contacts.technical.length === 0) {
    items.push(item('technicalMissing'));
    changes.push(contactsChange(s, 'technical', contacts.technical, wanted));
  }
  if (contacts.security.length === 0) {
    items.push(item('securityMissing'));
    changes.push(contactsChange(s, 'security', contacts.security, wanted));
  }
  return items.length > 0 ? fail(items, changes) : pass();
}
