// Canonical events for the detection benchmark, made the way `takeback import` makes them: native
// records (Graph sign-ins and directory audits, Unified Audit Log records, Google Reports API
// activities) generated from a seed and turned into canonical events by the project's own
// normalisers. Proportions follow a real tenant: mostly sign-ins and routine directory changes, a few
// takeover operations (role grants, password resets, new credentials, federation) in between.
import type { CanonicalEvent } from '../../src/core/event.ts';
import { normaliseGoogleActivity } from '../../src/providers/gws/map/activity.ts';
import { normaliseDirectoryAudit } from '../../src/providers/m365/map/directory-audit.ts';
import { GLOBAL_ADMIN_TEMPLATE_ID } from '../../src/providers/m365/map/roles.ts';
import { normaliseSignIn } from '../../src/providers/m365/map/sign-in.ts';
import { normaliseUalRecord } from '../../src/providers/m365/map/ual-record.ts';
import { Rng, Weighted } from '../import/prng.ts';
import { ualRecords } from '../import/records.ts';
import { makeTenant, type User } from '../import/tenant.ts';

type Obj = Record<string, unknown>;

export const GWS_CUSTOMER = 'C03bench7';
const GWS_DOMAIN = 'northwind-kk.example';
const DAY = 86_400_000;

/** Of every 20 events: 8 UAL records, 7 Graph sign-ins, 3 Graph directory audits, 2 Google activities. */
const SLOTS = ['ual', 'ual', 'ual', 'ual', 'ual', 'ual', 'ual', 'ual', 'signin', 'signin', 'signin', 'signin', 'signin', 'signin', 'signin', 'audit', 'audit', 'audit', 'gws', 'gws'] as const;

const APPS: ReadonlyArray<readonly [string, string, string]> = [
  ['4765445b-32c6-49b0-83e6-1d93765276ca', 'OfficeHome', 'Office 365 SharePoint Online'],
  ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', 'Microsoft Teams', 'Microsoft Graph'],
  ['27922004-5251-4030-b22d-91ecd9a37ea4', 'Outlook Mobile', 'Office 365 Exchange Online'],
  ['c44b4083-3bb0-49c1-b47d-974e53cbdf3c', 'Azure Portal', 'Windows Azure Service Management API'],
];
const CLIENT_APPS = new Weighted<string>([
  ['Browser', 70],
  ['Mobile Apps and Desktop clients', 29],
  ['Exchange ActiveSync', 0.5],
  ['IMAP4', 0.3],
]);
const FAILURES = new Weighted<readonly [number, string]>([
  [[0, ''], 920],
  [[50126, 'Invalid username or password or Invalid on-premise username or password.'], 50],
  [[50074, 'Strong Authentication is required.'], 20],
  [[500121, 'Authentication failed during strong authentication request.'], 6],
  [[53003, 'Access has been blocked by Conditional Access policies.'], 4],
]);
const TOOL_AGENTS = ['python-requests/2.32.3', 'axios/1.7.7', 'Go-http-client/1.1'];

/** Directory audits: routine changes by weight, takeover operations rare. */
const AUDITS = new Weighted<string>([
  ['Update user', 400],
  ['Add member to group', 150],
  ['Update device', 100],
  ['Change user license', 80],
  ['Update group', 70],
  ['Remove member from group', 60],
  ['Add user', 15],
  ['Reset user password', 12],
  ['User registered security info', 10],
  ['Add member to role', 4],
  ['Remove member from role', 3],
  ['Add service principal credentials', 2],
  ['Update conditional access policy', 2],
  ['Consent to application', 2],
  ['Delete user', 2],
  ['Set domain authentication', 0.3],
]);
/** Directory changes a user may make to his own account or device. */
const SELF_SERVICE = new Set(['Update user', 'User registered security info', 'Update device']);
const GROUPS = ['All Staff', 'Sales', 'Engineering', 'Finance', 'IT Support', 'Tokyo Office'];

const GOOGLE = new Weighted<readonly [string, string]>([
  [['login', 'login_success'], 700],
  [['login', 'login_failure'], 60],
  [['login', 'logout'], 120],
  [['admin', 'CHANGE_USER_ORGANIZATION'], 40],
  [['admin', 'ADD_GROUP_MEMBER'], 50],
  [['admin', 'CHANGE_PASSWORD'], 8],
  [['admin', 'CREATE_USER'], 8],
  [['admin', 'ASSIGN_ROLE'], 2],
  [['admin', 'GRANT_ADMIN_PRIVILEGE'], 1],
  [['admin', 'ADD_TO_TRUSTED_OAUTH2_APPS'], 1],
  [['login', 'suspicious_login'], 1],
  [['admin', 'CHANGE_TWO_STEP_VERIFICATION_ENROLLMENT'], 1],
]);

