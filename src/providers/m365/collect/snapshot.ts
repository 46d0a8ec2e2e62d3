// collectSnapshot: the tenant's state, every source with its status. With a previous snapshot and
// the users delta cursor that produced it, users come as changes only; every other source is small
// (it grows with admins, apps and policies, not with users) and is read whole each time.
import type { AuthMethod, Principal, RoleAssignment, Snapshot, SourceStatus, TenantInfo } from '../../../core/snapshot.ts';
import type { GraphClient, GraphTuning } from '../graph.ts';
import { detectLicence } from '../licence.ts';
import { isAdminRole } from '../map/roles.ts';
import type { SourceName } from '../sources.ts';
import { runSource } from '../status.ts';
import { credentialsOf, collectApplications, collectServicePrincipals } from './apps.ts';
import { collectAuthMethods } from './auth-methods.ts';
import { collectSkus, collectSubscriptions, toSubscriptions } from './billing.ts';
import { CURSOR_KEYS, type CursorStore } from './cursors.ts';
import { collectDeletedUsers } from './deleted-users.ts';
import { collectDomains } from './domains.ts';
import { collectOrganization, type OrganizationInfo } from './organization.ts';
import { collectAuthorizationPolicy, collectConditionalAccess, collectSecurityDefaults } from './policies.ts';
import { collectRoleAssignments } from './roles.ts';
import { tenantGuid, withGraph, type M365Target } from './session.ts';
import { fullUsers, isStaleDelta, usersSince, type UsersRound } from './users.ts';

export interface SnapshotOptions {
  now?: Date;
  /** The last stored snapshot: with the matching users cursor, users are read as changes since it. */
  previous?: Snapshot;
  cursors: CursorStore;
  onProgress?: (progress: { source: string; state: SourceStatus['state'] }) => void;
  http?: GraphTuning;
}

interface UsersCursor {
  deltaLink: string;
  /** collectedAt of the snapshot the delta round belongs to. */
  snapshotAt: string;
}

function readUsersCursor(value: string | undefined): UsersCursor | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as Partial<UsersCursor>;
    return typeof parsed.deltaLink === 'string' && typeof parsed.snapshotAt === 'string' ? { deltaLink: parsed.deltaLink, snapshotAt: parsed.snapshotAt } : undefined;
  } catch {
    return undefined;
  }
}

async function readUsers(graph: GraphClient, options: SnapshotOptions): Promise<UsersRound> {
  const cursor = readUsersCursor(await options.cursors.get(CURSOR_KEYS.usersDelta));
  const previous = options.previous;
  // Changes apply only to the very snapshot the delta round produced; after a crash between storing
  // the snapshot and the cursor (either order) they differ, and a full round is the safe answer.
  if (previous && cursor && cursor.snapshotAt === previous.collectedAt && previous.sources.users?.state === 'ok') {
    try {
      return await usersSince(graph, cursor.deltaLink, previous.principals);
    } catch (error) {
      if (!isStaleDelta(error)) throw error;
    }
  }
  return fullUsers(graph);
}

