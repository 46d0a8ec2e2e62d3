// Emergency access (break-glass) accounts: declared in takeback's config, or recognised the way
// Maester does (excluded from every enabled Conditional Access policy) or by an unmistakable name.
// A name alone is weak evidence, so checks say how an account was recognised and ask to declare it.
import type { Principal, Snapshot } from '../../core/snapshot.ts';
import { known, tierRank } from '../gates.ts';
import type { CheckContext } from '../types.ts';
import { appliesTo, enabledPolicies } from './conditional-access.ts';
import { adminUsers, resolveDeclared, type RoleHolder } from './directory.ts';

const EMERGENCY_NAME = /emergency|break-?glass/i;

export interface Declared {
  found: Principal[];
  missing: string[];
  /** Lower-case object ids of the accounts found. */
  ids: Set<string>;
}

/** The declared emergency accounts, or undefined when the config was not read. */
export function declaredEmergency(s: Snapshot, ctx: CheckContext): Declared | undefined {
  if (ctx.breakGlass === undefined) return undefined;
  const { found, missing } = resolveDeclared(s, ctx.breakGlass);
  return { found, missing, ids: new Set(found.map((p) => p.id.toLowerCase())) };
}

/** Lower-case ids of the declared emergency accounts (empty when none are declared). */
export function emergencyIds(s: Snapshot, ctx: CheckContext): Set<string> {
  return declaredEmergency(s, ctx)?.ids ?? new Set();
}

export interface Detected {
  holder: RoleHolder;
  how: 'ca-exclusion' | 'name';
}

/** Global Administrators that look like emergency accounts when none are declared. */
export function detectEmergency(s: Snapshot): Detected[] {
  const ga = adminUsers(s).filter((h) => h.globalAdmin);
  const policies = (tierRank(s) ?? 0) >= 1 && known(s, 'conditionalAccess') ? enabledPolicies(s.policies.conditionalAccess) : [];
  const out: Detected[] = [];
  for (const h of ga) {
    const person = { id: h.id, roles: h.roles };
    if (policies.length > 0 && policies.every((p) => appliesTo(p, person) === 'excluded')) out.push({ holder: h, how: 'ca-exclusion' });
    else if (EMERGENCY_NAME.test(`${h.principal?.upn ?? ''} ${h.principal?.name ?? ''}`)) out.push({ holder: h, how: 'name' });
  }
  return out;
}
