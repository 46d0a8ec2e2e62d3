// The two ways a tenant can enforce sign-in rules: security defaults (every licence) or Conditional
// Access (Entra ID P1 and up). Checks of MFA and legacy authentication share this decision.
import type { Snapshot } from '../../core/snapshot.ts';
import { known, licenceGate, sourceGate, tierRank } from '../gates.ts';
import type { CheckOutcome, FixChange } from '../types.ts';
import { enabledPolicies, type CaPolicy } from './conditional-access.ts';
import { newCaPolicy, securityDefaultsOn } from './fixes.ts';

export type Enforcement =
  /** Security defaults are on: MFA for admins and users, legacy authentication blocked. */
  | { kind: 'security-defaults' }
  /** A Free tenant with security defaults off: nothing enforces anything. */
  | { kind: 'none-free' }
  /** Entra ID P1 or P2: the enabled Conditional Access policies decide. */
  | { kind: 'conditional-access'; policies: CaPolicy[] }
  /** Not known: the outcome says why. */
  | { kind: 'unknown'; outcome: CheckOutcome };

export function enforcementOf(s: Snapshot): Enforcement {
  if (known(s, 'securityDefaults') && s.policies.securityDefaultsEnabled === true) return { kind: 'security-defaults' };
  const rank = tierRank(s);
  if (rank === undefined) return { kind: 'unknown', outcome: licenceGate(s, 'P1')! };
  if (rank === 0) {
    const gate = sourceGate(s, 'securityDefaults');
    if (gate) return { kind: 'unknown', outcome: gate };
    return { kind: 'none-free' };
  }
  const gate = sourceGate(s, 'conditionalAccess');
  if (gate) return { kind: 'unknown', outcome: gate };
  const policies = enabledPolicies(s.policies.conditionalAccess);
  // Security defaults cannot be on while a policy is enabled; with none enabled, they may well be on.
  const defaults = policies.length === 0 ? sourceGate(s, 'securityDefaults') : undefined;
  if (defaults) return { kind: 'unknown', outcome: defaults };
  return { kind: 'conditional-access', policies };
}

/**
 * The fix: turn security defaults on when nothing else is in the way (they cannot be on while a
 * Conditional Access policy is enabled), else add the Conditional Access policy `body`.
 */
export function enforcementFix(s: Snapshot, policies: readonly CaPolicy[], name: string, current: unknown, body: Record<string, unknown>): FixChange {
  if (policies.length === 0 && known(s, 'securityDefaults')) return securityDefaultsOn(s.policies.securityDefaultsEnabled);
  return newCaPolicy(name, current, body);
}
