// Delta queries for users and directory roles: a first round returns everything and ends with an
// @odata.deltaLink; following it returns only what changed since, with @removed for deletions
// ("changed" while the user can still be restored, "deleted" once gone for good). A delta link older
// than the tenant's delta token lifetime (7 days for directory objects) answers 400 syncStateNotFound,
// as Microsoft announced when it cut the lifetime from 30 days; the client must read everything again.
import { roleTemplate } from '../../tenant/catalog.ts';
import { evaluate } from '../odata/filter-eval.ts';
import { contextUrl, decodeToken, encodeToken, linkWith, project, readTop } from '../odata/query.ts';
import { PERMISSIONS } from '../permissions.ts';
import type { GraphContext, GraphRoute } from '../route.ts';
import { directoryRoleJson } from '../shapes/directory.ts';
import { USER_DEFAULT_PROPERTIES, userJson } from '../shapes/users.ts';
import type { Reply } from '../../http/types.ts';
import { parseFilter } from '../odata/filter-parse.ts';
import { SimError } from '../../tenant/sim-error.ts';

interface UserDeltaPage {
  /** Phase: full listing, or changes since a token. */
  ph: 'full' | 'changes';
  /** Position (full) or index into the changed ids (changes). */
  i: number;
  /** Changes after this sequence number (changes phase). */
  from: number;
  /** The sequence number the deltaLink will carry. */
  upto: number;
  select?: string[];
  filter?: string;
}

function deltaReply(ctx: GraphContext, fragment: string, value: unknown[], next: { skip?: object; delta?: object }): Reply {
  const body: Record<string, unknown> = { '@odata.context': contextUrl(ctx, fragment) };
  if (next.skip) body['@odata.nextLink'] = linkWith(ctx, ctx.path, { name: '$skiptoken', value: encodeToken(next.skip) }, false);
  if (next.delta) body['@odata.deltaLink'] = linkWith(ctx, ctx.path, { name: '$deltatoken', value: encodeToken(next.delta) }, false);
  body.value = value;
  return { status: 200, body };
}

interface DeltaToken {
  upto: number;
  /** Tenant-clock ms the link was issued. */
  at?: number;
}

/** The $deltatoken sent, refused once it has outlived the lifetime. */
function deltaToken<T extends DeltaToken>(ctx: GraphContext): T | undefined {
  const token = decodeToken<T>(ctx, '$deltatoken');
  if (token && token.at !== undefined && ctx.state.clock.now() - token.at > ctx.state.deltaTokenLifetimeMs) {
    throw new SimError(400, 'syncStateNotFound', 'The sync state generation is not found. The delta token is expired and data must be synchronized again.');
  }
  return token;
}

function pageSize(ctx: GraphContext): number {
  const prefer = /odata\.maxpagesize=(\d+)/i.exec(String(ctx.call.headers.prefer ?? ''));
  return prefer?.[1] ? Math.min(Number(prefer[1]), 999) : readTop(ctx, 100, 999);
}

function usersDelta(ctx: GraphContext): Reply {
  const skip = decodeToken<UserDeltaPage>(ctx, '$skiptoken');
  const token = deltaToken<DeltaToken & { select?: string[]; filter?: string }>(ctx);
  const select = ctx.query.get('$select')?.split(',').map((s) => s.trim()).filter(Boolean);
  const filter = ctx.query.get('$filter') ?? undefined;
  const cursor: UserDeltaPage =
    skip ??
    (token
      ? { ph: 'changes', i: 0, from: token.upto, upto: ctx.state.sequence.value, select: token.select, filter: token.filter }
      : { ph: 'full', i: 0, from: 0, upto: ctx.state.sequence.value, select, filter });
  const shape = (json: Record<string, unknown>): Record<string, unknown> => project(json, cursor.select ?? USER_DEFAULT_PROPERTIES);
  const filterNode = cursor.filter ? parseFilter(cursor.filter) : undefined;
  const size = pageSize(ctx);
  const value: Record<string, unknown>[] = [];
  let nextIndex: number | undefined;
  if (cursor.ph === 'full') {
    for (const { position, user } of ctx.state.users.walk(cursor.i)) {
      if (value.length === size) {
        nextIndex = position;
        break;
      }
      const json = userJson(user);
      if (!filterNode || evaluate(filterNode, json)) value.push(shape(json));
    }
  } else {
    const ids = ctx.state.users.changedBetween(cursor.from, cursor.upto);
    let i = cursor.i;
    for (; i < ids.length && value.length < size; i++) {
      const id = ids[i] as string;
      const user = ctx.state.users.get(id);
      if (user) value.push(shape(userJson(user)));
      else value.push({ id, '@removed': { reason: ctx.state.deletedUsers.has(id) ? 'changed' : 'deleted' } });
    }
    if (i < ids.length) nextIndex = i;
  }
  if (nextIndex !== undefined) return deltaReply(ctx, 'users', value, { skip: { ...cursor, i: nextIndex } });
  return deltaReply(ctx, 'users', value, { delta: { upto: cursor.upto, at: ctx.state.clock.now(), select: cursor.select, filter: cursor.filter } });
}

function rolesDelta(ctx: GraphContext): Reply {
  const token = deltaToken<DeltaToken>(ctx);
  const upto = ctx.state.sequence.value;
  const roles = ctx.state.roles;
  const value: Record<string, unknown>[] = [];
  const member = (id: string): Record<string, unknown> => ({
    '@odata.type': ctx.state.servicePrincipals.some((s) => s.id === id) ? '#microsoft.graph.servicePrincipal' : '#microsoft.graph.user',
    id,
  });
  for (const [templateId, objectId] of roles.activatedRoles()) {
    const template = roleTemplate(templateId);
    if (!template) continue;
    if (!token) {
      value.push({ ...directoryRoleJson(template, objectId), 'members@delta': roles.membersOf(templateId).map(member) });
      continue;
    }
    const changes = roles.changesBetween(token.upto, upto).filter((c) => c.templateId === templateId);
    if (changes.length === 0) continue;
    const last = new Map<string, boolean>();
    for (const c of changes) last.set(c.principalId, c.added);
    const members = [...last.entries()].map(([id, added]) => (added ? member(id) : { ...member(id), '@removed': { reason: 'deleted' } }));
    value.push({ ...directoryRoleJson(template, objectId), 'members@delta': members });
  }
  return deltaReply(ctx, 'directoryRoles', value, { delta: { upto, at: ctx.state.clock.now() } });
}

export const deltaRoutes: GraphRoute[] = [
  { method: 'GET', pattern: '/users/delta', class: 'users', permission: PERMISSIONS.userRead, handle: usersDelta },
  { method: 'GET', pattern: '/directoryRoles/delta', class: 'roles', permission: PERMISSIONS.roleRead, handle: rolesDelta },
];
