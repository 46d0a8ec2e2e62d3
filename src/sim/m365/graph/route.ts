// A Graph route: where it lives, what it needs (permission, licence), and how it answers.
import type { Actor } from '../tenant/model.ts';
import type { TenantState } from '../tenant/tenant-state.ts';
import type { Principal } from '../auth/token-service.ts';
import type { IncomingCall, Reply, RequestClass } from '../http/types.ts';
import type { PermissionRule } from './permissions.ts';

export interface GraphContext {
  call: IncomingCall;
  state: TenantState;
  version: 'v1.0' | 'beta';
  /** Path after the version segment, e.g. "/users/abc". */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  principal: Principal;
  actor: Actor;
  /** https://127.0.0.1:PORT/v1.0 */
  serviceRoot: string;
  /** Parsed JSON body (undefined when none). */
  body: unknown;
}

export interface GraphRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path after the version, with {name} placeholders; literal parts may contain OData syntax. */
  pattern: string;
  class: RequestClass;
  permission: PermissionRule | ((ctx: GraphContext) => PermissionRule);
  /** Needs Entra ID P1/P2: answered with the non-premium 403 on a free tenant. */
  premium?: boolean | ((ctx: GraphContext) => boolean);
  handle(ctx: GraphContext): Reply;
}

export interface CompiledRoute {
  route: GraphRoute;
  regex: RegExp;
  names: string[];
}

export function compileRoute(route: GraphRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern
    .split(/(\{[A-Za-z]+\})/)
    .map((part) => {
      const m = /^\{([A-Za-z]+)\}$/.exec(part);
      if (m?.[1]) {
        names.push(m[1]);
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { route, regex: new RegExp(`^${source}/?$`, 'i'), names };
}

export function matchRoute(compiled: CompiledRoute, path: string): Record<string, string> | undefined {
  const m = compiled.regex.exec(path);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  compiled.names.forEach((name, i) => {
    params[name] = decodeURIComponent(m[i + 1] ?? '');
  });
  return params;
}
