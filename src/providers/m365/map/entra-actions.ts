// Entra directory audit `activityDisplayName` (Graph) / `OperationName` (Log Analytics) → canonical action.
// Names come from Microsoft's audit activity reference and from real exports; a few generic activities
// ("Update user", "Set Company Information", …) are refined by the properties they changed.
import type { Action } from '../../../core/actions.ts';
import type { Change } from '../../../core/event.ts';

// ---------------------------------------------------------------------------------------------------
// Name and value helpers (shared with the UAL mapping)

/**
 * Real names carry trailing spaces, an EN DASH where the docs have a hyphen
 * ("Update application – Certificates and secrets management ") and vary in case between sources.
 */
export function normalizeActivityName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Parses a modified-property value leniently: sources write JSON text (`"[true]"`, `"[\"Federated\"]"`),
 * sometimes JSON-encoded twice, sometimes plain text (`False`). Unparseable text is returned as is.
 */
export function parseChangeValue(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return undefined;
  let value: unknown = text;
  for (let depth = 0; depth < 3 && typeof value === 'string'; depth++) {
    const s = value.trim();
    if (s === '') return '';
    try {
      value = JSON.parse(s);
    } catch {
      return s;
    }
  }
  return value;
}

/** `[x]` → `x`, repeatedly: most single values are written as one-element arrays. */
export function unwrapSingle(value: unknown): unknown {
  let v = value;
  while (Array.isArray(v) && v.length === 1) v = v[0] as unknown;
  return v;
}

