// The background population, generated from (seed, index) on demand: a 100,000-user tenant costs
// no memory until someone reads it.
import { EMAIL_METHOD_ID, MOBILE_PHONE_METHOD_ID, PASSWORD_METHOD_ID } from '../tenant/catalog.ts';
import type { SimAuthMethod, SimUser } from '../tenant/model.ts';
import { DAY_MS } from '../tenant/tenant-state.ts';
import type { LazyUsers } from '../tenant/user-store.ts';
import { guidFrom, indexedGuid, indexFromIndexedGuid } from '../util/ids.ts';
import { Prng, unitFrom } from '../util/prng.ts';
import { DEPARTMENTS, GIVEN_NAMES, JOB_TITLES, personName, SURNAMES } from './names.ts';

export interface PopulationProfile {
  seed: number;
  count: number;
  domain: string;
  initialDomain: string;
  nowMs: number;
  tenantCreatedMs: number;
  /** The SKU members get. */
  skuId: string;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function names(p: PopulationProfile, index: number) {
  const { given, surname, suffix } = personName(index);
  const guest = isGuest(p.seed, index);
  const local = `${given}.${surname}${suffix}`.toLowerCase();
  return {
    given,
    surname,
    guest,
    local,
    displayName: `${given} ${surname}${suffix ? ` ${suffix}` : ''}`,
    upn: guest ? `${local}_partner.example#EXT#@${p.initialDomain}` : `${local}@${p.domain}`,
  };
}

export function makePopulationUser(p: PopulationProfile, index: number): SimUser {
  const rng = Prng.for(p.seed, 'user', index);
  const { given, surname, guest, local, upn, displayName } = names(p, index);
  const enabled = rng.chance(0.95);
  const created = p.tenantCreatedMs + rng.next() * Math.max(0, p.nowMs - 35 * DAY_MS - p.tenantCreatedMs);
  const methods: SimAuthMethod[] = [{ kind: 'password', id: PASSWORD_METHOD_ID, createdDateTime: iso(created) }];
  if (!guest && rng.chance(0.7)) {
    methods.push({ kind: 'microsoftAuthenticator', id: guidFrom(rng), createdDateTime: iso(created + DAY_MS), displayName: rng.pick(['iPhone 15', 'Pixel 8', 'Galaxy S24', 'iPhone 13']), phoneAppVersion: '6.8.14' });
  }
  if (!guest && rng.chance(0.35)) methods.push({ kind: 'phone', id: MOBILE_PHONE_METHOD_ID, createdDateTime: null, phoneNumber: `+81 90${rng.int(10000000, 99999999)}`, phoneType: 'mobile' });
  if (!guest && rng.chance(0.2)) methods.push({ kind: 'email', id: EMAIL_METHOD_ID, createdDateTime: null, emailAddress: `${local}@home.example` });
  const lastSignIn = enabled ? p.nowMs - rng.next() * 7 * DAY_MS : created + rng.next() * 30 * DAY_MS;
  return {
    id: indexedGuid(p.seed, 'user', index),
    displayName,
    givenName: given,
    surname,
    userPrincipalName: upn,
    mail: guest ? `${local}@partner.example` : upn,
    mailNickname: guest ? `${local}_partner.example#EXT#` : local,
    jobTitle: guest ? null : rng.pick(JOB_TITLES),
    department: guest ? null : rng.pick(DEPARTMENTS),
    officeLocation: guest ? null : 'Tokyo',
    mobilePhone: null,
    businessPhones: [],
    preferredLanguage: guest ? null : 'ja-JP',
    usageLocation: 'JP',
    accountEnabled: enabled,
    userType: guest ? 'Guest' : 'Member',
    createdDateTime: iso(created),
    lastPasswordChangeDateTime: iso(created + rng.next() * (p.nowMs - created)),
    signInSessionsValidFromDateTime: iso(created),
    assignedLicenses: guest ? [] : [{ skuId: p.skuId, disabledPlans: [] }],
    otherMails: [],
    methods,
    lastSignInDateTime: iso(lastSignIn),
    lastNonInteractiveSignInDateTime: iso(Math.min(p.nowMs, lastSignIn + 3600_000)),
    lastSuccessfulSignInDateTime: iso(lastSignIn),
  };
}

/** Inverts personName(): "given.surname7" (optionally a guest's "#EXT#" form) back to an index. */
function indexFromUpn(upn: string): number | undefined {
  const local = upn.split(/_partner\.example#ext#@|@/)[0] ?? '';
  const m = /^([^.]+)\.([a-z-]+?)(\d*)$/.exec(local);
  if (!m) return undefined;
  const g = GIVEN_NAMES.findIndex((n) => n.toLowerCase() === m[1]);
  const s = SURNAMES.findIndex((n) => n.toLowerCase() === m[2]);
  if (g < 0 || s < 0) return undefined;
  return g + GIVEN_NAMES.length * s + GIVEN_NAMES.length * SURNAMES.length * Number(m[3] || 0);
}

export function lazyPopulation(p: PopulationProfile): LazyUsers {
  const inRange = (index: number | undefined): number | undefined => (index !== undefined && index < p.count ? index : undefined);
  return {
    count: p.count,
    make: (index) => makePopulationUser(p, index),
    identity: (index) => {
      const n = names(p, index);
      return { id: indexedGuid(p.seed, 'user', index), userPrincipalName: n.upn, displayName: n.displayName };
    },
    indexOf: (id) => inRange(indexFromIndexedGuid(p.seed, 'user', id)),
    indexOfUpn: (upn) => inRange(indexFromUpn(upn)),
  };
}

/** About 3% of the population are guests; decided by a hash so counting them needs no user objects. */
function isGuest(seed: number, index: number): boolean {
  return unitFrom(seed, 'guest', index) < 0.03;
}

/** How many population members hold the SKU (guests hold none). */
export function licensedCount(p: PopulationProfile): number {
  let n = 0;
  for (let i = 0; i < p.count; i++) if (!isGuest(p.seed, i)) n++;
  return n;
}
