// TB-AAD-011: legacy authentication (IMAP, POP, SMTP AUTH, ActiveSync basic auth, old Office) is
// blocked for everyone: those protocols cannot ask for MFA, so a password alone gets in through them.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { legacyClients, tenantWide, type CaPolicy } from '../../../m365/conditional-access.ts';
import { emergencyIds } from '../../../m365/emergency.ts';
import { enforcementFix, enforcementOf } from '../../../m365/enforcement.ts';
import { caPolicyBody, securityDefaultsOn } from '../../../m365/fixes.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome } from '../../../types.ts';

const blocksLegacy = (p: CaPolicy): boolean => p.grant.block && p.allApps && legacyClients(p) && p.narrowing.length === 0;

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  const e = enforcementOf(s);
  if (e.kind === 'security-defaults') return pass(item('viaSecurityDefaults'));
  if (e.kind === 'unknown') return e.outcome;
  if (e.kind === 'none-free') return fail([item('securityDefaultsOff')], [securityDefaultsOn(s.policies.securityDefaultsEnabled)]);
  const emergency = emergencyIds(s, ctx);
  const w = tenantWide(e.policies, blocksLegacy, emergency);
  if (w.state === 'covered') return pass();
  if (w.state === 'unknown') return dataMissing('groups', { policies: w.unknownBy.join(', ') });
  const body = caPolicyBody('Block legacy authentication', [...emergency], { clientAppTypes: ['exchangeActiveSync', 'other'] }, { operator: 'OR', builtInControls: ['block'] });
  return fail([item(w.partial.length > 0 ? 'partial' : 'none', { policies: w.partial.join(', ') || '-' })], [enforcementFix(s, e.policies, 'Block legacy authentication', w.partial, body)]);
}