/** Reads true/false from `true`, `"[false]"`, `"False"`, `"$false"`, `0`/`1`; anything else is undefined. */
export function asBoolean(value: unknown): boolean | undefined {
  const v = unwrapSingle(typeof value === 'string' ? parseChangeValue(value) : value);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 0 ? false : v === 1 ? true : undefined;
  if (typeof v === 'string') {
    // Text that is not valid JSON, such as `[False]` or `'$false'`.
    const s = v
      .replace(/^[\s["']+|[\s\]"']+$/g, '')
      .replace(/^\$/, '')
      .toLowerCase();
    if (s === 'true' || s === '1') return true;
    if (s === 'false' || s === '0') return false;
  }
  return undefined;
}

function isEmptyValue(value: unknown): boolean {
  const v = unwrapSingle(value);
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.every((x) => isEmptyValue(x));
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

const lc = (s: string): string => s.trim().toLowerCase();

/** A comparable, lower-case text form of a single value (`"[\"Guest\"]"` → `guest`). */
function valueText(text: string | null | undefined): string {
  const v = unwrapSingle(parseChangeValue(text));
  if (v === undefined || v === null) return '';
  return lc(typeof v === 'string' ? v : JSON.stringify(v));
}

/**
 * The property names a record touched: the changes themselves plus the names Entra lists in
 * "Included Updated Properties" (some records carry only that list, not the values).
 */
function touchedNames(changes: readonly Change[]): Set<string> {
  const names = new Set<string>();
  for (const c of changes) {
    const n = lc(c.name);
    if (n === 'included updated properties') {
      const listed = unwrapSingle(parseChangeValue(c.new));
      const text = Array.isArray(listed) ? listed.join(',') : typeof listed === 'string' ? listed : '';
      for (const p of text.split(/[,\s]+/)) if (p) names.add(lc(p));
    } else {
      names.add(n);
    }
  }
  return names;
}

function findChange(changes: readonly Change[], ...names: string[]): Change | undefined {
  const wanted = new Set(names.map(lc));
  return changes.find((c) => wanted.has(lc(c.name)));
}

function touchesAny(touched: ReadonlySet<string>, ...names: string[]): boolean {
  return names.some((n) => touched.has(lc(n)));
}

// ---------------------------------------------------------------------------------------------------
// The table

const TABLE: ReadonlyArray<readonly [string, Action]> = [
  // users
  ['Add user', 'user.created'],
  ['Viral user creation', 'user.created'],
  ['Update user', 'user.updated'], // refined below
  ['Delete user', 'user.deleted'],
  ['Hard Delete user', 'user.deleted'],
  ['Restore user', 'user.restored'],
  ['Disable account', 'user.disabled'],
  ['Enable account', 'user.enabled'],
  ['Convert federated user to managed', 'user.updated'],
  ['Invite external user', 'user.guest.invited'],
  ['Invite external user with reset invitation status', 'user.guest.invited'],
  ['Invite internal user to B2B collaboration', 'user.guest.invited'],

  // passwords
  ['Reset user password', 'password.reset'],
  ['Reset password', 'password.reset'],
  ['Reset password (by admin)', 'password.reset'],
  ['Admin started password reset', 'password.reset'],
  ['Reset password (self-service)', 'password.reset'],
  ['Change user password', 'password.changed'],
  ['Change password (self-service)', 'password.changed'],
  // Forces a change at next sign-in; the credential itself is not replaced by this record.
  ['Set force change user password', 'user.updated'],

  // sessions
  ['Update StsRefreshTokenValidFrom Timestamp', 'session.revoked'],

  // per-user MFA and authentication methods
  ['Disable Strong Authentication', 'mfa.disabled'],
  ['Enable Strong Authentication', 'mfa.enabled'],
  ['Add bypass user', 'mfa.disabled'],
  ['User registered security info', 'auth.method.registered'],
  ['User registered all required security info', 'auth.method.registered'],
  ['User changed default security info', 'auth.method.changed'],
  ['User updated security info', 'auth.method.changed'],
  ['User deleted security info', 'auth.method.removed'],
  ['Admin registered security info', 'auth.method.registered'], // refined below (TAP)
  ['Admin updated security info', 'auth.method.changed'],
  ['Admin deleted security info', 'auth.method.removed'],
  ['Add users strong authentication phone app detail', 'auth.method.registered'],
  ['Remove users strong authentication phone app detail', 'auth.method.removed'],
  // App passwords sign in without MFA.
  ['Create application password for user', 'auth.method.registered'],
  ['Delete application password for user', 'auth.method.removed'],
  ['Add FIDO2 security key', 'auth.method.registered'],
  ['Delete FIDO2 security key(s)', 'auth.method.removed'],
  ['Delete FIDO2 security key', 'auth.method.removed'],
  ['Add passwordless phone sign-in credential', 'auth.method.registered'],
  ['Delete passwordless phone sign-in credential', 'auth.method.removed'],
  ['Add Windows Hello for Business credential', 'auth.method.registered'],
  ['Delete Windows Hello for Business credential', 'auth.method.removed'],
  ['Add platform credential', 'auth.method.registered'],
  ['Delete platform credential', 'auth.method.removed'],
  ['Assign Hardware Oath Token', 'auth.method.registered'],
  ['Security info saved for self-service password reset', 'recovery.contact.changed'],

  // directory roles
  ['Add member to role', 'role.assigned'],
  ['Add eligible member to role', 'role.assigned'],
  ['Add scoped member to role', 'role.assigned'],
  ['Add member to role scoped over Restricted Management Administrative Unit', 'role.assigned'],
  ['Add role assignment to role definition', 'role.assigned'],
  ['Add EligibleRoleAssignment to RoleDefinition', 'role.assigned'],
  ['Remove member from role', 'role.unassigned'],
  ['Remove eligible member from role', 'role.unassigned'],
  ['Remove scoped member from role', 'role.unassigned'],
  ['Remove member from role scoped over Restricted Management Administrative Unit', 'role.unassigned'],
  ['Remove role assignment from role definition', 'role.unassigned'],
  ['Remove EligibleRoleAssignment from RoleDefinition', 'role.unassigned'],
  ['Add role definition', 'role.definition.changed'],
  ['Add role from template', 'role.definition.changed'],
  ['Update role definition', 'role.definition.changed'],
  ['Delete role definition', 'role.definition.changed'],
  ['Update role', 'role.definition.changed'],

  // PIM: only completed operations change who holds a role; requests, approvals and cancellations
  // are kept as pim.changed so that one assignment is not counted twice.
  ['Add member to role completed (PIM activation)', 'role.assigned'],
  ['Add member to role in PIM completed (permanent)', 'role.assigned'],
  ['Add member to role in PIM completed (timebound)', 'role.assigned'],
  ['Add eligible member to role in PIM completed (permanent)', 'role.assigned'],
  ['Add eligible member to role in PIM completed (timebound)', 'role.assigned'],
  ['Add member to role outside of PIM (permanent)', 'role.assigned'],
  ['Restore member from role', 'role.assigned'],
  ['Restore member from role in PIM completed', 'role.assigned'],
  ['Restore eligible member from role in PIM completed', 'role.assigned'],
  ['Restore permanent direct role assignment', 'role.assigned'],
  ['Restore permanent eligible role assignment', 'role.assigned'],
  ['Add eligible member (permanent)', 'role.assigned'],
  ['Add eligible member (eligible)', 'role.assigned'],
  ['Remove member from role (PIM activation expired)', 'role.unassigned'],
  ['Remove member from role completed (PIM deactivate)', 'role.unassigned'],
  ['Remove member from role in PIM completed (permanent)', 'role.unassigned'],
  ['Remove member from role in PIM completed (timebound)', 'role.unassigned'],
  ['Remove eligible member from role in PIM completed (permanent)', 'role.unassigned'],
  ['Remove eligible member from role in PIM completed (timebound)', 'role.unassigned'],
  ['Remove permanent direct role assignment', 'role.unassigned'],
  ['Remove permanent eligible role assignment', 'role.unassigned'],
  ['Remove eligible member (permanent)', 'role.unassigned'],
  ['Remove eligible member (eligible)', 'role.unassigned'],
  ['Add member to role requested (PIM activation)', 'pim.changed'],
  ['Add member to role approval requested (PIM activation)', 'pim.changed'],
  ['Add member to role request approved (PIM activation)', 'pim.changed'],
  ['Add member to role in PIM requested (permanent)', 'pim.changed'],
  ['Add member to role in PIM requested (timebound)', 'pim.changed'],
  ['Add member to role in PIM requested (renew)', 'pim.changed'],
  ['Add eligible member to role in PIM requested (permanent)', 'pim.changed'],
  ['Add eligible member to role in PIM requested (timebound)', 'pim.changed'],
  ['Add eligible member to role in PIM requested (renew)', 'pim.changed'],
  ['Approve request - direct role assignment', 'pim.changed'],
  ['Update member in PIM approved by admin (extend/renew)', 'pim.changed'],
  ['Update role setting in PIM', 'pim.changed'],
  ['Update PIM alert setting', 'pim.changed'],
  ['Disable PIM alert', 'pim.changed'],
  ['Deactivate PIM alert', 'pim.changed'],
  ['Resolve PIM alert', 'pim.changed'],
  ['PIM policy removed', 'pim.changed'],
  ['Offboarded resource from PIM', 'pim.changed'],
  ['Tenant offboarded from PIM', 'pim.changed'],

  // groups (role-assignable groups hold roles)
  ['Add member to group', 'group.member.added'],
  ['Remove member from group', 'group.member.removed'],

  // Azure root elevation
  ['User has elevated their access to User Access Administrator for their Azure Resources', 'access.elevated'],
  ['Assigns the caller to user access admin', 'access.elevated'],
  ['MICROSOFT.AUTHORIZATION/ELEVATEACCESS/ACTION', 'access.elevated'],

  // tenant: company information, partners, deletion
  ['Set Company Information', 'tenant.settings.changed'], // refined below
  // UAL-only friendly name, also accepted here without its trailing dot.
  ['Set company contact information', 'tenant.contacts.changed'],
  ['Update company', 'tenant.settings.changed'],
  ['Update company settings', 'tenant.settings.changed'],
  ['Create company settings', 'tenant.settings.changed'],
  ['Delete company settings', 'tenant.settings.changed'],
  ['Set directory feature on tenant', 'tenant.settings.changed'],
  ['Set DirSyncEnabled flag', 'tenant.settings.changed'],
  ['Set DirSync feature', 'tenant.settings.changed'],
  ['Enable password writeback for directory', 'tenant.settings.changed'],
  ['Disable password writeback for directory', 'tenant.settings.changed'],
  ['Add partner to company', 'partner.added'],
  ['Set Partnership', 'partner.added'],
  ['Remove partner from company', 'partner.removed'],
  ['Add a partner to cross-tenant access setting', 'partner.added'],
  ['Create a partner cross-tenant identity sync setting', 'partner.added'],
  ['Delete partner specific cross-tenant access setting', 'partner.removed'],
  ['Delete a partner cross-tenant identity sync setting', 'partner.removed'],
  ['Update a partner cross-tenant access setting', 'policy.authorization.changed'],
  ['Update a partner cross-tenant identity sync setting', 'policy.authorization.changed'],
  ['Update the company default cross-tenant access setting', 'policy.authorization.changed'],
  ['Reset the cross-tenant access default setting', 'policy.authorization.changed'],
  ['Directory scheduled for deletion (UserRequest)', 'tenant.deleted'],
  ['Directory scheduled for deletion (Lifecycle)', 'tenant.deleted'],
  ['Directory deleted', 'tenant.deleted'],
  ['Directory deleted permanently', 'tenant.deleted'],

  // licences and subscriptions (purchases leave no audit row: they are found by snapshot diffs)
  ['Change user license', 'license.changed'],
  ['Set license properties', 'license.changed'],
  ['Set group license', 'license.changed'],
  ['Start applying group based license to users', 'license.changed'],
  ['Finish applying group based license to user', 'license.changed'],
  ['Trigger group license recalculation', 'license.changed'],
  ['Delete subscription', 'license.changed'],

  // domains and federation
  ['Add unverified domain', 'domain.added'],
  ['Add verified domain', 'domain.added'],
  ['Verify domain', 'domain.verified'],
  ['Verify email verified domain', 'domain.verified'],
  ['Remove verified domain', 'domain.removed'],
  ['Remove unverified domain', 'domain.removed'],
  ['Update domain', 'domain.updated'],
  ['Promote sub domain to root domain', 'domain.updated'],
  ['Set domain authentication', 'domain.federated'], // refined below
  ['Set federation settings on domain', 'domain.federated'],

  // authentication and authorization policy
  ['Set password policy', 'policy.auth.changed'],
  ['Authentication Methods Policy Update', 'policy.auth.changed'],
  ['Authentication Methods Policy Reset', 'policy.auth.changed'],
  ['Authentication Strength Policy Create', 'policy.auth.changed'],
  ['Authentication Strength Policy Update', 'policy.auth.changed'],
  ['Authentication Strength Policy Delete', 'policy.auth.changed'],
  ['Update User Risk and MFA Registration Policy', 'policy.auth.changed'],
  ['Update Sign-In Risk Policy', 'policy.auth.changed'],
  ['Update IdentityProtectionPolicy', 'policy.auth.changed'],
  ['Set device registration policies', 'policy.auth.changed'],
  ['Add CertificationBasedAuthConfiguration', 'policy.auth.changed'],
  ['Delete CertificationBasedAuthConfiguration', 'policy.auth.changed'],
  ['Enable passthrough authentication', 'policy.auth.changed'],
  ['Disable passthrough authentication', 'policy.auth.changed'],
  ['Enable Desktop Sso', 'policy.auth.changed'],
  ['Disable Desktop Sso', 'policy.auth.changed'],
  ['Update security defaults', 'policy.security_defaults.changed'],
  ['Update authorization policy', 'policy.authorization.changed'],
  ['Add permission grant policy', 'policy.authorization.changed'],
  ['Update permission grant policy', 'policy.authorization.changed'],
  ['Delete permission grant policy', 'policy.authorization.changed'],

  // Conditional Access
  ['Add conditional access policy', 'policy.ca.changed'],
  ['Update conditional access policy', 'policy.ca.changed'],
  ['Delete conditional access policy', 'policy.ca.changed'],
  ['Add named location', 'policy.ca.changed'],
  ['Update named location', 'policy.ca.changed'],
  ['Delete named location', 'policy.ca.changed'],
  ['Add AuthenticationContextClassReference', 'policy.ca.changed'],
  ['Update AuthenticationContextClassReference', 'policy.ca.changed'],
  ['Delete AuthenticationContextClassReference', 'policy.ca.changed'],
  ['Update continuous access evaluation', 'policy.ca.changed'],
  // Core Directory's generic policy activities: CA when PolicyDetail is a CA policy (refined below).
  ['Add policy', 'tenant.settings.changed'],
  ['Update policy', 'tenant.settings.changed'],
  ['Delete policy', 'tenant.settings.changed'],

  // applications and consent
  ['Add application', 'app.created'],
  ['Add service principal', 'app.created'],
  ['Update application', 'app.updated'], // refined below
  ['Update service principal', 'app.updated'], // refined below
  ['Update application – Certificates and secrets management', 'app.credential.added'], // refined below
  ['Add service principal credentials', 'app.credential.added'],
  ['Remove service principal credentials', 'app.credential.removed'],
  ['Add owner to application', 'app.owner.added'],
  ['Add owner to service principal', 'app.owner.added'],
  ['Consent to application', 'consent.granted'],
  ['Add delegated permission grant', 'consent.granted'],
  ['Add app role assignment to service principal', 'consent.granted'],
  ['Grant contextual consent to application', 'consent.granted'],

  // devices
  ['Register device', 'device.registered'],
  ['Add device', 'device.registered'],
  ['Add registered owner to device', 'device.registered'],
  ['Add registered users to device', 'device.registered'],

  // sign-ins and risk (Log Analytics SigninLogs rows; Identity Protection admin actions)
  ['Sign-in activity', 'signin'],
  ['ConfirmAccountCompromised', 'risk.detected'],
  ['ConfirmCompromised', 'risk.detected'],
  ['ConfirmServicePrincipalCompromised', 'risk.detected'],
];

/** Every mapped activity, spelled as Microsoft documents or logs it, with its base (unrefined) action. */
export const ENTRA_ACTIONS: ReadonlyMap<string, Action> = new Map(TABLE);

/**
 * Identity Protection `riskEventType` values (riskDetections, sign-in `riskEventTypes_v2`): an importer of
 * risk detections passes the type as the activity.
 */
export const ENTRA_RISK_EVENT_TYPES: ReadonlySet<string> = new Set([
  'unfamiliarFeatures',
  'anonymizedIPAddress',
  'unlikelyTravel',
  'impossibleTravel',
  'mcasImpossibleTravel',
  'newCountry',
  'leakedCredentials',
  'passwordSpray',
  'anomalousToken',
  'tokenIssuerAnomaly',
  'attemptedPrtAccess',
  'maliciousIPAddress',
  'malwareInfectedIPAddress',
  'suspiciousIPAddress',
  'riskyIPAddress',
  'nationStateIP',
  'suspiciousBrowser',
  'suspiciousInboxForwarding',
  'mcasSuspiciousInboxManipulationRules',
  'suspiciousAPITraffic',
  'suspiciousSendingPatterns',
  'anomalousUserActivity',
  'userReportedSuspiciousActivity',
  'mfaFraud',
  'investigationsThreatIntelligence',
  'investigationsThreatIntelligenceSigninLinked',
  'adminConfirmedUserCompromised',
  'generic',
]);

/** Activities whose action depends on the changed properties or the result detail. */
export const ENTRA_REFINED_ACTIVITIES: ReadonlySet<string> = new Set([
  'Update user',
  'Set Company Information',
  'Admin registered security info',
  'Set domain authentication',
  'Update application',
  'Update service principal',
  'Update application – Certificates and secrets management',
  'Add policy',
  'Update policy',
  'Delete policy',
]);

/** Looks names up after normalisation; a name listed twice is a programming error, caught at load. */
export function buildNameIndex(table: ReadonlyArray<readonly [string, Action]>, what: string): ReadonlyMap<string, Action> {
  const m = new Map<string, Action>();
  for (const [name, action] of table) {
    const key = normalizeActivityName(name);
    if (m.has(key)) throw new Error(`${what}: "${name}" is listed twice`);
    m.set(key, action);
  }
  return m;
}

const index = buildNameIndex(TABLE, 'Entra activity table');
const riskIndex: ReadonlySet<string> = new Set([...ENTRA_RISK_EVENT_TYPES].map(normalizeActivityName));

// ---------------------------------------------------------------------------------------------------
// Refinements

type Refiner = (base: Action, changes: readonly Change[], detail: string | undefined) => Action;

function refineUpdateUser(_base: Action, changes: readonly Change[]): Action {
  const touched = touchedNames(changes);
  const enabled = findChange(changes, 'AccountEnabled');
  const enabledNow = enabled ? asBoolean(enabled.new) : undefined;
  if (enabledNow === false) return 'user.disabled';

  const requirement = findChange(changes, 'StrongAuthenticationRequirement');
  if (requirement) {
    const mfa = mfaRequirementChange(requirement);
    if (mfa) return mfa;
  }
  if (touchesAny(touched, 'SourceAnchor', 'ImmutableId', 'OnPremisesImmutableId')) return 'user.anchor.changed';

  const userType = findChange(changes, 'UserType');
  if (userType && valueText(userType.old) !== valueText(userType.new)) return 'user.type.changed';
  if (touchesAny(touched, 'StrongAuthenticationMethod', 'StrongAuthenticationUserDetails', 'StrongAuthenticationPhoneAppDetail')) {
    return 'auth.method.changed';
  }
  if (touchesAny(touched, 'otherMails', 'Mobile', 'AlternativeSecurityId')) return 'recovery.contact.changed';
  if (enabledNow === true) return 'user.enabled';
  if (touchesAny(touched, 'StsRefreshTokensValidFrom')) return 'session.revoked';
  if (touchesAny(touched, 'AssignedLicense', 'AssignedPlan')) return 'license.changed';
  return 'user.updated';
}

const REQUIREMENT_STATES: Readonly<Record<string, number>> = { disabled: 0, enabled: 1, enforced: 2 };

/** Highest per-user MFA state in a StrongAuthenticationRequirement value; undefined if there is none. */
function maxRequirementState(text: string | null | undefined): number | undefined {
  const v = parseChangeValue(text);
  const items = Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v];
  let max: number | undefined;
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    const raw = (item as Record<string, unknown>)['State'] ?? (item as Record<string, unknown>)['state'];
    const state = typeof raw === 'number' ? raw : typeof raw === 'string' ? (REQUIREMENT_STATES[lc(raw)] ?? Number(raw)) : NaN;
    if (Number.isFinite(state)) max = Math.max(max ?? 0, state);
  }
  return max;
}

function mfaRequirementChange(c: Change): Action | undefined {
  const now = maxRequirementState(c.new) ?? 0;
  // A null old value (Graph writes one) counts as unknown, not as "was off".
  const before = c.old === undefined || c.old === null ? undefined : (maxRequirementState(c.old) ?? 0);
  if (now === 0) return before === 0 ? undefined : 'mfa.disabled';
  return before === undefined || before < now ? 'mfa.enabled' : undefined;
}

function refineCompanyInformation(base: Action, changes: readonly Change[]): Action {
  const touched = [...touchedNames(changes)];
  const contact = touched.some(
    (n) =>
      n.startsWith('technicalnotificationmail') ||
      n.startsWith('securitycompliancenotification') ||
      n.startsWith('marketingnotificationemail'),
  );
  // Notification contacts first: losing them is how the takeover in the founding case stayed unnoticed.
  if (contact) return 'tenant.contacts.changed';
  if (touched.some((n) => n === 'strongauthenticationpolicy' || n === 'trustedcasforpasswordlessauth')) return 'policy.auth.changed';
  return base;
}

function refineSecurityInfo(base: Action, changes: readonly Change[], detail: string | undefined): Action {
  if (detail && /temporary\s*access\s*pass/i.test(detail)) return 'auth.tap.issued';
  if (changes.some((c) => lc(c.name).startsWith('temporaryaccesspass'))) return 'auth.tap.issued';
  return base;
}

function refineDomainAuthentication(base: Action, changes: readonly Change[]): Action {
  const named = findChange(changes, 'LiveType', 'AuthenticationType', 'Authentication', 'DomainAuthentication');
  for (const c of named ? [named, ...changes] : changes) {
    const v = unwrapSingle(parseChangeValue(c.new));
    if (typeof v !== 'string') continue;
    if (/federated/i.test(v)) return 'domain.federated';
    if (/managed/i.test(v)) return 'domain.updated';
  }
  // Unknown direction: keep the alarming reading, the record is rare and worth a look.
  return base;
}

/** Compares old and new credential lists: added beats removed; no change in the lists means no credential change. */
function credentialChange(changes: readonly Change[]): Action | undefined {
  const touched = touchedNames(changes);
  const names = ['FederatedIdentityCredentials', 'KeyDescription', 'KeyCredentials', 'PasswordCredentials'];
  if (!touchesAny(touched, ...names)) return undefined;
  const c = findChange(changes, ...names);
  if (!c || ((c.old === undefined || c.old === null) && (c.new === undefined || c.new === null))) return 'app.credential.added';
  const list = (text: string | null | undefined): Set<string> => {
    const v = parseChangeValue(text);
    const items = Array.isArray(v) ? v : isEmptyValue(v) ? [] : [v];
    return new Set(items.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))));
  };
  const before = list(c.old);
  const after = list(c.new);
  if ([...after].some((x) => !before.has(x))) return 'app.credential.added';
  if ([...before].some((x) => !after.has(x))) return 'app.credential.removed';
  return undefined;
}

