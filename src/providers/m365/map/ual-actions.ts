// Unified Audit Log `Operation` → canonical action.
// Entra (AzureActiveDirectory workload) operations are the Entra activity names with a trailing "."; a few
// exist only in the UAL. Exchange operations are cmdlet names whose meaning often sits in their
// parameters: the caller passes `Parameters[{Name,Value}]` as changes `{name, new: value}`.
import type { Action } from '../../../core/actions.ts';
import type { Change } from '../../../core/event.ts';
import { asBoolean, buildNameIndex, entraAction, normalizeActivityName } from './entra-actions.ts';

const TABLE: ReadonlyArray<readonly [string, Action]> = [
  // Entra operations whose UAL name differs from the Entra activity name
  ['Set company contact information.', 'tenant.contacts.changed'],
  ['Set license properties.', 'license.changed'],
  ['Add domain to company.', 'domain.added'],
  ['Remove domain from company.', 'domain.removed'],
  ['Add delegation entry.', 'consent.granted'],
  ['Set delegation entry.', 'consent.granted'],

  // sign-ins (AzureActiveDirectoryStsLogon / AccountLogon / Exchange)
  ['UserLoggedIn', 'signin'],
  ['UserLoginFailed', 'signin.failed'],
  ['PasswordLogonInitialAuthUsingPassword', 'signin'],
  ['MailboxLogin', 'signin'],

  // audit logging
  ['Set-AdminAuditLogConfig', 'tenant.settings.changed'], // audit.disabled when logging is turned off
  ['Set-MailboxAuditBypassAssociation', 'audit.disabled'], // unless the bypass is being removed
  ['Set-OrganizationConfig', 'tenant.settings.changed'], // audit.disabled with AuditDisabled true

  // mail flow after a takeover
  ['New-InboxRule', 'mail.rule.changed'],
  ['Set-InboxRule', 'mail.rule.changed'],
  ['Enable-InboxRule', 'mail.rule.changed'],
  ['UpdateInboxRules', 'mail.rule.changed'],
  ['New-TransportRule', 'mail.forwarding.changed'],
  ['Set-TransportRule', 'mail.forwarding.changed'],
  ['Set-RemoteDomain', 'tenant.settings.changed'], // mail.forwarding.changed with AutoForwardEnabled true

  // Exchange roles and mailbox access
  ['New-ManagementRoleAssignment', 'role.assigned'],
  ['Add-RoleGroupMember', 'role.assigned'],
  ['Update-RoleGroupMember', 'role.assigned'],
  ['Remove-ManagementRoleAssignment', 'role.unassigned'],
  ['Remove-RoleGroupMember', 'role.unassigned'],
  ['Add-MailboxPermission', 'mailbox.permission.granted'],
  ['Add-RecipientPermission', 'mailbox.permission.granted'],
  ['Add-MailboxFolderPermission', 'mailbox.permission.granted'],
  ['Set-MailboxFolderPermission', 'mailbox.permission.granted'],
  ['AddFolderPermissions', 'mailbox.permission.granted'],
  ['ModifyFolderPermissions', 'mailbox.permission.granted'],

  // domains and federation (Exchange and MSOnline cmdlets)
  ['Add-FederatedDomain', 'domain.federated'],
  ['New-MsolFederatedDomain', 'domain.federated'],
  ['Set-MsolDomainFederationSettings', 'domain.federated'],
  ['Set-MsolDomainAuthentication', 'domain.federated'], // domain.updated when set back to Managed
  ['New-AcceptedDomain', 'domain.added'],
  ['Set-AcceptedDomain', 'domain.updated'],
  ['Remove-AcceptedDomain', 'domain.removed'],

  // data leaving the tenant
  ['New-MailboxExportRequest', 'data.exported'],
];

/** Every mapped UAL operation that is not simply an Entra activity name plus ".", with its base action. */
export const UAL_ACTIONS: ReadonlyMap<string, Action> = new Map(TABLE);

/** Cmdlets whose action depends on their parameters (their base action, if any, is in UAL_ACTIONS). */
export const UAL_REFINED_OPERATIONS: ReadonlySet<string> = new Set([
  'Set-AdminAuditLogConfig',
  'Set-MailboxAuditBypassAssociation',
  'Set-OrganizationConfig',
  'Set-RemoteDomain',
  'Set-MsolDomainAuthentication',
  'Set-Mailbox',
  'New-ComplianceSearchAction',
]);

const index = buildNameIndex(TABLE, 'UAL operation table');

function param(changes: readonly Change[], name: string): Change | undefined {
  const wanted = name.toLowerCase();
  return changes.find((c) => c.name.trim().toLowerCase() === wanted);
}

function paramIs(changes: readonly Change[], name: string, value: boolean): boolean {
  const p = param(changes, name);
  return p !== undefined && asBoolean(p.new) === value;
}

type Refiner = (base: Action, changes: readonly Change[]) => Action;

const REFINERS: ReadonlyMap<string, Refiner> = new Map<string, Refiner>([
  [
    'set-adminauditlogconfig',
    (base, changes) =>
      paramIs(changes, 'UnifiedAuditLogIngestionEnabled', false) || paramIs(changes, 'AdminAuditLogEnabled', false)
        ? 'audit.disabled'
        : base,
  ],
  // Removing the bypass turns auditing back on.
  ['set-mailboxauditbypassassociation', (base, changes) => (paramIs(changes, 'AuditBypassEnabled', false) ? 'tenant.settings.changed' : base)],
  ['set-organizationconfig', (base, changes) => (paramIs(changes, 'AuditDisabled', true) ? 'audit.disabled' : base)],
  ['set-remotedomain', (base, changes) => (paramIs(changes, 'AutoForwardEnabled', true) ? 'mail.forwarding.changed' : base)],
  ['set-msoldomainauthentication', (base, changes) => (/managed/i.test(param(changes, 'Authentication')?.new ?? '') ? 'domain.updated' : base)],
  [
    'set-mailbox',
    (_base, changes) => {
      if (paramIs(changes, 'AuditEnabled', false)) return 'audit.disabled';
      const names = changes.map((c) => c.name.trim().toLowerCase());
      if (names.some((n) => n.startsWith('forwarding') || n === 'delivertomailboxandforward')) return 'mail.forwarding.changed';
      if (names.includes('grantsendonbehalfto')) return 'mailbox.permission.granted';
      return 'other';
    },
  ],
  // Only an export action takes data out; purge and preview are other.
  ['new-compliancesearchaction', (_base, changes) => (param(changes, 'Export') ? 'data.exported' : 'other')],
]);

/**
 * @param operation the record's `Operation`, exactly as written (Entra ones end with ".")
 * @param changes `ModifiedProperties` for Entra operations, `Parameters` (as `{name, new}`) for cmdlets
 * @param detail free text for Entra refinements (see `entraAction`)
 */
export function ualAction(operation: string, changes: readonly Change[] = [], detail?: string): Action {
  const key = normalizeActivityName(operation);
  const refine = REFINERS.get(key);
  const base = index.get(key);
  if (refine) return refine(base ?? 'other', changes);
  if (base !== undefined) return base;
  if (key.endsWith('.')) return entraAction(key.slice(0, -1), changes, detail);
  // AccountLogon operations are all variants of one password sign-in.
  if (key.startsWith('passwordlogon')) return 'signin';
  // Some exports drop the trailing dot of Entra operations.
  return entraAction(key, changes, detail);
}
