// Purchases and trials. The real service writes NO directory audit row for them (reference A.1),
// so the only trace is a new /directory/subscriptions entry and a bigger /subscribedSkus.
import { servicePlansFor, type SkuCatalogEntry } from '../catalog.ts';
import type { SimSubscription } from '../model.ts';
import type { TenantState } from '../tenant-state.ts';
import { DAY_MS } from '../tenant-state.ts';
import { guidFor } from '../../util/ids.ts';

export interface Purchase {
  sku: SkuCatalogEntry;
  units: number;
  isTrial?: boolean;
  /** The buyer's user id (ownerId of the subscription). */
  ownerId: string;
}

export function purchaseSubscription(state: TenantState, at: number, purchase: Purchase): SimSubscription {
  const n = state.subscriptions.length;
  const subscription: SimSubscription = {
    id: guidFor(state.seed, 'subscription', n),
    commerceSubscriptionId: guidFor(state.seed, 'commerce-subscription', n),
    createdDateTime: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    nextLifecycleDateTime: new Date(at + (purchase.isTrial ? 30 : 365) * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    isTrial: purchase.isTrial ?? false,
    skuId: purchase.sku.skuId,
    skuPartNumber: purchase.sku.skuPartNumber,
    status: 'Enabled',
    totalLicenses: purchase.units,
    ownerId: purchase.ownerId,
    ownerTenantId: state.tenantId,
    ownerType: 'User',
  };
  state.subscriptions.push(subscription);
  const sku = state.skus.find((s) => s.skuId === purchase.sku.skuId);
  if (sku) sku.prepaidEnabled += purchase.units;
  else {
    state.skus.push({
      skuId: purchase.sku.skuId,
      skuPartNumber: purchase.sku.skuPartNumber,
      capabilityStatus: 'Enabled',
      prepaidEnabled: purchase.units,
      servicePlans: servicePlansFor(purchase.sku, (name) => guidFor(state.seed, 'service-plan', name)),
    });
  }
  if (purchase.sku.includesEntraP1 && state.licence === 'free') state.licence = 'p1';
  return subscription;
}
