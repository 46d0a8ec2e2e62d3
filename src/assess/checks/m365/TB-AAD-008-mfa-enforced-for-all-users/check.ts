// TB-AAD-008: MFA is required of every user. An ordinary account taken over is where attackers start
// (password spraying, phishing) before they reach an admin.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { alwaysRequiresMfa, tenantWide } from '../../../m365/conditional-access.ts';
import { emergencyIds } from '../../../m365/emergency.ts';
import { enforcementFix, enforcementOf } from '../../../m365/enforcement.ts';
import { caPolicyBody, securityDefaultsOn } from '../../../m365/fixes.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome } from '../../../types.ts';

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  const e = enforcementOf(s);
  if (e.kind === 'security-defaults') return pass(item('viaSecurityDefaults'));
  if (e.kind === 'unknown') return e.outcome;
  if (e.kind === 'none-free') return fail([item('securityDefaultsOff')], [securityDefaultsOn(s.policies.securityDefaultsEnabled)]);
  const emergency = emergencyIds(s, ctx);
  const w = tenantWide(e.policies, alwaysRequiresMfa, emergency);
  if (w.state === 'covered') return pass();
  if (w.state === 'unknown') return dataMissing('groups', { policies: w.unknownBy.join(', ') });
  const body = caPolicyBody('Require multifactor authentication for all users', [...emergency], {}, { operator: 'OR', builtInControls: ['mfa'] });
  return fail([item(w.partial.length > 0 ? 'partial' : 'none', { policies: w.partial.join(', ') || '-' })], [enforcementFix(s, e.policies, 'Require multifactor authentication for all users', w.partial, body)]);
}