export interface DetectEventOptions {
  count: number;
  seed: number;
  start?: Date;
  days?: number;
}

/** `count` canonical events, in time order per source; the same options always give the same events. */
export function* detectEvents(opts: DetectEventOptions): Generator<CanonicalEvent> {
  const rng = new Rng(opts.seed ^ 0xde7ec7);
  const tenant = makeTenant(opts.seed, 3000);
  const start = (opts.start ?? new Date('2026-09-01T00:00:00Z')).getTime();
  const span = (opts.days ?? 30) * DAY;
  const ualCount = Math.ceil((opts.count * 8) / 20);
  const ual = ualRecords(tenant, { seed: opts.seed, count: ualCount, start: new Date(start), days: opts.days ?? 30 });
  const mOpts = { fallbackTenant: tenant.id };
  const gOpts = { fallbackTenant: GWS_CUSTOMER };
  const gUsers = tenant.users.slice(0, 800).map((u) => ({ ...u, upn: u.upn.replace(/@.*$/, `@${GWS_DOMAIN}`) }));
  const user = (): User => (rng.chance(0.05) ? rng.pick(tenant.admins) : rng.pick(tenant.users));
  const ipOf = (u: User): string => (rng.chance(0.005) ? rng.pick(tenant.strangerIps) : rng.pick(u.ips));
  let n = 0;
  let pending: CanonicalEvent[] = [];
  for (let i = 0; n < opts.count; i++) {
    if (pending.length > 0) {
      yield pending.pop()!;
      n++;
      continue;
    }
    const ms = start + Math.floor((span * i) / opts.count);
    const time = new Date(ms).toISOString();
    const slot = SLOTS[i % SLOTS.length]!;
    if (slot === 'ual') {
      const r = ual.next();
      if (!r.done) {
        yield normaliseUalRecord(r.value, mOpts);
        n++;
        continue;
      }
    }
    if (slot === 'signin' || slot === 'ual') {
      const u = user();
      const [code, reason] = FAILURES.draw(rng);
      const [appId, appName, resource] = rng.pick(APPS);
      const tool = rng.chance(0.002);
      const rec: Obj = {
        id: rng.guid(),
        createdDateTime: time,
        userDisplayName: u.displayName,
        userPrincipalName: u.upn,
        userId: u.oid,
        appId,
        appDisplayName: appName,
        ipAddress: ipOf(u),
        clientAppUsed: CLIENT_APPS.draw(rng),
        userAgent: tool ? rng.pick(TOOL_AGENTS) : u.userAgent,
        correlationId: rng.guid(),
        conditionalAccessStatus: 'success',
        isInteractive: true,
        riskDetail: 'none',
        riskLevelAggregated: 'none',
        riskLevelDuringSignIn: rng.chance(0.001) ? 'high' : 'none',
        riskState: 'none',
        riskEventTypes_v2: [],
        resourceDisplayName: resource,
        resourceId: '00000003-0000-0000-c000-000000000000',
        status: { errorCode: code, failureReason: reason, additionalDetails: null },
        deviceDetail: { deviceId: u.device?.id ?? '', displayName: u.device?.name ?? '', operatingSystem: u.os, browser: u.browser, isCompliant: u.device !== undefined, isManaged: u.device !== undefined, trustType: u.device ? 'Azure AD joined' : '' },
        location: { city: 'Tokyo', state: 'Tokyo', countryOrRegion: 'JP', geoCoordinates: { latitude: 35.69, longitude: 139.69 } },
        appliedConditionalAccessPolicies: [],
      };
      yield normaliseSignIn(rec, mOpts);
      n++;
      continue;
    }
    if (slot === 'audit') {
      yield normaliseDirectoryAudit(directoryAudit(rng, AUDITS.draw(rng), time, user(), rng.pick(tenant.users), rng.pick(tenant.admins)), mOpts);
      n++;
      continue;
    }
    const [app, name] = GOOGLE.draw(rng);
    const u = rng.chance(0.05) ? gUsers[rng.int(4)]! : rng.pick(gUsers);
    const target = rng.pick(gUsers);
    const activity: Obj = {
      kind: 'admin#reports#activity',
      id: { time, uniqueQualifier: String(rng.u32()), applicationName: app, customerId: GWS_CUSTOMER },
      etag: '"bench"',
      actor: { email: u.upn, profileId: u.puid, callerType: 'USER' },
      ipAddress: ipOf(u),
      events: [
        app === 'login'
          ? { type: name === 'logout' ? 'logout' : 'login', name, parameters: [{ name: 'login_type', value: 'google_password' }, { name: 'is_suspicious', boolValue: name === 'suspicious_login' }] }
          : {
              type: 'USER_SETTINGS',
              name,
              parameters: [
                { name: 'USER_EMAIL', value: target.upn },
                ...(name === 'ASSIGN_ROLE' || name === 'GRANT_ADMIN_PRIVILEGE' ? [{ name: 'ROLE_NAME', value: '_SEED_ADMIN_ROLE' }, { name: 'ROLE_ID', value: '1234567890' }] : []),
                ...(name === 'CHANGE_USER_ORGANIZATION' ? [{ name: 'ORG_UNIT_NAME', value: '/Sales' }] : []),
              ],
            },
      ],
    };
    pending = normaliseGoogleActivity(activity, gOpts).reverse();
    yield pending.pop()!;
    n++;
  }
}

