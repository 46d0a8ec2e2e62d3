// The tenant's Entra ID tier from its subscribed SKUs. Service plan names decide, not SKU names:
// Business Premium and E3 carry AAD_PREMIUM, E5 carries AAD_PREMIUM_P2, and so do the standalone
// Entra ID SKUs. Retention of the Entra audit log follows the tier (Free 7 days, P1/P2 30 days).

export type LicenceTier = 'Free' | 'P1' | 'P2';

export interface LicenceInfo {
  tier: LicenceTier;
  auditRetentionDays: number;
  /** Sign-in logs are readable through Graph only with P1 or P2. */
  signInLogs: boolean;
}

interface SkuLike {
  capabilityStatus?: unknown;
  servicePlans?: unknown;
}

// A suspended or deleted subscription no longer grants its plans; Warning is the grace period.
const ACTIVE = new Set(['enabled', 'warning']);

export function detectLicence(skus: readonly SkuLike[]): LicenceInfo {
  const plans = new Set<string>();
  for (const sku of skus) {
    if (typeof sku.capabilityStatus === 'string' && !ACTIVE.has(sku.capabilityStatus.toLowerCase())) continue;
    if (!Array.isArray(sku.servicePlans)) continue;
    for (const plan of sku.servicePlans as Array<{ servicePlanName?: unknown }>) {
      if (typeof plan.servicePlanName === 'string') plans.add(plan.servicePlanName.toUpperCase());
    }
  }
  const tier: LicenceTier = plans.has('AAD_PREMIUM_P2') ? 'P2' : plans.has('AAD_PREMIUM') ? 'P1' : 'Free';
  return { tier, auditRetentionDays: tier === 'Free' ? 7 : 30, signInLogs: tier !== 'Free' };
}
