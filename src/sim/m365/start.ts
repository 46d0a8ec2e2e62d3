// startFakeM365: a simulated Microsoft 365 tenant (identity platform + Graph) on https://127.0.0.1:PORT,
// built from a scenario and a seed. The demo, tests and benchmarks start it the same way.
import { AppRegistry } from './auth/app-registry.ts';
import { registerCollectorApp } from './auth/collector-app.ts';
import { DeviceCodeStore, type DeviceApproval } from './auth/device-codes.ts';
import { IdentityEndpoints } from './auth/identity-endpoints.ts';
import { TokenService } from './auth/token-service.ts';
import {
  DEFAULT_AUDIT_QUERY_THROTTLE,
  DEFAULT_CONDITIONAL_ACCESS_THROTTLE,
  DEFAULT_REPORTING_THROTTLE,
  FaultInjector,
  type FaultOptions,
} from './faults/fault-injector.ts';
import { SlidingWindow } from './faults/sliding-window.ts';
import { GraphService } from './graph/graph-service.ts';
import { DEFAULT_APP_PERMISSIONS } from './graph/permissions.ts';
import { FakeServer } from './http/fake-server.ts';
import { RequestLog } from './http/request-log.ts';
import { buildScenario } from './scenarios/registry.ts';
import type { BuiltScenario, ScenarioId, ScenarioRequest } from './scenarios/types.ts';
import type { AuditQueryOptions } from './tenant/audit-queries.ts';
import type { Licence } from './tenant/model.ts';
import type { TenantState } from './tenant/tenant-state.ts';
import { simKeyMaterial, writeCaFile } from './tls/throwaway-ca.ts';

export interface FakeM365Options {
  /** Default 'seed-case'. */
  scenario?: ScenarioId | ScenarioRequest;
  /** Default 1. Same seed, same tenant. */
  seed?: number;
  /** The tenant's "now" (the story ends before it). Default: the wall clock at start. */
  now?: Date | string | number;
  /** Overrides the scenario's licence. */
  licence?: Licence;
  faults?: FaultOptions;
  /** Audit log queries (security/auditLog/queries): delay to success, outcome, whether v1.0 answers. */
  auditLogQueries?: Partial<AuditQueryOptions>;
  /** Added to every response. */
  latencyMs?: number;
  /** How long a delta link stays usable; default 7 days, as for Entra directory objects. */
  deltaTokenLifetimeMs?: number;
  /** Access token lifetime; default 3599 s as Entra issues. */
  tokenLifetimeSeconds?: number;
  /** Application permissions consented for the collector app (the token's `roles`). */
  appPermissions?: string[];
  /** Delegated permissions the collector app may get for a signed-in user. */
  delegatedPermissions?: string[];
  deviceCode?: {
    /** 'auto' (default): approved after `afterPolls` pending polls; 'manual': through /devicelogin; 'decline'. */
    approval?: 'auto' | 'manual' | 'decline';
    afterPolls?: number;
    /** Polling interval announced to clients; default 1 s (the real service says 5). */
    intervalSeconds?: number;
    /** Who signs in; default the scenario's operator. */
    userPrincipalName?: string;
  };
}

export interface FakeM365 {
  /** https://127.0.0.1:PORT */
  origin: string;
  /** https://127.0.0.1:PORT/v1.0 */
  graphBaseUrl: string;
  /** https://127.0.0.1:PORT/beta */
  graphBetaUrl: string;
  /** https://127.0.0.1:PORT/ : the Graph client's `baseUrl`. */
  graphRoot: string;
  /** https://127.0.0.1:PORT : msal's authority host; the authority is `${authorityHost}/${tenantId}`. */
  authorityHost: string;
  authority: string;
  /** '127.0.0.1:PORT' for msal's knownAuthorities. */
  knownAuthority: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  clientCertificate: { certPem: string; privateKeyPem: string; thumbprintSha1: string; thumbprintSha256: string };
  caPem: string;
  /** A file with the CA for NODE_EXTRA_CA_CERTS in child processes; removed by close(). */
  caFile: string;
  scenario: BuiltScenario;
  state: TenantState;
  requestLog: RequestLog;
  setFaults(faults: FaultOptions): void;
  setLatency(ms: number): void;
  setLicence(licence: Licence): void;
  /** Changes how audit log queries behave from now on (queries already ended keep their outcome). */
  setAuditLogQueries(options: Partial<AuditQueryOptions>): void;
  /** A Graph token made directly (tests): choose roles (app) or scopes (delegated, with a user) and lifetime. */
  mintToken(options?: { roles?: string[]; scopes?: string[]; userPrincipalName?: string; expiresInSeconds?: number }): string;
  close(): Promise<void>;
}

function nowOption(now: FakeM365Options['now']): number {
  if (now === undefined) return Date.now();
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (Number.isNaN(ms)) throw new Error(`invalid 'now': ${String(now)}`);
  return ms;
}

