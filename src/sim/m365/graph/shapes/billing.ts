// subscribedSkus and directory subscriptions (companySubscription).
import type { SimSku, SimSubscription } from '../../tenant/model.ts';
import type { TenantState } from '../../tenant/tenant-state.ts';

export function subscribedSkuJson(state: TenantState, sku: SimSku): Record<string, unknown> {
  return {
    accountName: state.organization.displayName.replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 16),
    accountId: state.tenantId,
    appliesTo: 'User',
    capabilityStatus: sku.capabilityStatus,
    consumedUnits: state.consumedUnits(sku.skuId),
    id: `${state.tenantId}_${sku.skuId}`,
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    subscriptionIds: state.subscriptions.filter((s) => s.skuId === sku.skuId).map((s) => s.commerceSubscriptionId),
    prepaidUnits: { enabled: sku.prepaidEnabled, suspended: 0, warning: 0, lockedOut: 0 },
    servicePlans: sku.servicePlans.map((p) => ({ servicePlanId: p.servicePlanId, servicePlanName: p.servicePlanName, provisioningStatus: 'Success', appliesTo: p.appliesTo })),
  };
}

export function subscriptionJson(state: TenantState, sub: SimSubscription): Record<string, unknown> {
  const sku = state.skus.find((s) => s.skuId === sub.skuId);
  return {
    createdDateTime: sub.createdDateTime,
    commerceSubscriptionId: sub.commerceSubscriptionId,
    id: sub.id,
    isTrial: sub.isTrial,
    nextLifecycleDateTime: sub.nextLifecycleDateTime,
    serviceStatus: (sku?.servicePlans ?? []).map((p) => ({ appliesTo: p.appliesTo, provisioningStatus: 'Success', servicePlanId: p.servicePlanId, servicePlanName: p.servicePlanName })),
    skuId: sub.skuId,
    skuPartNumber: sub.skuPartNumber,
    status: sub.status,
    totalLicenses: sub.totalLicenses,
    ownerId: sub.ownerId,
    ownerTenantId: sub.ownerTenantId,
    ownerType: sub.ownerType,
  };
}
