// Unified Audit Log records of Workload AzureActiveDirectory, shaped like the Management Activity
// API returns them: RecordType 15 sign-ins (most of any real log) and RecordType 8 directory events.
// Field order, value types and quirks (no zone on CreationTime, trailing "." on directory operations,
// JSON-in-a-string ModifiedProperties pretty-printed with \r\n, fresh system GUIDs per record) follow
// the reference notes in ../shared/reference/microsoft-graph-and-audit.md (A.3).
import { GLOBAL_ADMIN_TEMPLATE_ID, ROLE_TEMPLATES } from '../../src/providers/m365/map/roles.ts';
import { Rng, Weighted } from './prng.ts';
import type { ServicePrincipal, Tenant, User } from './tenant.ts';

export type UalRecord = Record<string, unknown> & { CreationTime: string; Id: string; Operation: string; RecordType: number; UserId: string };

type Entry = { Name: string; Value: string };
type Change = { Name: string; NewValue: string; OldValue: string };
type Ident = { ID: string; Type: number };

/** Relative frequency per 10,000 records; sign-ins dominate as they do in real tenants. */
const OPERATIONS: ReadonlyArray<readonly [string, number]> = [
  ['UserLoggedIn', 7800],
  ['UserLoginFailed', 1000],
  ['Update user.', 420],
  ['Add member to group.', 140],
  ['Update StsRefreshTokenValidFrom Timestamp.', 130],
  ['Update device.', 90],
  ['Change user license.', 80],
  ['Update group.', 70],
  ['Remove member from group.', 60],
  ['Change user password.', 30],
  ['Reset user password.', 25],
  ['Add user.', 25],
  ['Add app role assignment grant to user.', 20],
  ['Add registered owner to device.', 15],
  ['Add device.', 15],
  ['Delete user.', 15],
  ['Update service principal.', 10],
  ['Set force change user password.', 8],
  ['Add group.', 8],
  ['Update application.', 8],
  ['Add member to role.', 4],
  ['Consent to application.', 4],
  ['Remove member from role.', 3],
  ['Add service principal.', 3],
  ['Add service principal credentials.', 2],
  ['Set company information.', 1],
];