function directoryAudit(rng: Rng, activity: string, time: string, actor: User, target: User, admin: User): Obj {
  const id = `Directory_${rng.guid()}`;
  let targets: Obj[];
  let category = 'UserManagement';
  const userTarget = (u: User, props: Array<[string, string, string]>): Obj => ({
    id: u.oid,
    displayName: null,
    type: 'User',
    userPrincipalName: u.upn,
    modifiedProperties: props.map(([displayName, oldValue, newValue]) => ({ displayName, oldValue, newValue })),
  });
  switch (activity) {
    case 'Add member to group':
    case 'Remove member from group': {
      category = 'GroupManagement';
      const g = rng.pick(GROUPS);
      targets = [userTarget(target, [['Group.DisplayName', activity.startsWith('Add') ? '' : `"${g}"`, activity.startsWith('Add') ? `"${g}"` : '']]), { id: rng.guid(), displayName: g, type: 'Group', modifiedProperties: [] }];
      break;
    }
    case 'Update group':
      category = 'GroupManagement';
      targets = [{ id: rng.guid(), displayName: rng.pick(GROUPS), type: 'Group', modifiedProperties: [{ displayName: 'Description', oldValue: '[]', newValue: '["Team"]' }] }];
      break;
    case 'Update device':
      category = 'Device';
      targets = [{ id: rng.guid(), displayName: target.device?.name ?? 'NW-PHONE', type: 'Device', modifiedProperties: [{ displayName: 'ApproximateLastLogonTimestamp', oldValue: '[]', newValue: `["${time}"]` }] }];
      break;
    case 'Add member to role':
    case 'Remove member from role':
      category = 'RoleManagement';
      targets = [
        userTarget(activity.startsWith('Add') ? target : admin, [
          ['Role.ObjectID', '', `"${rng.guid()}"`],
          ['Role.DisplayName', '', '"Global Administrator"'],
          ['Role.TemplateId', '', `"${GLOBAL_ADMIN_TEMPLATE_ID}"`],
          ['Role.WellKnownObjectName', '', '"TenantAdmins"'],
        ]),
      ];
      break;
    case 'Add service principal credentials':
    case 'Consent to application':
      category = 'ApplicationManagement';
      targets = [{ id: rng.guid(), displayName: 'Payroll Sync', type: 'ServicePrincipal', modifiedProperties: [{ displayName: 'KeyDescription', oldValue: '[]', newValue: `["[KeyIdentifier=${rng.guid()},KeyType=Password,KeyUsage=Verify,DisplayName=bench]"]` }] }];
      break;
    case 'Update conditional access policy':
      category = 'Policy';
      targets = [{ id: rng.guid(), displayName: 'Require MFA for admins', type: 'Policy', modifiedProperties: [{ displayName: 'ConditionalAccessPolicy', oldValue: '{"state":"enabled"}', newValue: '{"state":"disabled"}' }] }];
      break;
    case 'Set domain authentication':
      category = 'DirectoryManagement';
      targets = [{ id: null, displayName: 'northwind-kk.co.jp', type: 'Other', modifiedProperties: [{ displayName: 'LiveType', oldValue: '["Managed"]', newValue: '["Federated"]' }] }];
      break;
    case 'Update user':
      targets = [userTarget(target, [['Department', '["Sales"]', '["Marketing"]'], ['Included Updated Properties', '', '"Department"']])];
      break;
    case 'Change user license':
      targets = [userTarget(target, [])];
      break;
    default:
      targets = [userTarget(target, [])];
  }
  // Changes only an administrator can make are made by one; of the others, half are self-service by
  // the user's own account. Either way one account, whose object id, UPN and address agree.
  const selfService = SELF_SERVICE.has(activity) && rng.chance(0.5);
  const who = selfService ? actor : admin;
  return {
    id,
    category,
    correlationId: rng.guid(),
    result: 'success',
    resultReason: '',
    activityDisplayName: activity,
    activityDateTime: time,
    loggedByService: 'Core Directory',
    operationType: activity.split(' ')[0],
    initiatedBy: { user: { id: who.oid, displayName: null, userPrincipalName: who.upn, ipAddress: rng.pick(who.ips), roles: [] } },
    targetResources: targets,
    additionalDetails: [{ key: 'User-Agent', value: who.userAgent }],
  };
}
