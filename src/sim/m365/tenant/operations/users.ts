// User lifecycle changes and the audit rows Entra writes for them.
import { changed, includedUpdatedProperties, userTarget, writeAudit, type AuditRow } from '../audit-writer.ts';
import { PASSWORD_METHOD_ID } from '../catalog.ts';
import type { Actor, SimUser } from '../model.ts';
import { badRequest, notFound, SimError } from '../sim-error.ts';
import type { TenantState } from '../tenant-state.ts';
import { guidFor } from '../../util/ids.ts';

export interface NewUser {
  displayName: string;
  userPrincipalName: string;
  mailNickname?: string;
  accountEnabled?: boolean;
  givenName?: string | null;
  surname?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  usageLocation?: string | null;
  userType?: 'Member' | 'Guest';
}

/** Properties a PATCH may change, with the names Entra uses for them in audit records. */
const PATCHABLE: Record<string, string> = {
  accountEnabled: 'AccountEnabled',
  displayName: 'DisplayName',
  givenName: 'GivenName',
  surname: 'Surname',
  jobTitle: 'JobTitle',
  department: 'Department',
  officeLocation: 'PhysicalDeliveryOfficeName',
  mobilePhone: 'Mobile',
  usageLocation: 'UsageLocation',
  userPrincipalName: 'UserPrincipalName',
  otherMails: 'OtherMail',
};

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function checkUpn(state: TenantState, upn: string, exceptId?: string): void {
  const at = upn.lastIndexOf('@');
  const domain = upn.slice(at + 1).toLowerCase();
  if (at < 1 || !state.domains.some((d) => d.isVerified && d.id.toLowerCase() === domain)) {
    throw badRequest('The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.');
  }
  const existing = state.users.find(upn);
  if (existing && existing.id !== exceptId) {
    throw badRequest('Another object with the same value for property userPrincipalName already exists.');
  }
}

export function createUser(state: TenantState, actor: Actor, at: number, input: NewUser): SimUser {
  for (const required of ['displayName', 'userPrincipalName'] as const) {
    if (typeof input[required] !== 'string' || input[required] === '') {
      throw badRequest(`Invalid value specified for property '${required}' of resource 'User'.`);
    }
  }
  checkUpn(state, input.userPrincipalName);
  const id = guidFor(state.seed, 'created-user', state.users.positions);
  const user: SimUser = {
    id,
    displayName: input.displayName,
    givenName: input.givenName ?? null,
    surname: input.surname ?? null,
    userPrincipalName: input.userPrincipalName,
    mail: null,
    mailNickname: input.mailNickname ?? input.userPrincipalName.split('@')[0] ?? '',
    jobTitle: input.jobTitle ?? null,
    department: input.department ?? null,
    officeLocation: null,
    mobilePhone: null,
    businessPhones: [],
    preferredLanguage: null,
    usageLocation: input.usageLocation ?? null,
    accountEnabled: input.accountEnabled ?? true,
    userType: input.userType ?? 'Member',
    createdDateTime: iso(at),
    lastPasswordChangeDateTime: iso(at),
    signInSessionsValidFromDateTime: iso(at),
    assignedLicenses: [],
    otherMails: [],
    methods: [{ kind: 'password', id: PASSWORD_METHOD_ID, createdDateTime: iso(at) }],
    lastSignInDateTime: null,
    lastNonInteractiveSignInDateTime: null,
    lastSuccessfulSignInDateTime: null,
  };
  state.users.put(user);
  writeAudit(state, actor, at, [
    {
      activity: 'Add user',
      category: 'UserManagement',
      service: 'Core Directory',
      operationType: 'Add',
      targets: [
        userTarget(id, user.userPrincipalName, [
          changed('AccountEnabled', null, [user.accountEnabled]),
          changed('DisplayName', null, [user.displayName]),
          changed('UserPrincipalName', null, [user.userPrincipalName]),
          changed('UserType', null, [user.userType]),
          includedUpdatedProperties(['AccountEnabled', 'DisplayName', 'UserPrincipalName', 'UserType']),
        ]),
      ],
      additionalDetails: [{ key: 'UserType', value: user.userType }],
    },
  ]);
  return user;
}

export function requireUser(state: TenantState, idOrUpn: string): SimUser {
  const user = state.users.find(idOrUpn);
  if (!user) throw notFound(idOrUpn);
  return user;
}