/** [client app id, resource id] pairs of everyday first-party sign-ins. */
const SIGNIN_APPS: ReadonlyArray<readonly [string, string]> = [
  ['4765445b-32c6-49b0-83e6-1d93765276ca', '4765445b-32c6-49b0-83e6-1d93765276ca'], // OfficeHome
  ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '00000003-0000-0000-c000-000000000000'], // Teams → Graph
  ['5e3ce6c0-2b1f-4285-8d4b-75ee78787346', '00000002-0000-0ff1-ce00-000000000000'], // Teams web → Exchange
  ['d3590ed6-52b3-4102-aeff-aad2292ab01c', '00000003-0000-0ff1-ce00-000000000000'], // Microsoft Office → SharePoint
  ['27922004-5251-4030-b22d-91ecd9a37ea4', '00000002-0000-0ff1-ce00-000000000000'], // Outlook Mobile → Exchange
  ['9199bf20-a13f-4107-85dc-02114787ef48', '00000002-0000-0ff1-ce00-000000000000'], // One Outlook Web
  ['29d9ed98-a469-4536-ade2-f981bc1d605e', '00000002-0000-0000-c000-000000000000'], // Auth broker → AAD Graph
  ['c44b4083-3bb0-49c1-b47d-974e53cbdf3c', '797f4846-ba00-4fd7-ba43-dac1f8f63013'], // Azure Portal → ARM
];
const REQUEST_TYPES = new Weighted<readonly [string, string]>([
  [['OAuth2:Authorize', 'Redirect'], 6],
  [['OAuth2:Token', 'Success'], 4],
  [['Login:login', 'Success'], 2],
  [['Login:reprocess', 'Success'], 1],
  [['SAS:ProcessAuth', 'Success'], 1],
  [['KmsiInterrupt:kmsi', 'Success'], 1],
]);
const LOGON_ERRORS = new Weighted<readonly [string, string]>([
  [['50140', 'KmsiInterrupt'], 6],
  [['50126', 'InvalidUserNameOrPassword'], 5],
  [['50074', 'UserStrongAuthClientAuthNRequiredInterrupt'], 4],
  [['50076', 'UserStrongAuthClientAuthNRequired'], 2],
  [['50058', 'UserInformationNotProvided'], 2],
  [['50055', 'InvalidPasswordExpiredPassword'], 0.5],
  [['50053', 'IdsLocked'], 0.5],
  [['50057', 'UserDisabled'], 0.3],
]);
const SKUS: ReadonlyArray<readonly [string, string]> = [
  ['SPE_E3', '05e9a617-0261-4cee-bb44-138d3ef5d965'],
  ['SPE_E5', '06ebc4ee-1bb5-47dd-8120-11324bc54e06'],
  ['ENTERPRISEPACK', '6fd2c87f-b296-42f0-b197-1e91e994b900'],
  ['O365_BUSINESS_PREMIUM', 'f245ecc8-75af-4f8e-b61f-27d8114de5f3'],
  ['EMS', 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e'],
  ['POWER_BI_STANDARD', 'a403ebcc-fae0-4ca2-8c8c-7a907fd6c235'],
];
const DEPARTMENTS = ['Sales', 'Engineering', 'Finance', 'HR', 'Marketing', 'Legal', 'IT', 'Support'];
const WELL_KNOWN: Record<string, string> = { [GLOBAL_ADMIN_TEMPLATE_ID]: 'TenantAdmins' };

/** A ModifiedProperties value: JSON text, pretty-printed with CRLF as the audit service writes it. */
function jtext(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\r\n');
}

function iso(ms: number): string {
  return new Date(ms - (ms % 1000)).toISOString().slice(0, 19) + 'Z';
}

export interface RecordOptions {
  seed: number;
  count: number;
  /** First record's time; later records are spread over `days` in increasing order. */
  start?: Date;
  days?: number;
}

/** Yields `count` records in time order. Lazily: ten million records never sit in memory. */
export function* ualRecords(tenant: Tenant, opts: RecordOptions): Generator<UalRecord> {
  const rng = new Rng(opts.seed);
  const ops = new Weighted(OPERATIONS);
  const start = (opts.start ?? new Date('2026-09-01T00:00:00Z')).getTime();
  const span = (opts.days ?? 30) * 86_400_000;
  const roleIds = new Map(ROLE_TEMPLATES.map((r) => [r.templateId, rng.guid()]));
  const b = new Builder(rng, tenant, roleIds);
  for (let i = 0; i < opts.count; i++) {
    // Non-decreasing: each record lands in its own slice of the span.
    const time = start + Math.floor((span * (i + rng.next())) / opts.count);
    yield b.build(ops.draw(rng), time);
  }
}

class Builder {
  constructor(
    private readonly rng: Rng,
    private readonly t: Tenant,
    private readonly roleIds: ReadonlyMap<string, string>,
  ) {}

  build(operation: string, ms: number): UalRecord {
    const creationTime = iso(ms).slice(0, 19);
    if (operation === 'UserLoggedIn' || operation === 'UserLoginFailed') return this.signIn(operation, creationTime);
    return this.directory(operation, creationTime, ms);
  }

  private signIn(operation: string, creationTime: string): UalRecord {
    const { rng, t } = this;
    const user = rng.pick(t.users);
    const failed = operation === 'UserLoginFailed';
    // A small share of failures are sprays from addresses no user owns.
    const spray = failed && rng.chance(0.15);
    const ip = spray ? rng.pick(t.strangerIps) : rng.chance(0.97) ? rng.pick(user.ips) : rng.pick(t.strangerIps);
    if (rng.chance(0.08)) user.session = rng.guid();
    const [appId, resource] = rng.pick(SIGNIN_APPS);
    const [requestType, detail] = REQUEST_TYPES.draw(rng);
    const [code, error] = spray ? (['50126', 'InvalidUserNameOrPassword'] as const) : failed ? LOGON_ERRORS.draw(rng) : (['0', ''] as const);
    const extended: Entry[] = [
      { Name: 'ResultStatusDetail', Value: detail },
      { Name: 'UserAgent', Value: user.userAgent },
      { Name: 'RequestType', Value: requestType },
    ];
    if (requestType === 'Login:login') extended.push({ Name: 'KeepMeSignedIn', Value: 'true' });
    const device: Entry[] = [];
    if (user.device) device.push({ Name: 'Id', Value: user.device.id }, { Name: 'DisplayName', Value: user.device.name }, { Name: 'TrustType', Value: '1' });
    device.push(
      { Name: 'OS', Value: user.os },
      { Name: 'BrowserType', Value: user.browser },
      { Name: 'IsCompliantAndManaged', Value: user.device ? 'True' : 'False' },
      { Name: 'SessionId', Value: user.session },
    );
    const record: UalRecord = {
      CreationTime: creationTime,
      Id: rng.guid(),
      Operation: operation,
      OrganizationId: t.id,
      RecordType: 15,
      // For STS logons this only says the request was served; the outcome is in ErrorCode/LogonError.
      ResultStatus: 'Success',
      UserKey: user.oid,
      UserType: 0,
      Version: 1,
      Workload: 'AzureActiveDirectory',
      ClientIP: ip,
      ObjectId: resource,
      UserId: user.upn,
      AzureActiveDirectoryEventType: 1,
      ExtendedProperties: extended,
      ModifiedProperties: [],
      Actor: [
        { ID: user.oid, Type: 0 },
        { ID: user.upn, Type: 5 },
      ],
      ActorContextId: t.id,
      ActorIpAddress: ip,
      InterSystemsId: rng.guid(),
      IntraSystemId: rng.guid(),
      SupportTicketId: '',
      Target: [{ ID: resource, Type: 0 }],
      TargetContextId: t.id,
      ApplicationId: appId,
      DeviceProperties: device,
      ErrorCode: code,
    };
    if (failed) record.LogonError = error;
    return record;
  }

  private directory(operation: string, creationTime: string, ms: number): UalRecord {
    const { rng, t } = this;
    // Who: an admin in the portal, or a first-party service acting on its own.
    const bySystem =
      operation === 'Update StsRefreshTokenValidFrom Timestamp.' || operation === 'Update device.' || operation === 'Change user license.'
        ? rng.chance(0.7)
        : rng.chance(0.1);
    const byUser = operation === 'Change user password.' || operation === 'Add registered owner to device.';
    const sp = bySystem ? rng.pick(t.systemActors) : undefined;
    const target = rng.pick(t.users);
    const admin = byUser ? target : rng.pick(t.admins);
    const actor: Ident[] = sp ? spIdents(sp) : userIdents(admin);
    const ip = sp || rng.chance(0.5) ? '' : rng.pick(admin.ips);
    const what = this.subject(operation, target, ms);
    return {
      CreationTime: creationTime,
      Id: rng.guid(),
      Operation: operation,
      OrganizationId: t.id,
      RecordType: 8,
      ResultStatus: 'Success',
      UserKey: sp ? `${sp.appId}@${t.initialDomain}` : `${admin.puid}@${t.initialDomain}`,
      UserType: sp ? 4 : 0,
      Version: 1,
      Workload: 'AzureActiveDirectory',
      ClientIP: ip,
      ObjectId: what.objectId,
      UserId: sp ? `ServicePrincipal_${sp.oid}` : admin.upn,
      AzureActiveDirectoryEventType: 1,
      ExtendedProperties: [
        { Name: 'additionalDetails', Value: what.details },
        { Name: 'extendedAuditEventCategory', Value: what.category },
      ],
      ModifiedProperties: what.changes,
      Actor: actor,
      ActorContextId: t.id,
      ActorIpAddress: ip,
      InterSystemsId: rng.guid(),
      IntraSystemId: rng.guid(),
      SupportTicketId: '',
      Target: what.target,
      TargetContextId: t.id,
    };
  }

  /** The object an operation acts on, and what it changed. */
  private subject(operation: string, user: User, ms: number): { objectId: string; target: Ident[]; changes: Change[]; category: string; details: string } {
    const { rng, t } = this;
    const asUser = (changes: Change[], details = '{"UserType":"Member"}') => ({
      objectId: user.upn,
      target: userIdents(user),
      changes: [...changes, { Name: 'TargetId.UserType', NewValue: 'Member', OldValue: '' }],
      category: 'User',
      details,
    });
    const included = (names: string[]): Change => ({ Name: 'Included Updated Properties', NewValue: names.join(', '), OldValue: '' });
    switch (operation) {
      case 'Update user.': {
        const kind = rng.int(5);
        if (kind === 0) {
          const [sku, id] = rng.pick(SKUS);
          const value = jtext([`[SkuName=${sku}, AccountId=${t.id}, SkuId=${id}, DisabledPlans=[]]`]);
          return asUser([{ Name: 'AssignedLicense', NewValue: value, OldValue: '[]' }, included(['AssignedLicense'])]);
        }
        if (kind === 1) {
          const methods = [
            { MethodType: 6, Default: true },
            { MethodType: 7, Default: false },
          ];
          return asUser([{ Name: 'StrongAuthenticationMethod', NewValue: jtext(methods), OldValue: jtext(methods.slice(0, 1)) }, included(['StrongAuthenticationMethod'])]);
        }
        if (kind === 2) {
          const from = rng.pick(DEPARTMENTS);
          const to = rng.pick(DEPARTMENTS);
          return asUser([{ Name: 'Department', NewValue: jtext([to]), OldValue: jtext([from]) }, included(['Department'])]);
        }
        if (kind === 3) return asUser([{ Name: 'AccountEnabled', NewValue: jtext([true]), OldValue: jtext([false]) }, included(['AccountEnabled'])]);
        return asUser([{ Name: 'StsRefreshTokensValidFrom', NewValue: jtext([iso(ms)]), OldValue: jtext([iso(ms - 86_400_000 * (1 + rng.int(300)))]) }, included(['StsRefreshTokensValidFrom'])]);
      }
      case 'Update StsRefreshTokenValidFrom Timestamp.':
        return asUser([{ Name: 'StsRefreshTokensValidFrom', NewValue: jtext([iso(ms)]), OldValue: jtext([iso(ms - 86_400_000 * (1 + rng.int(300)))]) }, included(['StsRefreshTokensValidFrom'])]);
      case 'Add user.':
        return asUser([
          { Name: 'AccountEnabled', NewValue: jtext([true]), OldValue: '[]' },
          { Name: 'DisplayName', NewValue: jtext([user.displayName]), OldValue: '[]' },
          { Name: 'UserPrincipalName', NewValue: jtext([user.upn]), OldValue: '[]' },
          { Name: 'UserType', NewValue: jtext([0]), OldValue: '[]' },
          included(['AccountEnabled', 'DisplayName', 'UserPrincipalName', 'UserType']),
        ]);
      case 'Add member to role.':
      case 'Remove member from role.': {
        const role = rng.chance(0.2) ? ROLE_TEMPLATES[0]! : rng.pick(ROLE_TEMPLATES);
        const adding = operation.startsWith('Add');
        const v = (s: string) => (adding ? { NewValue: s, OldValue: '' } : { NewValue: '', OldValue: s });
        return asUser([
          { Name: 'Role.ObjectID', ...v(this.roleIds.get(role.templateId)!) },
          { Name: 'Role.DisplayName', ...v(role.name) },
          { Name: 'Role.TemplateId', ...v(role.templateId) },
          { Name: 'Role.WellKnownObjectName', ...v(WELL_KNOWN[role.templateId] ?? role.aliases.at(-1) ?? '') },
        ]);
      }
      case 'Add member to group.':
      case 'Remove member from group.': {
        const g = rng.pick(t.groups);
        const adding = operation.startsWith('Add');
        const v = (s: string) => (adding ? { NewValue: s, OldValue: '' } : { NewValue: '', OldValue: s });
        const r = asUser([
          { Name: 'Group.ObjectID', ...v(g.id) },
          { Name: 'Group.DisplayName', ...v(g.name) },
          { Name: 'Group.WellKnownObjectName', ...v('') },
        ]);
        return { ...r, target: [...groupIdents(g), ...r.target] };
      }
      case 'Update group.':
      case 'Add group.': {
        const g = rng.pick(t.groups);
        const changes = [
          { Name: 'Description', NewValue: jtext([`${g.name} team`]), OldValue: operation === 'Add group.' ? '[]' : jtext([g.name]) },
          { Name: 'MailNickname', NewValue: jtext([g.name.toLowerCase().replace(/\s+/g, '')]), OldValue: '[]' },
          included(['Description', 'MailNickname']),
        ];
        return { objectId: g.id, target: groupIdents(g), changes, category: 'Group', details: '{}' };
      }
      case 'Update device.':
      case 'Add device.':
      case 'Add registered owner to device.': {
        // Existing devices are updated; "Add device." brings a new one.
        const d = operation === 'Add device.' ? { id: rng.guid(), name: `NW-${rng.hexUpper(7)}` } : (user.device ?? user.phone);
        const changes =
          operation === 'Add registered owner to device.'
            ? [
                { Name: 'Device.ObjectID', NewValue: d.id, OldValue: '' },
                { Name: 'Device.DisplayName', NewValue: d.name, OldValue: '' },
              ]
            : [
                { Name: 'ApproximateLastLogonTimestamp', NewValue: jtext([iso(ms)]), OldValue: jtext([iso(ms - 86_400_000 * (1 + rng.int(14)))]) },
                { Name: 'DeviceOSVersion', NewValue: jtext(['10.0.26100.2605']), OldValue: jtext(['10.0.26100.2454']) },
                included(['ApproximateLastLogonTimestamp', 'DeviceOSVersion']),
              ];
        const target = [
          { ID: `Device_${d.id}`, Type: 2 },
          { ID: d.id, Type: 2 },
          { ID: 'Device', Type: 2 },
          { ID: d.name, Type: 1 },
        ];
        return { objectId: d.id, target, changes, category: 'Device', details: '{}' };
      }
      case 'Set company information.': {
        const mails = jtext([`it-security@${t.domain}`]);
        return {
          objectId: t.id,
          target: [
            { ID: t.id, Type: 2 },
            { ID: 'Company', Type: 2 },
            { ID: t.name, Type: 1 },
          ],
          changes: [{ Name: 'TechnicalNotificationMails', NewValue: mails, OldValue: jtext([`admin@${t.domain}`]) }, included(['TechnicalNotificationMails'])],
          category: 'Company',
          details: '{}',
        };
      }
      case 'Update service principal.':
      case 'Add service principal.':
      case 'Add service principal credentials.':
      case 'Update application.':
      case 'Consent to application.':
      case 'Add app role assignment grant to user.': {
        const app = rng.pick(t.apps);
        const changes =
          operation === 'Add service principal credentials.'
            ? [
                {
                  Name: 'KeyDescription',
                  NewValue: jtext([`[KeyIdentifier=${rng.guid()},KeyType=Password,KeyUsage=Verify,DisplayName=${app.name} secret]`]),
                  OldValue: '[]',
                },
                included(['KeyDescription']),
              ]
            : operation === 'Consent to application.'
              ? [
                  { Name: 'ConsentContext.IsAdminConsent', NewValue: 'False', OldValue: '' },
                  { Name: 'ConsentAction.Permissions', NewValue: `[] => [[Id: ${rng.guid()}, ClientId: ${app.oid}, Scope:  User.Read offline_access]]; `, OldValue: '' },
                ]
              : [{ Name: 'AppAddress', NewValue: jtext([{ AddressType: 0, Address: `https://${app.name.toLowerCase().replace(/\s+/g, '')}.example.com/auth` }]), OldValue: '[]' }, included(['AppAddress'])];
        const target = [
          { ID: `ServicePrincipal_${app.oid}`, Type: 2 },
          { ID: app.oid, Type: 2 },
          { ID: 'ServicePrincipal', Type: 2 },
          { ID: app.name, Type: 1 },
          { ID: app.appId, Type: 2 },
          { ID: app.appId, Type: 4 },
        ];
        return { objectId: app.appId, target, changes, category: operation === 'Update application.' ? 'Application' : 'ServicePrincipal', details: '{}' };
      }
      default:
        // Password resets, user deletion, licence changes: the record names the user and little else.
        return asUser([], operation === 'Reset user password.' ? '{"UserType":"Member","PasswordResetBy":"Admin"}' : '{"UserType":"Member"}');
    }
  }
}

function userIdents(u: User): Ident[] {
  return [
    { ID: `User_${u.oid}`, Type: 2 },
    { ID: u.oid, Type: 2 },
    { ID: 'User', Type: 2 },
    { ID: u.upn, Type: 5 },
    { ID: u.puid, Type: 3 },
  ];
}

function spIdents(sp: ServicePrincipal): Ident[] {
  return [
    { ID: sp.name, Type: 1 },
    { ID: `ServicePrincipal_${sp.oid}`, Type: 2 },
    { ID: sp.oid, Type: 2 },
    { ID: 'ServicePrincipal', Type: 2 },
    { ID: sp.appId, Type: 2 },
  ];
}

function groupIdents(g: { id: string; name: string }): Ident[] {
  return [
    { ID: `Group_${g.id}`, Type: 2 },
    { ID: g.id, Type: 2 },
    { ID: 'Group', Type: 2 },
    { ID: g.name, Type: 1 },
  ];
}
