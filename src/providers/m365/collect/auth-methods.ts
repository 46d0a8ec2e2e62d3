// Authentication methods of the admins only: Microsoft's docs warn against walking the whole tenant
// with this API, and an attacker's Authenticator on an admin is what matters (the seed case's was).
import type { AuthMethod } from '../../../core/snapshot.ts';
import { str } from '../../common/values.ts';
import { GraphError } from '../errors.ts';
import type { GraphClient, Json } from '../graph.ts';

/** `#microsoft.graph.microsoftAuthenticatorAuthenticationMethod` → `microsoftAuthenticator`. */
export function methodType(json: Json): string {
  const type = str(json['@odata.type']) ?? '';
  return type.replace(/^#?microsoft\.graph\./i, '').replace(/AuthenticationMethod$/i, '') || 'unknown';
}

function methodDetail(json: Json): string | undefined {
  return str(json.displayName) ?? str(json.phoneNumber) ?? str(json.emailAddress) ?? str(json.model);
}

function toMethod(json: Json): AuthMethod {
  const id = str(json.id);
  const detail = methodDetail(json);
  const createdAt = str(json.createdDateTime);
  return { type: methodType(json), ...(id ? { id } : {}), ...(detail ? { detail } : {}), ...(createdAt ? { createdAt } : {}) };
}

/** Methods per user id. A user deleted since the role listing (404) is left out, not an error. */
export async function collectAuthMethods(graph: GraphClient, userIds: readonly string[]): Promise<Map<string, AuthMethod[]>> {
  const out = new Map<string, AuthMethod[]>();
  await Promise.all(
    userIds.map(async (id) => {
      try {
        const rows = await graph.all(`/users/${encodeURIComponent(id)}/authentication/methods`);
        out.set(id, rows.map(toMethod).sort((a, b) => `${a.type}/${a.id ?? ''}`.localeCompare(`${b.type}/${b.id ?? ''}`)));
      } catch (error) {
        if (error instanceof GraphError && error.status === 404) return;
        throw error;
      }
    }),
  );
  return out;
}
