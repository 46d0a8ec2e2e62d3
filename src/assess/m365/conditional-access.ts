// Conditional Access policies as Graph returns them, read defensively: does an enabled policy really
// require MFA (or block) for a given user, for every app and client, with no condition that lets a
// sign-in slip past? Group membership is not in the snapshot, so a policy that includes or excludes
// groups makes the answer "unknown" for the people it might concern.

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const lower = (v: unknown): string[] => strings(v).map((x) => x.toLowerCase());

/** Built-in authentication strength "Phishing-resistant MFA". */
export const PHISHING_RESISTANT_STRENGTH = '00000000-0000-0000-0000-000000000004';
/** Built-in strengths: MFA, passwordless MFA, phishing-resistant MFA. */
const BUILT_IN_MFA_STRENGTHS = new Set(['00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000003', PHISHING_RESISTANT_STRENGTH]);
const PHISHING_RESISTANT_COMBINATIONS = new Set(['windowshelloforbusiness', 'fido2', 'x509certificatemultifactor']);

export interface CaPolicy {
  id: string;
  /** The policy as Graph returned it (to build a PATCH that keeps what is there). */
  raw: Obj;
  name: string;
  enabled: boolean;
  users: {
    includeAll: boolean;
    includeUsers: string[];
    includeRoles: string[];
    includeGroups: string[];
    includeGuests: boolean;
    excludeUsers: string[];
    excludeRoles: string[];
    excludeGroups: string[];
    excludeGuests: boolean;
  };
  /** Every resource (cloud app), none excluded. */
  allApps: boolean;
  /** True when the policy targets user actions (e.g. registering security info) instead of apps. */
  userActions: boolean;
  clientAppTypes: string[];
  /** Conditions that limit when the policy applies (locations, platforms, risk, devices, flows). */
  narrowing: string[];
  userRiskLevels: string[];
  signInRiskLevels: string[];
  transferMethods: string[];
  grant: { block: boolean; mfa: boolean; phishingResistant: boolean };
}

function narrowingOf(c: Obj): string[] {
  const out: string[] = [];
  const locations = isObj(c.locations) ? c.locations : undefined;
  if (locations && (lower(locations.includeLocations).some((l) => l !== 'all') || strings(locations.excludeLocations).length > 0)) out.push('locations');
  const platforms = isObj(c.platforms) ? c.platforms : undefined;
  if (platforms && (lower(platforms.includePlatforms).some((p) => p !== 'all') || strings(platforms.excludePlatforms).length > 0)) out.push('platforms');
  if (isObj(c.devices)) out.push('devices');
  if (strings(c.userRiskLevels).length > 0) out.push('userRiskLevels');
  if (strings(c.signInRiskLevels).length > 0) out.push('signInRiskLevels');
  if (strings(c.servicePrincipalRiskLevels).length > 0) out.push('servicePrincipalRiskLevels');
  if (strings(c.insiderRiskLevels).length > 0 || (typeof c.insiderRiskLevels === 'string' && c.insiderRiskLevels !== '')) out.push('insiderRiskLevels');
  if (isObj(c.authenticationFlows) && strings(c.authenticationFlows.transferMethods).length > 0) out.push('authenticationFlows');
  if (isObj(c.authenticationFlows) && typeof c.authenticationFlows.transferMethods === 'string' && c.authenticationFlows.transferMethods !== '') out.push('authenticationFlows');
  if (isObj(c.clientApplications)) out.push('clientApplications');
  return [...new Set(out)];
}

