// Tenant-wide settings: notification contacts and privacy profile ("Set Company Information").
import { changed, includedUpdatedProperties, otherTarget, writeAudit } from '../audit-writer.ts';
import type { Actor, SimOrganization } from '../model.ts';
import { badRequest, notFound } from '../sim-error.ts';
import type { TenantState } from '../tenant-state.ts';

const LIST_PROPERTIES = {
  technicalNotificationMails: 'TechnicalNotificationMails',
  securityComplianceNotificationMails: 'SecurityComplianceNotificationMails',
  securityComplianceNotificationPhones: 'SecurityComplianceNotificationPhones',
  marketingNotificationEmails: 'MarketingNotificationEmails',
} as const;

export function updateOrganization(state: TenantState, actor: Actor, at: number, id: string, patch: Record<string, unknown>): void {
  if (id !== state.organization.id) throw notFound(id);
  const before = state.organization;
  const after: SimOrganization = { ...before };
  const modified = [];
  const names: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'privacyProfile') {
      const profile = value as SimOrganization['privacyProfile'];
      after.privacyProfile = profile ? { contactEmail: profile.contactEmail ?? null, statementUrl: profile.statementUrl ?? null } : null;
      modified.push(changed('PrivacyProfile', [before.privacyProfile], [after.privacyProfile]));
      names.push('PrivacyProfile');
      continue;
    }
    const auditName = (LIST_PROPERTIES as Record<string, string>)[key];
    if (!auditName) throw badRequest(`Property '${key}' is read-only and cannot be set.`);
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      throw badRequest(`Invalid value specified for property '${key}' of resource 'Organization'.`);
    }
    (after as unknown as Record<string, unknown>)[key] = [...value];
    modified.push(changed(auditName, (before as unknown as Record<string, unknown>)[key], value));
    names.push(auditName);
  }
  state.organization = after;
  if (modified.length === 0) return;
  writeAudit(state, actor, at, [
    {
      activity: 'Set Company Information',
      category: 'DirectoryManagement',
      service: 'Core Directory',
      operationType: 'Update',
      targets: [otherTarget('Company', state.organization.id, state.organization.displayName, [...modified, includedUpdatedProperties(names)])],
    },
  ]);
}
