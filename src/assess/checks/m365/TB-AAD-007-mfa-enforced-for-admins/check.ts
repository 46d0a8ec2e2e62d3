// TB-AAD-007: MFA is enforced for every admin, by security defaults or by Conditional Access that
// really reaches each admin (every app and client, no condition that lets a sign-in slip past).
// Registered but not required (the seed case's admin "believed he had 2-step sign-in") is not enough.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { alwaysRequiresMfa, coverage } from '../../../m365/conditional-access.ts';
import { adminUsers, nameOf, roleNames, subjectOf } from '../../../m365/directory.ts';
import { emergencyIds } from '../../../m365/emergency.ts';
import { enforcementFix, enforcementOf } from '../../../m365/enforcement.ts';
import { securityDefaultsOn } from '../../../m365/fixes.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome, Item } from '../../../types.ts';

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  const e = enforcementOf(s);
  if (e.kind === 'security-defaults') return pass(item('viaSecurityDefaults'));
  if (e.kind === 'unknown') return e.outcome;
  if (e.kind === 'none-free') return fail([item('securityDefaultsOff')], [securityDefaultsOn(s.policies.securityDefaultsEnabled)]);
  const emergency = emergencyIds(s, ctx);
  const qualifying = e.policies.filter(alwaysRequiresMfa);
  const items: Item[] = [];
  const unknown = new Set<string>();
  const admins = adminUsers(s).filter((h) => h.principal?.enabled !== false && !emergency.has(h.id.toLowerCase()));
  for (const h of admins) {
    const c = coverage(qualifying, { id: h.id, roles: h.roles, guest: h.principal?.userType === 'guest' });
    if (c.state === 'covered') continue;
    if (c.state === 'unknown') {
      for (const p of c.unknownBy) unknown.add(p);
      continue;
    }
    items.push(item(c.excludedBy.length > 0 ? 'excluded' : 'notCovered', { account: nameOf(h), roles: roleNames(h.roles), policies: c.excludedBy.join(', ') || '-' }, subjectOf(h)));
  }
  if (items.length > 0) {
    const roles = [...new Set(admins.flatMap((h) => h.roles))].sort();
    const body = {
      displayName: 'Require multifactor authentication for admins',
      state: 'enabled',
      conditions: { users: { includeRoles: roles, excludeUsers: [...emergency] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    };
    return fail(items, [enforcementFix(s, e.policies, 'Require multifactor authentication for admins', qualifying.map((p) => p.name), body)]);
  }
  if (unknown.size > 0) return dataMissing('groups', { policies: [...unknown].join(', ') });
  return pass(item('viaConditionalAccess', { policies: qualifying.map((p) => p.name).join(', ') || '-' }));
}