function grantOf(g: unknown): CaPolicy['grant'] {
  if (!isObj(g)) return { block: false, mfa: false, phishingResistant: false };
  const controls = lower(g.builtInControls);
  const operator = typeof g.operator === 'string' ? g.operator.toUpperCase() : 'OR';
  // With OR, any one control satisfies the policy: MFA is required only when it stands alone.
  const mfaControl = controls.includes('mfa') && (operator === 'AND' || controls.length === 1);
  const strength = isObj(g.authenticationStrength) ? g.authenticationStrength : undefined;
  const strengthId = typeof strength?.id === 'string' ? strength.id.toLowerCase() : undefined;
  const combos = lower(strength?.allowedCombinations);
  const strengthAlone = strength !== undefined && (operator === 'AND' || controls.length === 0);
  const strengthIsMfa = strengthId !== undefined && BUILT_IN_MFA_STRENGTHS.has(strengthId) ? true : combos.length > 0 && combos.every((c) => c.includes(',') || PHISHING_RESISTANT_COMBINATIONS.has(c));
  const strengthIsPhishingResistant = strengthId === PHISHING_RESISTANT_STRENGTH || (combos.length > 0 && combos.every((c) => PHISHING_RESISTANT_COMBINATIONS.has(c)));
  return {
    block: controls.includes('block'),
    mfa: mfaControl || (strengthAlone && strengthIsMfa),
    phishingResistant: strengthAlone && strengthIsPhishingResistant,
  };
}

/** One raw Graph conditionalAccessPolicy → the parts checks read; undefined for an unreadable entry. */
export function readPolicy(raw: unknown): CaPolicy | undefined {
  if (!isObj(raw) || typeof raw.id !== 'string') return undefined;
  const c = isObj(raw.conditions) ? raw.conditions : {};
  const u = isObj(c.users) ? c.users : {};
  const apps = isObj(c.applications) ? c.applications : {};
  const includeUsers = lower(u.includeUsers);
  const flows = isObj(c.authenticationFlows) ? c.authenticationFlows : {};
  const transfer = typeof flows.transferMethods === 'string' ? flows.transferMethods.split(',') : strings(flows.transferMethods);
  return {
    id: raw.id,
    raw,
    name: typeof raw.displayName === 'string' ? raw.displayName : raw.id,
    enabled: raw.state === 'enabled',
    users: {
      includeAll: includeUsers.includes('all'),
      includeUsers,
      includeRoles: lower(u.includeRoles),
      includeGroups: lower(u.includeGroups),
      includeGuests: includeUsers.includes('guestsorexternalusers') || isObj(u.includeGuestsOrExternalUsers),
      excludeUsers: lower(u.excludeUsers),
      excludeRoles: lower(u.excludeRoles),
      excludeGroups: lower(u.excludeGroups),
      excludeGuests: lower(u.excludeUsers).includes('guestsorexternalusers') || isObj(u.excludeGuestsOrExternalUsers),
    },
    // "All resources" with some left out (excludeApplications, an application filter) is not all.
    allApps: lower(apps.includeApplications).includes('all') && strings(apps.excludeApplications).length === 0 && !isObj(apps.applicationFilter),
    userActions: strings(apps.includeUserActions).length > 0,
    clientAppTypes: lower(c.clientAppTypes),
    narrowing: narrowingOf(c),
    userRiskLevels: lower(c.userRiskLevels),
    signInRiskLevels: lower(c.signInRiskLevels),
    transferMethods: transfer.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''),
    grant: grantOf(raw.grantControls),
  };
}

export function readPolicies(raw: readonly unknown[] | undefined): CaPolicy[] {
  return (raw ?? []).map(readPolicy).filter((p): p is CaPolicy => p !== undefined);
}

export function enabledPolicies(raw: readonly unknown[] | undefined): CaPolicy[] {
  return readPolicies(raw).filter((p) => p.enabled);
}

/** True when the policy applies to every client app (browser and desktop/mobile apps). */
export function allClients(p: CaPolicy): boolean {
  const t = p.clientAppTypes;
  return t.length === 0 || t.includes('all') || (t.includes('browser') && t.includes('mobileappsanddesktopclients'));
}

/** True when the policy covers the legacy clients (Exchange ActiveSync and other clients). */
export function legacyClients(p: CaPolicy): boolean {
  const t = p.clientAppTypes;
  return t.includes('all') || (t.includes('exchangeactivesync') && t.includes('other'));
}

export interface Person {
  id: string;
  roles?: readonly string[];
  guest?: boolean;
}

export type Applies = 'applies' | 'excluded' | 'not-targeted' | 'unknown';

