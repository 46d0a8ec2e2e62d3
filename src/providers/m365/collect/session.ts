// What every collection entry point shares: a Graph client (made from a connection, or one the
// caller already holds so a scan signs in once), and the tenant's GUID for events and snapshots.
import { isGuid, str } from '../../common/values.ts';
import type { M365Connection } from '../connection.ts';
import { GraphError } from '../errors.ts';
import { GraphClient, type GraphTuning } from '../graph.ts';

export type M365Target = M365Connection | GraphClient;

export async function withGraph<T>(target: M365Target, tuning: GraphTuning | undefined, work: (graph: GraphClient) => Promise<T>): Promise<T> {
  if (target instanceof GraphClient) return work(target);
  const graph = new GraphClient(target, tuning);
  try {
    return await work(graph);
  } finally {
    graph.close();
  }
}

const resolved = new WeakMap<GraphClient, string>();

/** The tenant GUID: the connection's own when it is one, else the organization's id (one request). */
export async function tenantGuid(graph: GraphClient): Promise<string> {
  const hint = graph.tenantHint.toLowerCase();
  if (isGuid(hint)) return hint;
  const known = resolved.get(graph);
  if (known) return known;
  try {
    const [org] = await graph.all('/organization?$select=id');
    const id = org ? str(org.id)?.toLowerCase() : undefined;
    if (id) {
      resolved.set(graph, id);
      return id;
    }
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
  }
  // Unreadable: the domain name still identifies the tenant, if less stably.
  return hint;
}
