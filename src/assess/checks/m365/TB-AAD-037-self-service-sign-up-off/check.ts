// TB-AAD-037: nobody joins or signs up by themselves: no email-based self-service subscriptions and
// no joining the tenant just by verifying an address on its domain.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { authorizationPolicy } from '../../../m365/authorization.ts';
import { authorizationChange } from '../../../m365/fixes.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckOutcome, FixChange, Item } from '../../../types.ts';

export function check(s: Snapshot): CheckOutcome {
  const p = authorizationPolicy(s);
  const signUp = p?.allowedToSignUpEmailBasedSubscriptions;
  const join = p?.allowEmailVerifiedUsersToJoinOrganization;
  if (typeof signUp !== 'boolean' || typeof join !== 'boolean') return dataMissing('valueMissing');
  const items: Item[] = [];
  const changes: FixChange[] = [];
  if (signUp) {
    items.push(item('signUp'));
    changes.push(authorizationChange('allowedToSignUpEmailBasedSubscriptions', true, false));
  }
  if (join) {
    items.push(item('join'));
    changes.push(authorizationChange('allowEmailVerifiedUsersToJoinOrganization', true, false));
  }
  return items.length > 0 ? fail(items, changes) : pass();
}
