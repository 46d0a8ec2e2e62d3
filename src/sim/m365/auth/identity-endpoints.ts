// The fake Microsoft identity platform: OpenID metadata, instance discovery, keys, the token
// endpoint (client secret, certificate assertion, device code, refresh token) and the device code
// endpoint, under https://127.0.0.1:PORT/{tenant}/...
import { randomBytes } from 'node:crypto';
import { AAD, type AadErrorResponse } from './aad-errors.ts';
import type { AppRegistry, RegisteredApp } from './app-registry.ts';
import type { DeviceApproval, DeviceCodeStore } from './device-codes.ts';
import { decodeJwt, verifyJwtSignature } from './jwt.ts';
import type { TokenService } from './token-service.ts';
import { formBody, type IncomingCall, type Reply } from '../http/types.ts';
import { GRAPH_APP_ID } from '../tenant/catalog.ts';
import type { SimUser } from '../tenant/model.ts';
import type { TenantState } from '../tenant/tenant-state.ts';
import { text } from '../util/text.ts';

export interface IdentityDeps {
  state: TenantState;
  apps: AppRegistry;
  tokens: TokenService;
  deviceCodes: DeviceCodeStore;
  origin: () => string;
  deviceApproval: () => DeviceApproval;
  deviceCodeIntervalSeconds: number;
  /** The user a device-code sign-in signs in as (`hint` = who approved on /devicelogin). */
  operator: (hint?: string) => SimUser | undefined;
}

interface RefreshGrant {
  clientId: string;
  userId: string;
  scopes: string[];
  issuedAt: number;
}

const GRAPH_RESOURCES = ['https://graph.microsoft.com', GRAPH_APP_ID];
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

function toReply(error: AadErrorResponse): Reply {
  return { status: error.status, body: error.body };
}

export class IdentityEndpoints {
  private readonly refreshGrants = new Map<string, RefreshGrant>();

  constructor(private readonly deps: IdentityDeps) {}

  /** Answers identity-platform paths; undefined for anything else. */
  handle(call: IncomingCall): Reply | undefined {
    const segments = call.url.pathname.split('/').filter(Boolean);
    const [tenant, ...rest] = segments;
    const tail = rest.join('/');
    if (call.method === 'GET' && segments.join('/') === 'common/discovery/instance') return this.instanceDiscovery(call);
    if (segments[0] === 'devicelogin') return this.deviceLoginPage(call);
    if (!tenant) return undefined;
    const known = ['v2.0/.well-known/openid-configuration', 'discovery/v2.0/keys', 'oauth2/v2.0/token', 'oauth2/v2.0/devicecode'];
    if (!known.includes(tail)) return undefined;
    if (!this.tenantMatches(tenant)) return toReply(AAD.tenantNotFound(tenant));
    if (call.method === 'GET' && tail === known[0]) return { status: 200, body: this.openIdConfiguration(tenant) };
    if (call.method === 'GET' && tail === known[1]) return { status: 200, body: this.deps.tokens.jwks() };
    if (call.method === 'POST' && tail === known[2]) return this.token(call, tenant);
    if (call.method === 'POST' && tail === known[3]) return this.deviceCode(call);
    return { status: 405, body: { error: 'invalid_request', error_description: 'Method not allowed.' } };
  }

  private tenantMatches(tenant: string): boolean {
    const t = tenant.toLowerCase();
    if (t === 'common' || t === 'organizations' || t === this.deps.state.tenantId) return true;
    return this.deps.state.domains.some((d) => d.isVerified && d.id.toLowerCase() === t);
  }

  private openIdConfiguration(tenant: string): object {
    const origin = this.deps.origin();
    const multi = tenant === 'common' || tenant === 'organizations';
    const tid = multi ? tenant : this.deps.state.tenantId;
    const issuerTenant = multi ? '{tenantid}' : this.deps.state.tenantId;
    return {
      token_endpoint: `${origin}/${tid}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${origin}/${tid}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${origin}/${issuerTenant}/v2.0`,
      request_uri_parameter_supported: false,
      authorization_endpoint: `${origin}/${tid}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${origin}/${tid}/oauth2/v2.0/devicecode`,
      end_session_endpoint: `${origin}/${tid}/oauth2/v2.0/logout`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
      tenant_region_scope: 'AS',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
    };
  }

