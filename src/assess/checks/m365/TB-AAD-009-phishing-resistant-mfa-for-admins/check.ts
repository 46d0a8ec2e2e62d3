// TB-AAD-009: Conditional Access requires phishing-resistant MFA of every privileged admin. Left as a
// manual change: enforcing it before each admin has a passkey would lock those admins out.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { alwaysRequiresPhishingResistant, coverage, enabledPolicies, PHISHING_RESISTANT_STRENGTH } from '../../../m365/conditional-access.ts';
import { adminUsers, nameOf, roleNames, subjectOf } from '../../../m365/directory.ts';
import { emergencyIds } from '../../../m365/emergency.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome, Item } from '../../../types.ts';

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  const emergency = emergencyIds(s, ctx);
  const qualifying = enabledPolicies(s.policies.conditionalAccess).filter(alwaysRequiresPhishingResistant);
  const admins = adminUsers(s).filter((h) => h.privileged && h.principal?.enabled !== false && !emergency.has(h.id.toLowerCase()));
  const items: Item[] = [];
  const unknown = new Set<string>();
  for (const h of admins) {
    const c = coverage(qualifying, { id: h.id, roles: h.roles });
    if (c.state === 'covered') continue;
    if (c.state === 'unknown') c.unknownBy.forEach((p) => unknown.add(p));
    else items.push(item('notCovered', { account: nameOf(h), roles: roleNames(h.roles) }, subjectOf(h)));
  }
  if (items.length > 0) {
    const wanted = {
      displayName: 'Require phishing-resistant MFA for admins',
      state: 'enabled',
      conditions: { users: { includeRoles: [...new Set(admins.flatMap((h) => h.roles))].sort(), excludeUsers: [...emergency] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
      grantControls: { operator: 'OR', authenticationStrength: { id: PHISHING_RESISTANT_STRENGTH } },
    };
    return fail(items, [{ target: 'policies.conditionalAccess[Require phishing-resistant MFA for admins]', current: qualifying.map((p) => p.name), wanted }]);
  }
  if (unknown.size > 0) return dataMissing('groups', { policies: [...unknown].join(', ') });
  return pass();
}
