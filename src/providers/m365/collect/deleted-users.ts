// Deleted users still in the recycle bin: Entra keeps them 30 days, then purges them for good. In
// the seed case the original admin was here, and restoring him was the way back in.
import type { DeletedPrincipal } from '../../../core/snapshot.ts';
import { str } from '../../common/values.ts';
import type { GraphClient } from '../graph.ts';

export const SOFT_DELETE_DAYS = 30;
const DAY_MS = 24 * 3600_000;

export async function collectDeletedUsers(graph: GraphClient): Promise<DeletedPrincipal[]> {
  // The type cast is required: the bare /directory/deletedItems is not listable.
  const rows = await graph.all('/directory/deletedItems/microsoft.graph.user?$select=id,displayName,userPrincipalName,deletedDateTime&$top=999');
  const out: DeletedPrincipal[] = [];
  for (const row of rows) {
    const id = str(row.id);
    const deletedAt = str(row.deletedDateTime);
    const ms = deletedAt ? Date.parse(deletedAt) : NaN;
    if (!id || !deletedAt || Number.isNaN(ms)) continue;
    const name = str(row.displayName);
    const upn = str(row.userPrincipalName);
    out.push({ id, ...(name ? { name } : {}), ...(upn ? { upn } : {}), deletedAt, restorableUntil: new Date(ms + SOFT_DELETE_DAYS * DAY_MS).toISOString() });
  }
  return out;
}

/** Whole days left to restore a deleted principal (0 on the last day, negative once purged). */
export function daysLeft(deleted: DeletedPrincipal, now: Date = new Date()): number {
  if (!deleted.restorableUntil) return 0;
  return Math.floor((Date.parse(deleted.restorableUntil) - now.getTime()) / DAY_MS);
}
