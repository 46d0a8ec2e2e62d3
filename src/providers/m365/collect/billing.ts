// What the tenant pays for: subscribed SKUs (service plans decide the Entra ID tier) and the
// commerce subscriptions with their creation date and trial flag. Purchases leave no audit row,
// so a bought licence shows only here (the seed case's attacker bought one).
import type { Subscription } from '../../../core/snapshot.ts';
import { str } from '../../common/values.ts';
import type { GraphClient, Json } from '../graph.ts';

export async function collectSkus(graph: GraphClient): Promise<Json[]> {
  return graph.all('/subscribedSkus');
}

export async function collectSubscriptions(graph: GraphClient): Promise<Json[]> {
  return graph.all('/directory/subscriptions');
}

/** Subscriptions with the units consumed under their SKU (when the SKUs were readable). */
export function toSubscriptions(subscriptions: readonly Json[], skus: readonly Json[] | undefined): Subscription[] {
  const consumed = new Map<string, number>();
  for (const sku of skus ?? []) {
    const skuId = str(sku.skuId)?.toLowerCase();
    if (skuId && typeof sku.consumedUnits === 'number') consumed.set(skuId, sku.consumedUnits);
  }
  const out: Subscription[] = [];
  for (const s of subscriptions) {
    const id = str(s.id);
    if (!id) continue;
    const skuId = str(s.skuId);
    const skuPartNumber = str(s.skuPartNumber);
    const status = str(s.status);
    const createdAt = str(s.createdDateTime);
    const units = skuId ? consumed.get(skuId.toLowerCase()) : undefined;
    out.push({
      id,
      ...(skuId ? { skuId } : {}),
      ...(skuPartNumber ? { skuPartNumber } : {}),
      ...(status ? { status } : {}),
      ...(typeof s.isTrial === 'boolean' ? { isTrial: s.isTrial } : {}),
      ...(typeof s.totalLicenses === 'number' ? { totalLicenses: s.totalLicenses } : {}),
      ...(units !== undefined ? { consumedUnits: units } : {}),
      ...(createdAt ? { createdAt } : {}),
    });
  }
  return out;
}
