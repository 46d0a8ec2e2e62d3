// TB-AAD-010: Conditional Access requires phishing-resistant MFA of every user (the baseline's target;
// a long way off for most small tenants, so low severity and a manual change).
import type { Snapshot } from '../../../../core/snapshot.ts';
import { alwaysRequiresPhishingResistant, enabledPolicies, PHISHING_RESISTANT_STRENGTH, tenantWide } from '../../../m365/conditional-access.ts';
import { emergencyIds } from '../../../m365/emergency.ts';
import { caPolicyBody } from '../../../m365/fixes.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome } from '../../../types.ts';

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  const emergency = emergencyIds(s, ctx);
  const w = tenantWide(enabledPolicies(s.policies.conditionalAccess), alwaysRequiresPhishingResistant, emergency);
  if (w.state === 'covered') return pass();
  if (w.state === 'unknown') return dataMissing('groups', { policies: w.unknownBy.join(', ') });
  const wanted = caPolicyBody('Require phishing-resistant MFA for all users', [...emergency], {}, { operator: 'OR', authenticationStrength: { id: PHISHING_RESISTANT_STRENGTH } });
  return fail([item('notRequired', { policies: w.partial.join(', ') || '-' })], [{ target: 'policies.conditionalAccess[Require phishing-resistant MFA for all users]', current: w.partial, wanted }]);
}
