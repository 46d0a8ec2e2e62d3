// The part every scenario shares: organization, domains, background population and activity,
// SKUs and the original subscription, Microsoft's own service principals.
import { servicePlansFor, type SkuCatalogEntry } from '../tenant/catalog.ts';
import type { Licence, SimDomain, SimServicePrincipal } from '../tenant/model.ts';
import { DAY_MS, TenantClock, TenantState } from '../tenant/tenant-state.ts';
import { guidFor } from '../util/ids.ts';
import { backgroundAudits, backgroundSignIns } from './background-activity.ts';
import { lazyPopulation, licensedCount, type PopulationProfile } from './lazy-users.ts';

export interface TenantProfile {
  seed: number;
  nowMs: number;
  licence: Licence;
  orgName: string;
  /** The custom domain users sign in with. */
  domain: string;
  /** The tenant's initial *.onmicrosoft.com domain. */
  initialDomain: string;
  city: string;
  street: string;
  postalCode: string;
  phone: string;
  tenantAgeDays: number;
  population: number;
  auditEvents: number;
  signIns: number;
  days: number;
  mainSku: SkuCatalogEntry;
  spareUnits: number;
  securityDefaults: boolean;
  technicalContact: string;
}

/** Microsoft's own apps, owned by Microsoft's services tenant. */
const FIRST_PARTY = [
  { appId: '00000003-0000-0000-c000-000000000000', displayName: 'Microsoft Graph', names: ['https://graph.microsoft.com', 'https://graph.microsoft.com/'] },
  { appId: '00000002-0000-0ff1-ce00-000000000000', displayName: 'Office 365 Exchange Online', names: ['https://outlook.office365.com/'] },
  { appId: '00000003-0000-0ff1-ce00-000000000000', displayName: 'Office 365 SharePoint Online', names: ['https://microsoft.sharepoint-df.com/'] },
];
const MICROSOFT_SERVICES_TENANT = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function buildBaseTenant(p: TenantProfile): TenantState {
  const tenantId = guidFor(p.seed, 'tenant');
  const createdMs = p.nowMs - p.tenantAgeDays * DAY_MS;
  const populationProfile: PopulationProfile = {
    seed: p.seed,
    count: p.population,
    domain: p.domain,
    initialDomain: p.initialDomain,
    nowMs: p.nowMs,
    tenantCreatedMs: createdMs,
    skuId: p.mainSku.skuId,
  };
  const population = lazyPopulation(populationProfile);
  const licensed = licensedCount(populationProfile);
  const domains: SimDomain[] = [
    { id: p.initialDomain, authenticationType: 'Managed', isDefault: false, isInitial: true, isVerified: true, isRoot: true, supportedServices: ['Email', 'OfficeCommunicationsOnline'], passwordValidityPeriodInDays: 2147483647, passwordNotificationWindowInDays: 14, federation: null },
    { id: p.domain, authenticationType: 'Managed', isDefault: true, isInitial: false, isVerified: true, isRoot: true, supportedServices: ['Email', 'OfficeCommunicationsOnline'], passwordValidityPeriodInDays: 2147483647, passwordNotificationWindowInDays: 14, federation: null },
  ];
  const activityFrom = p.nowMs - p.days * DAY_MS;
  // Background activity stops an hour before "now" so story steps and live writes come last.
  const activityTo = p.nowMs - 3600_000;
  const state = new TenantState({
    seed: p.seed,
    tenantId,
    clock: new TenantClock(p.nowMs),
    licence: p.licence,
    organization: {
      id: tenantId,
      displayName: p.orgName,
      createdDateTime: iso(createdMs),
      countryLetterCode: 'JP',
      city: p.city,
      street: p.street,
      postalCode: p.postalCode,
      state: null,
      preferredLanguage: 'ja',
      businessPhones: [p.phone],
      technicalNotificationMails: [p.technicalContact],
      securityComplianceNotificationMails: [],
      securityComplianceNotificationPhones: [],
      marketingNotificationEmails: [],
      privacyProfile: null,
      tenantType: 'AAD',
    },
    domains,
    baseUsers: population,
    baseLicenceCounts: new Map([[p.mainSku.skuId, licensed]]),
    auditNoise: backgroundAudits({ seed: p.seed, count: p.auditEvents, fromMs: activityFrom, toMs: activityTo, population }),
    signInNoise: backgroundSignIns({ seed: p.seed, count: p.signIns, fromMs: activityFrom, toMs: activityTo, population }),
  });
  state.securityDefaultsEnabled = p.securityDefaults;
  state.skus.push({
    skuId: p.mainSku.skuId,
    skuPartNumber: p.mainSku.skuPartNumber,
    capabilityStatus: 'Enabled',
    prepaidEnabled: licensed + p.spareUnits,
    servicePlans: servicePlansFor(p.mainSku, (name) => guidFor(p.seed, 'service-plan', name)),
  });
  state.subscriptions.push({
    id: guidFor(p.seed, 'subscription', 'original'),
    commerceSubscriptionId: guidFor(p.seed, 'commerce-subscription', 'original'),
    createdDateTime: iso(createdMs),
    nextLifecycleDateTime: iso(createdMs + Math.ceil(p.tenantAgeDays / 365 + 0.01) * 365 * DAY_MS),
    isTrial: false,
    skuId: p.mainSku.skuId,
    skuPartNumber: p.mainSku.skuPartNumber,
    status: 'Enabled',
    totalLicenses: licensed + p.spareUnits,
    ownerId: tenantId,
    ownerTenantId: tenantId,
    ownerType: 'Company',
  });
  for (const app of FIRST_PARTY) {
    const sp: SimServicePrincipal = {
      id: guidFor(p.seed, 'first-party-sp', app.appId),
      appId: app.appId,
      displayName: app.displayName,
      appOwnerOrganizationId: MICROSOFT_SERVICES_TENANT,
      servicePrincipalType: 'Application',
      accountEnabled: true,
      servicePrincipalNames: [app.appId, ...app.names],
      passwordCredentials: [],
      keyCredentials: [],
    };
    state.servicePrincipals.push(sp);
  }
  return state;
}