/** PATCH /users/{id}: plain properties, account enabling and password resets. */
export function updateUser(state: TenantState, actor: Actor, at: number, idOrUpn: string, patch: Record<string, unknown>): SimUser {
  const before = requireUser(state, idOrUpn);
  const after: SimUser = { ...before };
  const modified = [];
  const names: string[] = [];
  let passwordReset = false;
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'passwordProfile') {
      const profile = value as { password?: unknown } | null;
      if (!profile || typeof profile.password !== 'string' || profile.password.length < 8) {
        throw badRequest('The specified password does not comply with password complexity requirements. Please provide a different password.');
      }
      passwordReset = true;
      after.lastPasswordChangeDateTime = iso(at);
      continue;
    }
    const auditName = PATCHABLE[key];
    if (!auditName) throw badRequest(`Property '${key}' is read-only and cannot be set.`, 'Request_BadRequest');
    if (key === 'accountEnabled' && typeof value !== 'boolean') throw badRequest(`Invalid value specified for property 'accountEnabled' of resource 'User'.`);
    if (key === 'userPrincipalName') checkUpn(state, String(value), before.id);
    const oldValue = (before as unknown as Record<string, unknown>)[key];
    if (JSON.stringify(oldValue) === JSON.stringify(value)) continue;
    (after as unknown as Record<string, unknown>)[key] = value;
    modified.push(changed(auditName, oldValue === null ? [] : [oldValue].flat(), [value].flat()));
    names.push(auditName);
  }
  state.users.put(after);
  const rows: AuditRow[] = [];
  if (passwordReset) {
    rows.push({ activity: 'Reset password', category: 'UserManagement', service: 'Core Directory', operationType: 'Update', targets: [userTarget(after.id, after.userPrincipalName)] });
  }
  if (patch.accountEnabled === false && before.accountEnabled) {
    rows.push({ activity: 'Disable account', category: 'UserManagement', service: 'Core Directory', operationType: 'Update', targets: [userTarget(after.id, after.userPrincipalName, [changed('AccountEnabled', [true], [false]), includedUpdatedProperties(['AccountEnabled'])])] });
  } else if (patch.accountEnabled === true && !before.accountEnabled) {
    rows.push({ activity: 'Enable account', category: 'UserManagement', service: 'Core Directory', operationType: 'Update', targets: [userTarget(after.id, after.userPrincipalName, [changed('AccountEnabled', [false], [true]), includedUpdatedProperties(['AccountEnabled'])])] });
  }
  if (modified.length > 0) {
    rows.push({
      activity: 'Update user',
      category: 'UserManagement',
      service: 'Core Directory',
      operationType: 'Update',
      targets: [userTarget(after.id, after.userPrincipalName, [...modified, includedUpdatedProperties(names), changed('TargetId.UserType', null, after.userType)])],
      additionalDetails: [{ key: 'UserType', value: after.userType }],
    });
  }
  if (rows.length > 0) writeAudit(state, actor, at, rows);
  return after;
}

/** Deleted users' UPNs get their object id (without dashes) in front while in the recycle bin. */
export function deletedUpn(user: SimUser): string {
  return `${user.id.replace(/-/g, '')}${user.userPrincipalName}`;
}

/** DELETE /users/{id}: a soft delete, restorable for 30 days. Role assignments go with the user. */
export function deleteUser(state: TenantState, actor: Actor, at: number, idOrUpn: string): void {
  const user = requireUser(state, idOrUpn);
  const assignments = state.roles.ofPrincipal(user.id);
  for (const assignment of assignments) state.roles.remove(assignment.id);
  state.users.remove(user.id);
  state.deletedUsers.set(user.id, { user, deletedDateTime: iso(at), rolesAtDeletion: assignments.map((a) => a.roleDefinitionId) });
  writeAudit(state, actor, at, [
    {
      activity: 'Delete user',
      category: 'UserManagement',
      service: 'Core Directory',
      operationType: 'Delete',
      targets: [userTarget(user.id, deletedUpn(user))],
      additionalDetails: [{ key: 'UserType', value: user.userType }],
    },
  ]);
}

