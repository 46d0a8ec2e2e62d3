// Domains and, for federated ones, their federation settings: a domain switched to federation with
// an outside identity provider lets that provider sign in as any user of the domain.
import type { TenantInfo } from '../../../core/snapshot.ts';
import { str } from '../../common/values.ts';
import type { GraphClient, Json } from '../graph.ts';

export interface DomainsData {
  domains: TenantInfo['domains'];
  /** Federation configurations by domain name (federated domains only). */
  federation: Record<string, Json[]>;
}

export async function collectDomains(graph: GraphClient): Promise<DomainsData> {
  const rows = await graph.all('/domains?$select=id,authenticationType,isDefault,isInitial,isVerified');
  const domains: TenantInfo['domains'] = [];
  const federated: string[] = [];
  for (const row of rows) {
    const name = str(row.id);
    if (!name) continue;
    const authentication = str(row.authenticationType)?.toLowerCase() === 'federated' ? 'federated' : 'managed';
    if (authentication === 'federated') federated.push(name);
    domains.push({ name, isDefault: row.isDefault === true, isInitial: row.isInitial === true, verified: row.isVerified === true, authentication });
  }
  domains.sort((a, b) => a.name.localeCompare(b.name));
  const federation: Record<string, Json[]> = {};
  for (const name of federated.sort()) {
    federation[name] = await graph.all(`/domains/${encodeURIComponent(name)}/federationConfiguration`);
  }
  return { domains, federation };
}