  private instanceDiscovery(call: IncomingCall): Reply {
    const host = call.url.host;
    return {
      status: 200,
      body: {
        tenant_discovery_endpoint: `${this.deps.origin()}/${this.deps.state.tenantId}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      },
    };
  }

  private token(call: IncomingCall, tenant: string): Reply {
    const form = formBody(call);
    const basic = /^Basic\s+(\S+)$/i.exec(String(call.headers.authorization ?? ''));
    let clientId = form.get('client_id') ?? '';
    let secret = form.get('client_secret');
    if (basic?.[1]) {
      const [id, s] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
      clientId = decodeURIComponent(id ?? '');
      secret = decodeURIComponent(s ?? '');
    }
    const app = this.deps.apps.get(clientId);
    if (!app) return toReply(AAD.appNotFound(clientId, tenant));
    const grant = form.get('grant_type') ?? '';
    if (grant === 'client_credentials') {
      const failure = this.authenticateClient(call, app, secret, form);
      if (failure) return toReply(failure);
      const scope = form.get('scope');
      if (!scope) return toReply(AAD.missingScope());
      const resource = scope.trim().replace(/\/\.default$/, '');
      if (!scope.trim().endsWith('/.default')) return toReply(AAD.scopeNotDefault());
      if (!GRAPH_RESOURCES.includes(resource)) {
        return toReply(AAD.resourceNotFound(resource, tenant));
      }
      const lifetime = this.deps.tokens.accessTokenLifetime;
      return { status: 200, body: { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: this.deps.tokens.appToken(app) } };
    }
    if (grant === 'urn:ietf:params:oauth:grant-type:device_code' || grant === 'device_code') return this.redeemDeviceCode(app, form.get('device_code') ?? '');
    if (grant === 'refresh_token') return this.redeemRefreshToken(app, form.get('refresh_token') ?? '', form.get('scope'));
    return toReply(AAD.unsupportedGrant(grant));
  }

  private authenticateClient(call: IncomingCall, app: RegisteredApp, secret: string | null | undefined, form: URLSearchParams): AadErrorResponse | undefined {
    const assertion = form.get('client_assertion');
    if (assertion) {
      const jwt = decodeJwt(assertion);
      if (!jwt) return AAD.badAssertionSignature();
      const x5t = typeof jwt.header.x5t === 'string' ? jwt.header.x5t : undefined;
      const x5tS256 = typeof jwt.header['x5t#S256'] === 'string' ? jwt.header['x5t#S256'] : undefined;
      if (!this.deps.apps.certificateMatches(app, x5t, x5tS256)) return AAD.unknownCertificate(app.clientId);
      if (!verifyJwtSignature(jwt, app.certificate.certPem)) return AAD.badAssertionSignature();
      const c = jwt.claims;
      const now = Date.now() / 1000;
      if (typeof c.exp !== 'number' || c.exp < now - 300 || (typeof c.nbf === 'number' && c.nbf > now + 300)) return AAD.assertionExpired();
      const audience = text(c.aud);
      if (c.iss !== app.clientId || c.sub !== app.clientId || !audience.includes('/oauth2/') || !audience.startsWith(`https://${call.url.host}/`)) {
        return AAD.badAssertionClaims();
      }
      return undefined;
    }
    if (secret === undefined || secret === null || secret === '') return AAD.noCredential();
    return secret === app.clientSecret ? undefined : AAD.badSecret(app.clientId);
  }

  private deviceCode(call: IncomingCall): Reply {
    const form = formBody(call);
    const app = this.deps.apps.get(form.get('client_id') ?? '');
    if (!app) return toReply(AAD.appNotFound(form.get('client_id') ?? '', this.deps.state.tenantId));
    if (!app.allowPublicClient) return toReply(AAD.notPublicClient());
    const scopes = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
    if (scopes.length === 0) return toReply(AAD.missingScope());
    const session = this.deps.deviceCodes.start(app.clientId, scopes, 900);
    const uri = `${this.deps.origin()}/devicelogin`;
    return {
      status: 200,
      body: {
        user_code: session.userCode,
        device_code: session.deviceCode,
        verification_uri: uri,
        expires_in: 900,
        interval: this.deps.deviceCodeIntervalSeconds,
        message: `To sign in, use a web browser to open the page ${uri} and enter the code ${session.userCode} to authenticate.`,
      },
    };
  }

