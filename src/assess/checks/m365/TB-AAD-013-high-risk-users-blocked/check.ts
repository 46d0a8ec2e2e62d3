// TB-AAD-013: Conditional Access blocks users that Entra ID Protection rates high risk (leaked
// credentials, impossible travel, known attacker infrastructure). Needs Entra ID P2.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { enabledPolicies, narrowedOnlyBy, tenantWide, type CaPolicy } from '../../../m365/conditional-access.ts';
import { emergencyIds } from '../../../m365/emergency.ts';
import { caPolicyBody, newCaPolicy } from '../../../m365/fixes.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome } from '../../../types.ts';

const blocksHighRisk = (p: CaPolicy): boolean => p.grant.block && p.allApps && p.userRiskLevels.includes('high') && narrowedOnlyBy(p, 'userRiskLevels');

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  const emergency = emergencyIds(s, ctx);
  const w = tenantWide(enabledPolicies(s.policies.conditionalAccess), blocksHighRisk, emergency);
  if (w.state === 'covered') return pass();
  if (w.state === 'unknown') return dataMissing('groups', { policies: w.unknownBy.join(', ') });
  const body = caPolicyBody('Block high-risk users', [...emergency], { userRiskLevels: ['high'] }, { operator: 'OR', builtInControls: ['block'] });
  return fail([item(w.partial.length > 0 ? 'partial' : 'none', { policies: w.partial.join(', ') || '-' })], [newCaPolicy('Block high-risk users', w.partial, body)]);
}