function refineApplication(base: Action, changes: readonly Change[]): Action {
  return credentialChange(changes) ?? base;
}

function refinePolicy(base: Action, changes: readonly Change[]): Action {
  for (const c of changes) {
    const n = lc(c.name);
    if (n === 'conditionalaccesspolicy') return 'policy.ca.changed';
    if (n !== 'policydetail') continue;
    // Values are JSON nested in JSON: drop the escaping and look for a CA policy's shape.
    const text = `${c.old ?? ''} ${c.new ?? ''}`.replace(/\\+/g, '');
    if (/"conditions"\s*:/i.test(text) && /"(controls|grantcontrols|sessioncontrols)"\s*:/i.test(text)) return 'policy.ca.changed';
  }
  return base;
}

const REFINERS: ReadonlyMap<string, Refiner> = new Map<string, Refiner>([
  ['update user', refineUpdateUser],
  ['set company information', refineCompanyInformation],
  ['admin registered security info', refineSecurityInfo],
  ['set domain authentication', refineDomainAuthentication],
  ['update application', refineApplication],
  ['update service principal', refineApplication],
  [normalizeActivityName('Update application – Certificates and secrets management'), refineApplication],
  ['add policy', refinePolicy],
  ['update policy', refinePolicy],
  ['delete policy', refinePolicy],
]);

/**
 * @param activity the record's activityDisplayName (or LA `OperationName`), exactly as written
 * @param changes the record's modified properties (names and JSON-text values as in the source)
 * @param detail free text that some refinements need: the record's resultReason and additionalDetails values
 */
export function entraAction(activity: string, changes: readonly Change[] = [], detail?: string): Action {
  const key = normalizeActivityName(activity);
  const base = index.get(key);
  if (base === undefined) {
    if (riskIndex.has(key)) return 'risk.detected';
    if (key.startsWith('user has elevated their access to user access administrator')) return 'access.elevated';
    return 'other';
  }
  const refine = REFINERS.get(key);
  return refine ? refine(base, changes, detail) : base;
}