  private redeemDeviceCode(app: RegisteredApp, deviceCode: string): Reply {
    const session = this.deps.deviceCodes.byDeviceCode(deviceCode);
    if (!session || session.clientId !== app.clientId || session.state === 'redeemed') return toReply(AAD.badDeviceCode());
    if (session.expiresAt <= Date.now()) return toReply(AAD.deviceCodeExpired());
    session.polls += 1;
    const approval = this.deps.deviceApproval();
    if (session.state === 'pending') {
      if (approval.mode === 'decline') session.state = 'declined';
      else if (approval.mode === 'auto' && session.polls > approval.afterPolls) session.state = 'approved';
    }
    if (session.state === 'declined') return toReply(AAD.declined());
    if (session.state === 'pending') return toReply(AAD.pending());
    const user = this.deps.operator(session.approvedBy);
    if (!user) return toReply(AAD.userNotFound(this.deps.state.tenantId));
    if (!user.accountEnabled) return toReply(AAD.userDisabled());
    session.state = 'redeemed';
    return this.userTokens(app, user, session.scopes);
  }

  private redeemRefreshToken(app: RegisteredApp, token: string, scope: string | null): Reply {
    const grant = this.refreshGrants.get(token);
    if (!grant || grant.clientId !== app.clientId) return toReply(AAD.badRefreshToken());
    const user = this.deps.state.users.get(grant.userId);
    if (!user) return toReply(AAD.grantRevoked());
    if (!user.accountEnabled) return toReply(AAD.userDisabled());
    // revokeSignInSessions moves signInSessionsValidFromDateTime: older refresh tokens stop working.
    if (Date.parse(user.signInSessionsValidFromDateTime) > grant.issuedAt) return toReply(AAD.grantRevoked());
    this.refreshGrants.delete(token);
    return this.userTokens(app, user, scope ? scope.split(/\s+/).filter(Boolean) : grant.scopes);
  }

  private userTokens(app: RegisteredApp, user: SimUser, requested: string[]): Reply {
    const granted = new Set<string>();
    for (const scope of requested) {
      if (OIDC_SCOPES.has(scope)) continue;
      const name = scope.replace(/^https:\/\/graph\.microsoft\.com\//i, '').replace(new RegExp(`^${GRAPH_APP_ID}/`, 'i'), '');
      if (name === '.default') app.delegatedPermissions.forEach((p) => granted.add(p));
      else if (app.delegatedPermissions.some((p) => p.toLowerCase() === name.toLowerCase())) granted.add(name);
    }
    const signedIn = { id: user.id, userPrincipalName: user.userPrincipalName, displayName: user.displayName };
    const refreshToken = randomBytes(48).toString('base64url');
    // Issued-at is taken on the tenant clock so revocation compares like with like.
    this.refreshGrants.set(refreshToken, { clientId: app.clientId, userId: user.id, scopes: requested, issuedAt: this.deps.state.clock.now() });
    const lifetime = this.deps.tokens.accessTokenLifetime;
    const scopeText = [...[...granted].map((p) => `https://graph.microsoft.com/${p}`), ...requested.filter((s) => OIDC_SCOPES.has(s))].join(' ');
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        scope: scopeText,
        expires_in: lifetime,
        ext_expires_in: lifetime,
        access_token: this.deps.tokens.userToken(app, signedIn, [...granted]),
        refresh_token: refreshToken,
        id_token: this.deps.tokens.idToken(app, signedIn, `${this.deps.origin()}/${this.deps.state.tenantId}/v2.0`),
        client_info: Buffer.from(JSON.stringify({ uid: user.id, utid: this.deps.state.tenantId })).toString('base64url'),
      },
    };
  }

  /** A bare page to approve a code by hand: GET shows a form, POST approves or declines it. */
  private deviceLoginPage(call: IncomingCall): Reply {
    if (call.method === 'POST') {
      const form = formBody(call);
      const session = this.deps.deviceCodes.byUserCode(form.get('code') ?? '');
      if (!session || session.state !== 'pending') return { status: 400, text: '<p>Unknown or used code.</p>', contentType: 'text/html; charset=utf-8' };
      session.state = form.get('action') === 'decline' ? 'declined' : 'approved';
      session.approvedBy = form.get('user') || undefined;
      return { status: 200, text: `<p>Code ${session.userCode}: ${session.state}.</p>`, contentType: 'text/html; charset=utf-8' };
    }
    const form = '<form method="post"><label>Code <input name="code"></label> <label>User (UPN, optional) <input name="user"></label> <button name="action" value="approve">Approve</button> <button name="action" value="decline">Decline</button></form>';
    return { status: 200, text: `<!doctype html><title>takeback fake sign-in</title><h1>Device sign-in</h1>${form}`, contentType: 'text/html; charset=utf-8' };
  }
}
