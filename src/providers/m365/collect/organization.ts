// The tenant itself: ids, name, creation date and where Microsoft sends its notices. In the seed
// case the technical contact was pointed at the attacker, and the owner stopped hearing from Microsoft.
import type { TenantInfo } from '../../../core/snapshot.ts';
import { isObj, str, type Obj } from '../../common/values.ts';
import type { GraphClient } from '../graph.ts';

const SELECT =
  'id,displayName,createdDateTime,technicalNotificationMails,securityComplianceNotificationMails,securityComplianceNotificationPhones,marketingNotificationEmails,verifiedDomains';

export type OrganizationInfo = Omit<TenantInfo, 'domains'> & {
  /** The verified domains as the organization lists them: the fallback when /domains cannot be read. */
  verifiedDomains: TenantInfo['domains'];
};

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s !== '') : [];
}

function verifiedDomains(v: unknown): TenantInfo['domains'] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((d): d is Obj => isObj(d) && str(d.name) !== undefined)
    .map((d) => ({
      name: String(d.name),
      isDefault: d.isDefault === true,
      isInitial: d.isInitial === true,
      verified: true,
      authentication: str(d.type)?.toLowerCase() === 'federated' ? ('federated' as const) : ('managed' as const),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function collectOrganization(graph: GraphClient): Promise<OrganizationInfo> {
  const [org] = await graph.all(`/organization?$select=${SELECT}`);
  const id = isObj(org) ? str(org.id) : undefined;
  if (!org || !id) throw new Error('GET /organization returned no organization');
  const displayName = str(org.displayName);
  const createdAt = str(org.createdDateTime);
  return {
    id,
    ...(displayName ? { displayName } : {}),
    ...(createdAt ? { createdAt } : {}),
    notificationContacts: {
      technical: strings(org.technicalNotificationMails),
      security: strings(org.securityComplianceNotificationMails),
      securityPhones: strings(org.securityComplianceNotificationPhones),
      marketing: strings(org.marketingNotificationEmails),
    },
    verifiedDomains: verifiedDomains(org.verifiedDomains),
  };
}
