// Security defaults on/off ("Update security defaults", Policy category, per the docs table).
import { changed, otherTarget, writeAudit } from '../audit-writer.ts';
import { SECURITY_DEFAULTS_POLICY_ID } from '../catalog.ts';
import type { Actor } from '../model.ts';
import { badRequest } from '../sim-error.ts';
import type { TenantState } from '../tenant-state.ts';

export function setSecurityDefaults(state: TenantState, actor: Actor, at: number, isEnabled: unknown): void {
  if (typeof isEnabled !== 'boolean') throw badRequest("Invalid value specified for property 'isEnabled' of resource 'IdentitySecurityDefaultsEnforcementPolicy'.");
  if (isEnabled && state.conditionalAccessPolicies.some((p) => p.state === 'enabled')) {
    throw badRequest('Security defaults cannot be enabled while Conditional Access policies are enabled.');
  }
  const before = state.securityDefaultsEnabled;
  state.securityDefaultsEnabled = isEnabled;
  if (before === isEnabled) return;
  writeAudit(state, actor, at, [
    {
      activity: 'Update security defaults',
      category: 'Policy',
      service: 'Conditional Access',
      operationType: 'Update',
      targets: [otherTarget('Policy', SECURITY_DEFAULTS_POLICY_ID, 'Security Defaults', [changed('IsEnabled', before, isEnabled)])],
    },
  ]);
}