/** Whether a policy applies to a person, as far as the snapshot can tell. */
export function appliesTo(p: CaPolicy, person: Person): Applies {
  const id = person.id.toLowerCase();
  const roles = (person.roles ?? []).map((r) => r.toLowerCase());
  const u = p.users;
  if (u.excludeUsers.includes(id) || roles.some((r) => u.excludeRoles.includes(r)) || (person.guest === true && u.excludeGuests)) return 'excluded';
  const targeted = u.includeAll || u.includeUsers.includes(id) || roles.some((r) => u.includeRoles.includes(r)) || (person.guest === true && u.includeGuests);
  if (!targeted) return u.includeGroups.length > 0 ? 'unknown' : 'not-targeted';
  return u.excludeGroups.length > 0 ? 'unknown' : 'applies';
}

/**
 * True when the policy reaches every user: all users included, and nobody left out except the
 * given (declared emergency) account ids. Excluded groups make it unknown (undefined).
 */
export function coversEveryone(p: CaPolicy, allowedExclusions: ReadonlySet<string>): boolean | undefined {
  const u = p.users;
  if (!u.includeAll || u.excludeRoles.length > 0 || u.excludeGuests) return false;
  if (u.excludeUsers.some((x) => !allowedExclusions.has(x))) return false;
  return u.excludeGroups.length > 0 ? undefined : true;
}

export interface Coverage {
  state: 'covered' | 'not-covered' | 'unknown';
  /** Names of qualifying policies that exclude the person. */
  excludedBy: string[];
  /** Names of qualifying policies whose groups make the answer unknown. */
  unknownBy: string[];
}

/** How a person fares against the qualifying policies (already filtered for what they require). */
export function coverage(qualifying: readonly CaPolicy[], person: Person): Coverage {
  const excludedBy: string[] = [];
  const unknownBy: string[] = [];
  for (const p of qualifying) {
    const a = appliesTo(p, person);
    if (a === 'applies') return { state: 'covered', excludedBy: [], unknownBy: [] };
    if (a === 'excluded') excludedBy.push(p.name);
    if (a === 'unknown') unknownBy.push(p.name);
  }
  return { state: unknownBy.length > 0 ? 'unknown' : 'not-covered', excludedBy, unknownBy };
}

/** A policy that always requires MFA on every app and client (nothing narrows it). */
export function alwaysRequiresMfa(p: CaPolicy): boolean {
  return p.enabled && (p.grant.mfa || p.grant.phishingResistant) && !p.grant.block && p.allApps && allClients(p) && p.narrowing.length === 0;
}

/** A policy that always requires phishing-resistant MFA on every app and client. */
export function alwaysRequiresPhishingResistant(p: CaPolicy): boolean {
  return p.enabled && p.grant.phishingResistant && p.allApps && allClients(p) && p.narrowing.length === 0;
}

export interface TenantWide {
  state: 'covered' | 'not-covered' | 'unknown';
  /** Policies that do what is asked but leave people out. */
  partial: string[];
  /** Policies whose excluded groups make the answer unknown. */
  unknownBy: string[];
}

/** Whether some enabled policy satisfying `does` reaches every user (except the emergency accounts). */
export function tenantWide(policies: readonly CaPolicy[], does: (p: CaPolicy) => boolean, emergency: ReadonlySet<string>): TenantWide {
  const partial: string[] = [];
  const unknownBy: string[] = [];
  for (const p of policies.filter((x) => x.enabled && does(x))) {
    const all = coversEveryone(p, emergency);
    if (all === true) return { state: 'covered', partial: [], unknownBy: [] };
    if (all === undefined) unknownBy.push(p.name);
    else partial.push(p.name);
  }
  return { state: unknownBy.length > 0 ? 'unknown' : 'not-covered', partial, unknownBy };
}

/** Only the listed conditions narrow the policy (e.g. the risk level a risk policy is about). */
export function narrowedOnlyBy(p: CaPolicy, ...allowed: string[]): boolean {
  return p.narrowing.every((n) => allowed.includes(n));
}
