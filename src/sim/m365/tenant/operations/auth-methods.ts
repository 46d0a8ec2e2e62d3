// Security-info changes, logged by the Authentication Methods service.
import { userTarget, writeAudit } from '../audit-writer.ts';
import type { Actor, AuthMethodKind, SimAuthMethod } from '../model.ts';
import { badRequest, notFound } from '../sim-error.ts';
import type { TenantState } from '../tenant-state.ts';
import type { UalHint } from '../ual-records.ts';
import { requireUser } from './users.ts';

/** How the Authentication Methods service names a method in resultReason. */
const METHOD_WORDS: Record<AuthMethodKind, string> = {
  password: 'Password',
  microsoftAuthenticator: 'Authenticator App with Notification and Code',
  phone: 'Mobile Phone SMS',
  email: 'Email',
  fido2: 'FIDO2 Security Key',
  softwareOath: 'Software OATH token',
  temporaryAccessPass: 'Temporary Access Pass',
};

/** The strong-authentication property Core Directory changes for a method kind, and its value. */
function strongAuthProperty(methods: SimAuthMethod[], kind: AuthMethodKind): { name: string; value: unknown[] } {
  const of = methods.filter((m) => m.kind === kind);
  switch (kind) {
    case 'microsoftAuthenticator':
      return {
        name: 'StrongAuthenticationPhoneAppDetail',
        value: of.map((m) => ({ DeviceName: m.displayName ?? '', DeviceTag: m.deviceTag ?? 'SoftwareTokenActivated', DeviceToken: '', Id: m.id, PhoneAppVersion: m.phoneAppVersion ?? '' })),
      };
    case 'phone':
    case 'email':
      return {
        name: 'StrongAuthenticationUserDetails',
        value: [{ PhoneNumber: methods.find((m) => m.kind === 'phone')?.phoneNumber ?? null, AlternativePhoneNumber: null, Email: methods.find((m) => m.kind === 'email')?.emailAddress ?? null, VoiceOnlyPhoneNumber: null }],
      };
    default:
      return { name: 'StrongAuthenticationMethod', value: methods.filter((m) => m.kind !== 'password').map((m) => ({ MethodType: m.kind, Default: false })) };
  }
}

/** The UAL's "Update user." for a change of security info (Core Directory's view of it). */
function securityInfoUal(before: SimAuthMethod[], after: SimAuthMethod[], kind: AuthMethodKind): UalHint {
  const oldValue = strongAuthProperty(before, kind);
  const newValue = strongAuthProperty(after, kind);
  const pretty = (v: unknown): string => JSON.stringify(v, null, 2).replace(/\n/g, '\r\n');
  return {
    operation: 'Update user.',
    modifiedProperties: [
      { Name: newValue.name, NewValue: pretty(newValue.value), OldValue: pretty(oldValue.value) },
      { Name: 'Included Updated Properties', NewValue: newValue.name, OldValue: '' },
    ],
  };
}

/** The user registers a method for themselves (e.g. an attacker adding an Authenticator). */
export function registerMethod(state: TenantState, actor: Actor, at: number, userId: string, method: SimAuthMethod): void {
  const user = requireUser(state, userId);
  const methods = [...user.methods, method];
  state.users.put({ ...user, methods });
  const selfService = actor.kind === 'user' && actor.id === user.id;
  writeAudit(state, actor, at, [
    {
      activity: selfService ? 'User registered security info' : 'Admin registered security info',
      category: 'UserManagement',
      service: 'Authentication Methods',
      operationType: 'Add',
      resultReason: `${selfService ? 'User' : 'Admin'} registered ${METHOD_WORDS[method.kind]}`,
      targets: [userTarget(user.id, user.userPrincipalName)],
      ual: securityInfoUal(user.methods, methods, method.kind),
    },
  ]);
}

/** DELETE /users/{id}/authentication/{kind}Methods/{methodId}. */
export function deleteMethod(state: TenantState, actor: Actor, at: number, userId: string, kind: AuthMethodKind, methodId: string): void {
  const user = requireUser(state, userId);
  const method = user.methods.find((m) => m.id === methodId && m.kind === kind);
  if (!method) throw notFound(methodId);
  if (method.kind === 'password') throw badRequest('The password method cannot be deleted.', 'badRequest');
  const methods = user.methods.filter((m) => m !== method);
  state.users.put({ ...user, methods });
  const selfService = actor.kind === 'user' && actor.id === user.id;
  writeAudit(state, actor, at, [
    {
      activity: selfService ? 'User deleted security info' : 'Admin deleted security info',
      category: 'UserManagement',
      service: 'Authentication Methods',
      operationType: 'Delete',
      resultReason: `${selfService ? 'User' : 'Admin'} deleted ${METHOD_WORDS[method.kind]}`,
      targets: [userTarget(user.id, user.userPrincipalName)],
      ual: securityInfoUal(user.methods, methods, method.kind),
    },
  ]);
}
