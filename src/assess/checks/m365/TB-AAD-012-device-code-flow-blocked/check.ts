// TB-AAD-012: the device code sign-in flow is blocked. Phishing campaigns send a code and a real
// Microsoft page; the victim signs the attacker's device in. Manual: takeback's own delegated
// sign-in uses the device code flow, so the account used with takeback may need an exception.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { narrowedOnlyBy, tenantWide, type CaPolicy, enabledPolicies } from '../../../m365/conditional-access.ts';
import { emergencyIds } from '../../../m365/emergency.ts';
import { caPolicyBody } from '../../../m365/fixes.ts';
import { dataMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome } from '../../../types.ts';

const blocksDeviceCode = (p: CaPolicy): boolean => p.grant.block && p.allApps && p.transferMethods.includes('devicecodeflow') && narrowedOnlyBy(p, 'authenticationFlows');

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  const emergency = emergencyIds(s, ctx);
  const w = tenantWide(enabledPolicies(s.policies.conditionalAccess), blocksDeviceCode, emergency);
  if (w.state === 'covered') return pass();
  if (w.state === 'unknown') return dataMissing('groups', { policies: w.unknownBy.join(', ') });
  const wanted = caPolicyBody('Block device code flow', [...emergency], { authenticationFlows: { transferMethods: 'deviceCodeFlow' } }, { operator: 'OR', builtInControls: ['block'] });
  return fail([item(w.partial.length > 0 ? 'partial' : 'none', { policies: w.partial.join(', ') || '-' })], [{ target: 'policies.conditionalAccess[Block device code flow]', current: w.partial, wanted }]);
}
