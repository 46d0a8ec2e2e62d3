// The Graph changes several checks share, written once so a later plan/apply step sees the same
// request for the same setting whichever check asked for it.
import type { Snapshot } from '../../core/snapshot.ts';
import type { Fix, FixChange } from '../types.ts';

/** A fix is manual as soon as one change has no Graph request. */
export function fixOf(changes: FixChange[]): Fix {
  return { manual: changes.length === 0 || changes.some((c) => c.graph === undefined), changes };
}

export function manualFix(change: FixChange): Fix {
  return { manual: true, changes: [change] };
}

export function securityDefaultsOn(current: boolean | undefined): FixChange {
  return {
    target: 'policies.securityDefaults.isEnabled',
    current: current ?? null,
    wanted: true,
    graph: { method: 'PATCH', path: '/policies/identitySecurityDefaultsEnforcementPolicy', body: { isEnabled: true } },
  };
}

/** A top-level authorizationPolicy property. */
export function authorizationChange(name: string, current: unknown, wanted: unknown): FixChange {
  return {
    target: `policies.authorization.${name}`,
    current: current ?? null,
    wanted,
    graph: { method: 'PATCH', path: '/policies/authorizationPolicy', body: { [name]: wanted } },
  };
}

/** A defaultUserRolePermissions property of the authorization policy. */
export function defaultUserRoleChange(name: string, current: unknown, wanted: unknown): FixChange {
  return {
    target: `policies.authorization.defaultUserRolePermissions.${name}`,
    current: current ?? null,
    wanted,
    graph: { method: 'PATCH', path: '/policies/authorizationPolicy', body: { defaultUserRolePermissions: { [name]: wanted } } },
  };
}

export const ORGANIZATION_MAIL_PROPERTY = {
  technical: 'technicalNotificationMails',
  security: 'securityComplianceNotificationMails',
} as const;

/** Notification addresses on the organization; without a wanted list, a person must supply it. */
export function contactsChange(s: Snapshot, kind: keyof typeof ORGANIZATION_MAIL_PROPERTY, current: string[], wanted: string[] | undefined): FixChange {
  const property = ORGANIZATION_MAIL_PROPERTY[kind];
  const target = `organization.${property}`;
  if (wanted === undefined || wanted.length === 0) return { target, current, wanted: null, needsInput: 'expected.notificationContacts' };
  return { target, current, wanted, graph: { method: 'PATCH', path: `/organization/${s.tenant}`, body: { [property]: wanted } } };
}

/** A new Conditional Access policy; `policy` is the Graph body. */
export function newCaPolicy(name: string, current: unknown, policy: Record<string, unknown>): FixChange {
  return { target: `policies.conditionalAccess[${name}]`, current, wanted: policy, graph: { method: 'POST', path: '/identity/conditionalAccess/policies', body: policy } };
}

/** Graph body of a policy for every user and app, leaving out the declared emergency accounts. */
export function caPolicyBody(displayName: string, excludeUsers: string[], conditions: Record<string, unknown>, grantControls: Record<string, unknown>): Record<string, unknown> {
  return {
    displayName,
    state: 'enabled',
    conditions: {
      users: { includeUsers: ['All'], excludeUsers },
      applications: { includeApplications: ['All'] },
      clientAppTypes: ['all'],
      ...conditions,
    },
    grantControls,
  };
}
