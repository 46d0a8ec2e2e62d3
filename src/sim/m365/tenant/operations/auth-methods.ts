// Security-info changes, logged by the Authentication Methods service.
import { userTarget, writeAudit } from '../audit-writer.ts';
import type { Actor, AuthMethodKind, SimAuthMethod } from '../model.ts';
import { badRequest, notFound } from '../sim-error.ts';
import type { TenantState } from '../tenant-state.ts';
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

/** The user registers a method for themselves (e.g. an attacker adding an Authenticator). */
export function registerMethod(state: TenantState, actor: Actor, at: number, userId: string, method: SimAuthMethod): void {
  const user = requireUser(state, userId);
  state.users.put({ ...user, methods: [...user.methods, method] });
  const selfService = actor.kind === 'user' && actor.id === user.id;
  writeAudit(state, actor, at, [
    {
      activity: selfService ? 'User registered security info' : 'Admin registered security info',
      category: 'UserManagement',
      service: 'Authentication Methods',
      operationType: 'Add',
      resultReason: `${selfService ? 'User' : 'Admin'} registered ${METHOD_WORDS[method.kind]}`,
      targets: [userTarget(user.id, user.userPrincipalName)],
    },
  ]);
}

/** DELETE /users/{id}/authentication/{kind}Methods/{methodId}. */
export function deleteMethod(state: TenantState, actor: Actor, at: number, userId: string, kind: AuthMethodKind, methodId: string): void {
  const user = requireUser(state, userId);
  const method = user.methods.find((m) => m.id === methodId && m.kind === kind);
  if (!method) throw notFound(methodId);
  if (method.kind === 'password') throw badRequest('The password method cannot be deleted.', 'badRequest');
  state.users.put({ ...user, methods: user.methods.filter((m) => m !== method) });
  const selfService = actor.kind === 'user' && actor.id === user.id;
  writeAudit(state, actor, at, [
    {
      activity: selfService ? 'User deleted security info' : 'Admin deleted security info',
      category: 'UserManagement',
      service: 'Authentication Methods',
      operationType: 'Delete',
      resultReason: `${selfService ? 'User' : 'Admin'} deleted ${METHOD_WORDS[method.kind]}`,
      targets: [userTarget(user.id, user.userPrincipalName)],
    },
  ]);
}
