// Ordinary background activity, generated per index: directory audit rows and sign-ins spread
// evenly over a time span (record i falls in slot i, so time never decreases with the index and
// a time filter becomes an index range). Ten million events cost nothing until a page is read.
import { entraTimestamp, type DirectoryAuditRecord, type SignInRecord } from '../tenant/log-records.ts';
import { buildSignIn, OFFICE_HOME } from '../tenant/operations/sign-ins.ts';
import type { LazyRecords } from '../tenant/time-ordered-log.ts';
import type { LazyUsers } from '../tenant/user-store.ts';
import { guidFor, guidFrom, indexedGuid, indexFromIndexedGuid } from '../util/ids.ts';
import { Prng, unitFrom } from '../util/prng.ts';
import { HOME_PLACES } from './places.ts';

export interface ActivitySpan {
  seed: number;
  count: number;
  fromMs: number;
  toMs: number;
  population: LazyUsers;
}

function slotTime(span: ActivitySpan, label: string, index: number): number {
  const width = (span.toMs - span.fromMs) / Math.max(1, span.count);
  return Math.floor(span.fromMs + (index + unitFrom(span.seed, label, index)) * width);
}

const ID_OFFSET = 100_000_000;

/** Who a background record is about: only names are needed, so skip building the whole user. */
function someone(span: ActivitySpan, rng: Prng): { id: string; userPrincipalName: string; displayName: string } {
  const index = rng.int(0, Math.max(0, span.population.count - 1));
  return span.population.identity?.(index) ?? span.population.make(index);
}
const OUTLOOK = { appId: '00000002-0000-0ff1-ce00-000000000000', displayName: 'Office 365 Exchange Online' };
const TEAMS = { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', displayName: 'Microsoft Teams' };

/** Kinds of benign rows, each with the service and category Entra logs them under. */
const AUDIT_KINDS = [
  { activity: 'Update user', category: 'UserManagement', service: 'Core Directory', operationType: 'Update', weight: 4 },
  { activity: 'User started security info registration', category: 'UserManagement', service: 'Authentication Methods', operationType: 'Add', weight: 1 },
  { activity: 'User registered security info', category: 'UserManagement', service: 'Authentication Methods', operationType: 'Add', weight: 1 },
  { activity: 'Change password (self-service)', category: 'UserManagement', service: 'Self-service Password Management', operationType: 'Update', weight: 1 },
  { activity: 'Update device', category: 'Device', service: 'Core Directory', operationType: 'Update', weight: 2 },
] as const;
const AUDIT_WEIGHT = AUDIT_KINDS.reduce((s, k) => s + k.weight, 0);

export function backgroundAudits(span: ActivitySpan): LazyRecords<DirectoryAuditRecord> {
  const substrate = { appId: guidFor(span.seed, 'substrate-app'), displayName: 'Microsoft Substrate Management', servicePrincipalId: guidFor(span.seed, 'substrate-sp'), servicePrincipalName: null };
  return {
    count: span.count,
    timeOf: (i) => slotTime(span, 'audit', i),
    indexOf: (id) => {
      const n = Number(id.slice(id.lastIndexOf('_') + 1)) - ID_OFFSET;
      return Number.isInteger(n) ? n : undefined;
    },
    make: (i) => {
      const rng = Prng.for(span.seed, 'audit-noise', i);
      let pick = rng.int(1, AUDIT_WEIGHT);
      const kind = AUDIT_KINDS.find((k) => (pick -= k.weight) <= 0) ?? AUDIT_KINDS[0];
      const user = someone(span, rng);
      const place = rng.pick(HOME_PLACES);
      const correlationId = guidFrom(rng);
      const byApp = kind.activity === 'Update user' || kind.activity === 'Update device';
      const prefix = kind.service === 'Core Directory' ? 'Directory' : kind.service.replace(/[\s-]+/g, '');
      const target =
        kind.activity === 'Update device'
          ? { id: guidFrom(rng), displayName: `DESKTOP-${rng.hex(7).toUpperCase()}`, type: 'Device', userPrincipalName: null, groupType: null, modifiedProperties: [] }
          : {
              id: user.id,
              displayName: null,
              type: 'User',
              userPrincipalName: user.userPrincipalName,
              groupType: null,
              modifiedProperties: kind.activity === 'Update user' ? [{ displayName: 'Included Updated Properties', oldValue: null, newValue: '""' }] : [],
            };
      return {
        id: `${prefix}_${correlationId}_${rng.hex(5).toUpperCase()}_${ID_OFFSET + i}`,
        category: kind.category,
        correlationId,
        result: 'success',
        resultReason: kind.activity === 'User registered security info' ? 'User registered Authenticator App with Notification and Code' : '',
        activityDisplayName: kind.activity,
        activityDateTime: entraTimestamp(slotTime(span, 'audit', i), rng.int(0, 9999)),
        loggedByService: kind.service,
        operationType: kind.operationType,
        initiatedBy: byApp
          ? { user: null, app: substrate }
          : { user: { id: user.id, displayName: null, userPrincipalName: user.userPrincipalName, ipAddress: place.ipAddress }, app: null },
        targetResources: [target],
        additionalDetails: [],
      };
    },
  };
}

export function backgroundSignIns(span: ActivitySpan): LazyRecords<SignInRecord> {
  return {
    count: span.count,
    timeOf: (i) => slotTime(span, 'sign-in', i),
    indexOf: (id) => indexFromIndexedGuid(span.seed, 'sign-in', id),
    make: (i) => {
      const rng = Prng.for(span.seed, 'sign-in-noise', i);
      const user = someone(span, rng);
      const failed = rng.chance(0.04);
      const record = buildSignIn(rng, {
        at: slotTime(span, 'sign-in', i),
        user,
        place: rng.pick(HOME_PLACES),
        app: rng.pick([OFFICE_HOME, OUTLOOK, TEAMS]),
        interactive: rng.chance(0.6),
        errorCode: failed ? 50126 : 0,
        failureReason: failed ? 'Error validating credentials due to invalid username or password.' : undefined,
      });
      return { ...record, id: indexedGuid(span.seed, 'sign-in', i) };
    },
  };
}
