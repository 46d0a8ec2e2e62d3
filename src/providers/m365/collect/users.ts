// Users through delta query. A full round pages /users/delta to the end and keeps the deltaLink;
// the next round follows that link and gets only what changed, so a watch cycle on a quiet tenant
// costs one request however many users it has.
import type { Principal } from '../../../core/snapshot.ts';
import { isObj, str } from '../../common/values.ts';
import { GraphError } from '../errors.ts';
import type { GraphClient, Json } from '../graph.ts';

const SELECT = 'id,displayName,userPrincipalName,accountEnabled,createdDateTime,userType,onPremisesSyncEnabled';
// Delta pages are sized by this header (the nextLinks Graph returns carry no $top).
const PAGE_SIZE = { Prefer: 'odata.maxpagesize=999' };

export interface UsersRound {
  principals: Principal[];
  deltaLink: string;
}

/** A user as a principal; fields the record does not carry keep their previous value (delta sends changes). */
export function userPrincipal(json: Json, previous?: Principal): Principal {
  const p: Principal = previous ? { ...previous } : { id: String(json.id), kind: 'user' };
  const set = <K extends keyof Principal>(key: K, value: Principal[K] | undefined, present: boolean): void => {
    if (!present) return;
    if (value === undefined) delete p[key];
    else p[key] = value;
  };
  set('name', str(json.displayName), 'displayName' in json);
  set('upn', str(json.userPrincipalName), 'userPrincipalName' in json);
  set('enabled', typeof json.accountEnabled === 'boolean' ? json.accountEnabled : undefined, 'accountEnabled' in json);
  set('createdAt', str(json.createdDateTime), 'createdDateTime' in json);
  set('synced', json.onPremisesSyncEnabled === true, 'onPremisesSyncEnabled' in json);
  const type = str(json.userType)?.toLowerCase();
  set('userType', type === 'guest' ? 'guest' : type === 'member' ? 'member' : undefined, 'userType' in json);
  return p;
}

async function round(graph: GraphClient, start: string, users: Map<string, Principal>): Promise<string> {
  for await (const page of graph.pages(start, PAGE_SIZE)) {
    for (const item of page.value) {
      const id = isObj(item) ? str(item.id) : undefined;
      if (!id) continue;
      // "@removed": deleted (reason "changed" while still restorable, "deleted" once purged).
      if (isObj(item['@removed'])) users.delete(id);
      else users.set(id, userPrincipal(item, users.get(id)));
    }
    if (page.deltaLink) return page.deltaLink;
  }
  throw new GraphError({ endpoint: 'GET /v1.0/users/delta', status: 200, graphCode: 'NoDeltaLink', message: 'the last page carried no @odata.deltaLink', attempts: 1 });
}

export async function fullUsers(graph: GraphClient): Promise<UsersRound> {
  const users = new Map<string, Principal>();
  const deltaLink = await round(graph, `/users/delta?$select=${SELECT}`, users);
  return { principals: [...users.values()], deltaLink };
}

/** True when Graph no longer knows the delta token: start over with a full round. */
export function isStaleDelta(error: unknown): boolean {
  return error instanceof GraphError && (error.status === 410 || /syncstate|resync|expiredtoken|invalid.*token/i.test(error.graphCode));
}

/** Applies the changes since `deltaLink` to the previous round's users. */
export async function usersSince(graph: GraphClient, deltaLink: string, previous: readonly Principal[]): Promise<UsersRound> {
  const users = new Map(previous.filter((p) => p.kind === 'user').map((p) => [p.id, p]));
  const next = await round(graph, deltaLink, users);
  return { principals: [...users.values()], deltaLink: next };
}
