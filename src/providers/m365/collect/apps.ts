// App registrations and service principals with their secrets and certificates: a credential added
// to an app that holds permissions is a way back in that survives password resets.
import type { AppCredential } from '../../../core/snapshot.ts';
import { isObj, str } from '../../common/values.ts';
import type { GraphClient, Json } from '../graph.ts';

const APP_SELECT = 'id,appId,displayName,createdDateTime,passwordCredentials,keyCredentials';
const SP_SELECT = 'id,appId,displayName,servicePrincipalType,appOwnerOrganizationId,accountEnabled,passwordCredentials,keyCredentials';

export async function collectApplications(graph: GraphClient): Promise<Json[]> {
  return graph.all(`/applications?$select=${APP_SELECT}&$top=999`);
}

export async function collectServicePrincipals(graph: GraphClient): Promise<Json[]> {
  return graph.all(`/servicePrincipals?$select=${SP_SELECT}&$top=999`);
}

/**
 * Every password and certificate credential of the given apps and service principals, once each
 * (the same key listed on an app and on its service principal is one credential).
 */
export function credentialsOf(objects: readonly Json[]): AppCredential[] {
  const out: AppCredential[] = [];
  const seen = new Set<string>();
  for (const o of objects) {
    const appId = str(o.appId);
    if (!appId) continue;
    const appName = str(o.displayName);
    const lists: Array<[AppCredential['kind'], unknown]> = [
      ['password', o.passwordCredentials],
      ['certificate', o.keyCredentials],
    ];
    for (const [kind, list] of lists) {
      if (!Array.isArray(list)) continue;
      for (const c of list) {
        if (!isObj(c)) continue;
        const keyId = str(c.keyId);
        const key = `${appId}/${kind}/${keyId ?? JSON.stringify(c)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const displayName = str(c.displayName);
        const startAt = str(c.startDateTime);
        const endAt = str(c.endDateTime);
        out.push({ appId, ...(appName ? { appName } : {}), kind, ...(keyId ? { keyId } : {}), ...(displayName ? { displayName } : {}), ...(startAt ? { startAt } : {}), ...(endAt ? { endAt } : {}) });
      }
    }
  }
  return out;
}