/** POST /directory/deletedItems/{id}/restore. Role assignments are not brought back. */
export function restoreUser(state: TenantState, actor: Actor, at: number, id: string): SimUser {
  state.purgeExpiredDeletions();
  const deleted = state.deletedUsers.get(id);
  if (!deleted) throw notFound(id);
  if (deleted.rolesAtDeletion.length > 0 && actor.kind === 'app') {
    // Restoring a user who held admin roles needs a privileged directory role, not an app permission.
    throw new SimError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  }
  if (state.users.find(deleted.user.userPrincipalName)) {
    throw badRequest('Another object with the same value for property userPrincipalName already exists.');
  }
  state.deletedUsers.delete(id);
  state.users.put(deleted.user);
  writeAudit(state, actor, at, [
    { activity: 'Restore user', category: 'UserManagement', service: 'Core Directory', operationType: 'Update', targets: [userTarget(id, deleted.user.userPrincipalName)] },
  ]);
  return deleted.user;
}

/** POST /users/{id}/revokeSignInSessions: two rows sharing one correlationId, as seen live. */
export function revokeSessions(state: TenantState, actor: Actor, at: number, idOrUpn: string): void {
  const before = requireUser(state, idOrUpn);
  const stamp = iso(at);
  state.users.put({ ...before, signInSessionsValidFromDateTime: stamp });
  const validFrom = changed('StsRefreshTokensValidFrom', [before.signInSessionsValidFromDateTime], [stamp]);
  writeAudit(state, actor, at, [
    {
      activity: 'Update user',
      category: 'UserManagement',
      service: 'Core Directory',
      operationType: 'Update',
      targets: [userTarget(before.id, before.userPrincipalName, [validFrom, includedUpdatedProperties(['StsRefreshTokensValidFrom']), changed('TargetId.UserType', null, before.userType)])],
      additionalDetails: [{ key: 'UserType', value: before.userType }],
    },
    { activity: 'Update StsRefreshTokenValidFrom Timestamp', category: 'UserManagement', service: 'Core Directory', operationType: 'Update', targets: [userTarget(before.id, before.userPrincipalName, [validFrom])] },
  ]);
}

/** POST /users/{id}/assignLicense: "Change user license" plus "Update user" with AssignedLicense. */
export function assignLicense(state: TenantState, actor: Actor, at: number, idOrUpn: string, addSkuIds: string[], removeSkuIds: string[]): SimUser {
  const before = requireUser(state, idOrUpn);
  if (!before.usageLocation && addSkuIds.length > 0) {
    throw badRequest('License assignment cannot be done for user with invalid usage location.');
  }
  for (const skuId of addSkuIds) {
    const sku = state.skus.find((s) => s.skuId === skuId);
    if (!sku) throw badRequest(`License ${skuId} does not correspond to a valid company License.`);
    if (state.consumedUnits(skuId) >= sku.prepaidEnabled) throw badRequest('Subscription has no more available licenses.');
  }
  const licences = before.assignedLicenses.filter((l) => !removeSkuIds.includes(l.skuId));
  for (const skuId of addSkuIds) if (!licences.some((l) => l.skuId === skuId)) licences.push({ skuId, disabledPlans: [] });
  const after = { ...before, assignedLicenses: licences };
  state.users.put(after);
  const describe = (list: SimUser['assignedLicenses']): string[] =>
    list.map((l) => `[SkuName=${state.skus.find((s) => s.skuId === l.skuId)?.skuPartNumber ?? ''}, AccountId=${state.tenantId}, SkuId=${l.skuId}, DisabledPlans=[]]`);
  writeAudit(state, actor, at, [
    { activity: 'Change user license', category: 'UserManagement', service: 'Core Directory', operationType: 'Update', targets: [userTarget(after.id, after.userPrincipalName)] },
    {
      activity: 'Update user',
      category: 'UserManagement',
      service: 'Core Directory',
      operationType: 'Update',
      targets: [userTarget(after.id, after.userPrincipalName, [changed('AssignedLicense', describe(before.assignedLicenses), describe(licences)), includedUpdatedProperties(['AssignedLicense'])])],
    },
  ]);
  return after;
}

/** DELETE /directory/deletedItems/{id}: permanent removal from the recycle bin. */
export function hardDeleteUser(state: TenantState, actor: Actor, at: number, id: string): void {
  const deleted = state.deletedUsers.get(id);
  if (!deleted) throw notFound(id);
  state.deletedUsers.delete(id);
  state.users.touch(id);
  writeAudit(state, actor, at, [
    { activity: 'Hard Delete user', category: 'UserManagement', service: 'Core Directory', operationType: 'Delete', targets: [userTarget(id, deletedUpn(deleted.user))] },
  ]);
}
