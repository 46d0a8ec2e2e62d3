// Answers Graph calls: route match, token check (401), per-app throttles (429), permission (403),
// licence (403 non-premium), then the route. Refusals happen before any change, so a refused
// write leaves no audit row, as in the real service.
import { insufficientPrivileges, graphError, nonPremium, segmentNotFound, tooManyRequests, unauthorized } from './errors.ts';
import { satisfies } from './permissions.ts';
import { compileRoute, matchRoute, type CompiledRoute, type GraphContext, type GraphRoute } from './route.ts';
import { GRAPH_ROUTES } from './routes/index.ts';
import type { Principal, TokenService } from '../auth/token-service.ts';
import type { SlidingWindow } from '../faults/sliding-window.ts';
import type { IncomingCall, Reply, RequestClass } from '../http/types.ts';
import type { Actor } from '../tenant/model.ts';
import { SimError } from '../tenant/sim-error.ts';
import type { TenantState } from '../tenant/tenant-state.ts';

export interface GraphDeps {
  state: TenantState;
  tokens: TokenService;
  origin: () => string;
  throttles: () => { reporting?: SlidingWindow; conditionalAccess?: SlidingWindow; auditQueryCreation?: SlidingWindow };
}

export interface GraphMatch {
  version: 'v1.0' | 'beta';
  path: string;
  route?: GraphRoute;
  params: Record<string, string>;
  /** The route's class, or 'unknown' when nothing matched. */
  class: RequestClass;
}

const COMPILED: CompiledRoute[] = GRAPH_ROUTES.map(compileRoute);

function actorOf(principal: Principal, call: IncomingCall): Actor {
  const userAgent = typeof call.headers['user-agent'] === 'string' ? call.headers['user-agent'] : undefined;
  if (principal.kind === 'user' && principal.user) {
    return { kind: 'user', id: principal.user.id, userPrincipalName: principal.user.userPrincipalName, displayName: null, ipAddress: call.remoteAddress, userAgent };
  }
  return { kind: 'app', appId: principal.appId, displayName: principal.appDisplayName, servicePrincipalId: principal.servicePrincipalId, userAgent };
}

export class GraphService {
  constructor(private readonly deps: GraphDeps) {}

  /** Finds the route for a /v1.0 or /beta path; undefined for paths outside Graph. */
  match(call: IncomingCall): GraphMatch | undefined {
    const m = /^\/(v1\.0|beta)(\/.*)?$/.exec(call.url.pathname);
    if (!m) return undefined;
    const version = m[1] as 'v1.0' | 'beta';
    const path = m[2] ?? '/';
    for (const compiled of COMPILED) {
      const params = matchRoute(compiled, path);
      if (!params) continue;
      if (compiled.route.method === call.method) return { version, path, route: compiled.route, params, class: compiled.route.class };
    }
    return { version, path, params: {}, class: 'unknown' };
  }

  handle(call: IncomingCall, match: GraphMatch): Reply {
    const route = match.route;
    if (!route) {
      const known = COMPILED.some((c) => matchRoute(c, match.path));
      if (known) return graphError(call, 405, 'Request_BadRequest', `The HTTP method '${call.method}' is not allowed for this resource.`);
      const segment = match.path.split('/').filter(Boolean).pop() ?? '';
      return segmentNotFound(call, segment);
    }
    const principal = this.deps.tokens.check(typeof call.headers.authorization === 'string' ? call.headers.authorization : undefined);
    if (typeof principal === 'string') return unauthorized(call, principal);
    const throttled = this.throttle(call, route.class, principal);
    if (throttled) return throttled;
    let body: unknown;
    if (call.body.length > 0) {
      try {
        body = JSON.parse(call.body.toString('utf8'));
      } catch {
        return graphError(call, 400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
      }
    }
    const ctx: GraphContext = {
      call,
      state: this.deps.state,
      version: match.version,
      path: match.path,
      params: match.params,
      query: call.url.searchParams,
      principal,
      actor: actorOf(principal, call),
      serviceRoot: `${this.deps.origin()}/${match.version}`,
      body,
    };
    try {
      const rule = typeof route.permission === 'function' ? route.permission(ctx) : route.permission;
      if (!satisfies(rule, principal.permissions)) return insufficientPrivileges(call);
      const premium = typeof route.premium === 'function' ? route.premium(ctx) : (route.premium ?? false);
      if (premium && !this.deps.state.hasPremium) return nonPremium(call);
      return route.handle(ctx);
    } catch (error) {
      if (error instanceof SimError) return graphError(call, error.status, error.code, error.message);
      throw error;
    }
  }

  /** Graph's service limits that the fake enforces whatever the fault rules say. */
  private throttle(call: IncomingCall, cls: RequestClass, principal: Principal): Reply | undefined {
    const throttles = this.deps.throttles();
    const tenant = this.deps.state.tenantId;
    if (cls === 'auditLogs' && throttles.reporting && !throttles.reporting.tryTake(`${tenant}/${principal.appId}`, Date.now())) {
      return tooManyRequests(call, `${tenant}+${principal.appId}`, 'throttle.aad.ags.reporting');
    }
    if (cls === 'conditionalAccess' && throttles.conditionalAccess && !throttles.conditionalAccess.tryTake(tenant, Date.now())) {
      return tooManyRequests(call, tenant, 'throttle.aad.ags.policy.conditionalaccess');
    }
    if (cls === 'auditQueries' && call.method === 'POST' && throttles.auditQueryCreation && !throttles.auditQueryCreation.tryTake(`${tenant}/${principal.appId}`, Date.now())) {
      return tooManyRequests(call, `${tenant}+${principal.appId}`, 'throttle.security.auditlog.queries');
    }
    return undefined;
  }
}
