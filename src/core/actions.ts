// The shared action vocabulary: detections are written once against these names, for both vendors.
// Each provider's mapping table (src/core/map/*) turns native activity names into one of these.

export const ACTIONS = [
  // principals
  'user.created',
  'user.deleted',
  'user.restored',
  'user.disabled',
  'user.enabled',
  'user.updated',
  'user.guest.invited',
  'user.type.changed',
  'user.anchor.changed',
  // roles and groups
  'role.assigned',
  'role.unassigned',
  'role.definition.changed',
  'group.member.added',
  'group.member.removed',
  'pim.changed',
  'access.elevated',
  // credentials and authentication
  'password.reset',
  'password.changed',
  'auth.method.registered',
  'auth.method.removed',
  'auth.method.changed',
  'auth.tap.issued',
  'mfa.disabled',
  'mfa.enabled',
  'recovery.contact.changed',
  'session.revoked',
  'device.registered',
  // tenant
  'tenant.contacts.changed',
  'tenant.settings.changed',
  'tenant.deleted',
  'policy.auth.changed',
  'policy.ca.changed',
  'policy.security_defaults.changed',
  'policy.authorization.changed',
  'audit.disabled',
  'license.changed',
  'billing.changed',
  'partner.added',
  'partner.removed',
  'domain.added',
  'domain.verified',
  'domain.removed',
  'domain.federated',
  'domain.updated',
  // applications
  'app.created',
  'app.credential.added',
  'app.credential.removed',
  'app.updated',
  'app.owner.added',
  'consent.granted',
  // mail
  'mail.forwarding.changed',
  'mail.rule.changed',
  'mailbox.permission.granted',
  // data
  'data.exported',
  // sign-ins and risk
  'signin',
  'signin.failed',
  'risk.detected',
  // anything we keep as evidence but have no name for yet
  'other',
] as const;

export type Action = (typeof ACTIONS)[number];

const actionSet: ReadonlySet<string> = new Set(ACTIONS);

export function isAction(value: string): value is Action {
  return actionSet.has(value);
}