export async function startFakeM365(options: FakeM365Options = {}): Promise<FakeM365> {
  const seed = options.seed ?? 1;
  const scenario = buildScenario(options.scenario ?? 'seed-case', { seed, nowMs: nowOption(options.now), licence: options.licence });
  const state = scenario.state;
  state.auditQueries.options = { ...state.auditQueries.options, ...options.auditLogQueries };
  if (options.deltaTokenLifetimeMs !== undefined) state.deltaTokenLifetimeMs = options.deltaTokenLifetimeMs;
  const keys = await simKeyMaterial();
  const certificate = keys.collector;
  const registry = new AppRegistry();
  const app = registerCollectorApp(state, registry, {
    appPermissions: options.appPermissions ?? [...DEFAULT_APP_PERMISSIONS],
    delegatedPermissions: options.delegatedPermissions ?? [...DEFAULT_APP_PERMISSIONS, 'User.Read'],
    certificate,
  });
  const tokens = new TokenService(state.tenantId, options.tokenLifetimeSeconds ?? 3599, keys.tokenSigning);
  const faults = new FaultInjector(options.faults ?? {});
  const requestLog = new RequestLog();
  let latency = options.latencyMs ?? 0;
  let origin = '';
  let throttles = makeThrottles(faults.current);
  const graph = new GraphService({ state, tokens, origin: () => origin, throttles: () => throttles });
  const device = options.deviceCode ?? {};
  const approval: DeviceApproval =
    device.approval === 'manual' ? { mode: 'manual' } : device.approval === 'decline' ? { mode: 'decline' } : { mode: 'auto', afterPolls: device.afterPolls ?? 1 };
  const identity = new IdentityEndpoints({
    state,
    apps: registry,
    tokens,
    deviceCodes: new DeviceCodeStore(),
    origin: () => origin,
    deviceApproval: () => approval,
    deviceCodeIntervalSeconds: device.intervalSeconds ?? 1,
    operator: (hint) => state.users.find(hint ?? device.userPrincipalName ?? scenario.operatorUpn),
  });
  const server = new FakeServer({
    tls: keys.server,
    identity: () => identity,
    graph: () => graph,
    faults,
    log: requestLog,
    latencyMs: () => latency,
    tenantId: state.tenantId,
  });
  const port = await server.listen();
  origin = `https://127.0.0.1:${port}`;
  const caFile = writeCaFile(keys.caPem);
  return {
    origin,
    graphBaseUrl: `${origin}/v1.0`,
    graphBetaUrl: `${origin}/beta`,
    graphRoot: `${origin}/`,
    authorityHost: origin,
    authority: `${origin}/${state.tenantId}`,
    knownAuthority: `127.0.0.1:${port}`,
    tenantId: state.tenantId,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    clientCertificate: { certPem: certificate.certPem, privateKeyPem: certificate.keyPem, thumbprintSha1: app.certificate.thumbprintSha1, thumbprintSha256: app.certificate.thumbprintSha256 },
    caPem: keys.caPem,
    caFile: caFile.path,
    scenario,
    state,
    requestLog,
    setFaults: (next) => {
      faults.set(next);
      throttles = makeThrottles(next);
    },
    setLatency: (ms) => {
      latency = ms;
    },
    setLicence: (licence) => {
      state.licence = licence;
    },
    setAuditLogQueries: (next) => {
      state.auditQueries.options = { ...state.auditQueries.options, ...next };
    },
    mintToken: (mint = {}) => {
      const lifetime = mint.expiresInSeconds ?? 3599;
      if (mint.userPrincipalName || mint.scopes) {
        const user = state.users.find(mint.userPrincipalName ?? scenario.operatorUpn);
        if (!user) throw new Error(`no user ${mint.userPrincipalName ?? scenario.operatorUpn}`);
        return tokens.userToken(app, { id: user.id, userPrincipalName: user.userPrincipalName, displayName: user.displayName }, mint.scopes ?? app.delegatedPermissions, lifetime);
      }
      return tokens.appToken(app, { roles: mint.roles, lifetime });
    },
    close: async () => {
      await server.close();
      caFile.dispose();
    },
  };
}

function makeThrottles(faults: FaultOptions): { reporting?: SlidingWindow; conditionalAccess?: SlidingWindow; auditQueryCreation?: SlidingWindow } {
  const reporting = faults.reportingThrottle === false ? undefined : (faults.reportingThrottle ?? DEFAULT_REPORTING_THROTTLE);
  const ca = faults.conditionalAccessThrottle === false ? undefined : (faults.conditionalAccessThrottle ?? DEFAULT_CONDITIONAL_ACCESS_THROTTLE);
  const auditQueries = faults.auditQueryThrottle === false ? undefined : (faults.auditQueryThrottle ?? DEFAULT_AUDIT_QUERY_THROTTLE);
  return {
    auditQueryCreation: auditQueries ? new SlidingWindow(auditQueries.limit, auditQueries.windowMs) : undefined,
    reporting: reporting ? new SlidingWindow(reporting.limit, reporting.windowMs) : undefined,
    conditionalAccess: ca ? new SlidingWindow(ca.limit, ca.windowMs) : undefined,
  };
}