function tenantInfo(org: OrganizationInfo, domains: TenantInfo['domains'] | undefined): TenantInfo {
  const { verifiedDomains, ...info } = org;
  return { ...info, domains: domains ?? verifiedDomains };
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const assignmentKey = (r: RoleAssignment): string => `${r.roleTemplateId}/${r.principalId}/${r.scope ?? ''}/${r.kind}`;

export async function collectSnapshot(target: M365Target, options: SnapshotOptions): Promise<Snapshot> {
  const collectedAt = (options.now ?? new Date()).toISOString();
  return withGraph(target, options.http, async (graph) => {
    const sources: Record<string, SourceStatus> = {};
    const run = async <T>(source: SourceName, collect: () => Promise<T>): Promise<T | undefined> => {
      const result = await runSource(source, sources, collect);
      options.onProgress?.({ source, state: sources[source]?.state ?? 'error' });
      return result;
    };
    const [org, domains, users, roles, deleted, skus, subscriptions, securityDefaults, conditionalAccess, authorization, applications, servicePrincipals] =
      await Promise.all([
        run('organization', () => collectOrganization(graph)),
        run('domains', () => collectDomains(graph)),
        run('users', () => readUsers(graph, options)),
        run('roleAssignments', () => collectRoleAssignments(graph)),
        run('deletedUsers', () => collectDeletedUsers(graph)),
        run('subscribedSkus', () => collectSkus(graph)),
        run('subscriptions', () => collectSubscriptions(graph)),
        run('securityDefaults', () => collectSecurityDefaults(graph)),
        run('conditionalAccess', () => collectConditionalAccess(graph)),
        run('authorizationPolicy', () => collectAuthorizationPolicy(graph)),
        run('applications', () => collectApplications(graph)),
        run('servicePrincipals', () => collectServicePrincipals(graph)),
        // Whether the logs are readable at all (licence, permission) is part of the tenant's state.
        run('directoryAudits', () => graph.get('/auditLogs/directoryAudits?$top=1')),
        run('signIns', () => graph.get('/auditLogs/signIns?$top=1')),
      ]);

    // Principals: users (methods are re-read below, never carried over), then other role holders.
    const principals = new Map<string, Principal>();
    for (const p of users?.principals ?? []) {
      const { authMethods: _stale, ...rest } = p;
      principals.set(p.id, rest);
    }
    for (const p of roles?.principals ?? []) {
      // A user the users source could not read is still known as an admin from the role listing.
      if (!principals.has(p.id) && (p.kind !== 'user' || !users)) principals.set(p.id, p);
    }

    const adminUsers = [...new Set((roles?.assignments ?? []).filter((a) => isAdminRole(a.roleTemplateId)).map((a) => a.principalId))]
      .filter((id) => principals.get(id)?.kind === 'user')
      .sort();
    let methods: Map<string, AuthMethod[]> | undefined;
    if (roles) methods = await run('authMethods', () => collectAuthMethods(graph, adminUsers));
    else {
      sources.authMethods = { state: 'skipped', detail: 'admins are known from role assignments, which could not be read', reason: { key: 'rolesUnreadable' } };
      options.onProgress?.({ source: 'authMethods', state: 'skipped' });
    }
    for (const [id, list] of methods ?? []) {
      const p = principals.get(id);
      if (p) principals.set(id, { ...p, authMethods: list });
    }

    const licence = skus ? detectLicence(skus) : undefined;
    const signInState = sources.signIns?.state;
    if (licence && (signInState === 'ok' || signInState === 'unlicensed')) licence.signInLogs = signInState === 'ok';

    const other: Record<string, unknown> = {};
    if (domains && Object.keys(domains.federation).length > 0) other.federation = domains.federation;

    const tenant = org?.id ?? (await tenantGuid(graph));
    if (users) await options.cursors.set(CURSOR_KEYS.usersDelta, JSON.stringify({ deltaLink: users.deltaLink, snapshotAt: collectedAt } satisfies UsersCursor));
    return {
      tenant,
      provider: 'm365',
      collectedAt,
      ...(org ? { info: tenantInfo(org, domains?.domains) } : {}),
      principals: [...principals.values()].sort(byId),
      roleAssignments: (roles?.assignments ?? []).sort((a, b) => assignmentKey(a).localeCompare(assignmentKey(b))),
      deletedPrincipals: (deleted ?? []).sort(byId),
      subscriptions: subscriptions ? toSubscriptions(subscriptions, skus).sort(byId) : [],
      policies: {
        ...(securityDefaults !== undefined ? { securityDefaultsEnabled: securityDefaults } : {}),
        ...(conditionalAccess ? { conditionalAccess } : {}),
        ...(authorization ? { authorization } : {}),
        ...(Object.keys(other).length > 0 ? { other } : {}),
      },
      appCredentials: credentialsOf([...(applications ?? []), ...(servicePrincipals ?? [])]).sort((a, b) =>
        `${a.appId}/${a.kind}/${a.keyId ?? ''}`.localeCompare(`${b.appId}/${b.kind}/${b.keyId ?? ''}`),
      ),
      partners: [],
      ...(licence ? { licence } : {}),
      sources: Object.fromEntries(Object.entries(sources).sort(([a], [b]) => a.localeCompare(b))),
    };
  });
}
