// Issues and checks the fake identity platform's tokens. Access tokens are RS256 JWTs with the
// claims Graph reads (roles for app-only, scp for delegated); tokens are checked on every Graph call.
import { createHash, createPrivateKey, createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import type { RegisteredApp } from './app-registry.ts';
import { decodeJwt, signJwt, verifyJwtSignature } from './jwt.ts';
import { GRAPH_APP_ID } from '../tenant/catalog.ts';
import { text } from '../util/text.ts';

export interface SignedInUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
}

/** Who a valid access token speaks for. */
export interface Principal {
  kind: 'app' | 'user';
  appId: string;
  appDisplayName: string;
  servicePrincipalId: string;
  permissions: string[];
  user?: SignedInUser;
}

export type TokenProblem = 'empty' | 'malformed' | 'signature' | 'audience' | 'expired' | 'tenant';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

export class TokenService {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  readonly kid: string;

  constructor(
    readonly tenantId: string,
    private readonly lifetimeSeconds: number,
    signingKey: { privatePem: string; publicPem: string },
  ) {
    this.privateKey = createPrivateKey(signingKey.privatePem);
    this.publicKey = createPublicKey(signingKey.publicPem);
    this.kid = createHash('sha1').update(signingKey.publicPem).digest('base64url').slice(0, 27);
  }

  get accessTokenLifetime(): number {
    return this.lifetimeSeconds;
  }

  private baseClaims(app: RegisteredApp, lifetime: number) {
    const now = Math.floor(Date.now() / 1000);
    return {
      aud: GRAPH_AUDIENCE,
      iss: `https://sts.windows.net/${this.tenantId}/`,
      iat: now,
      nbf: now,
      exp: now + lifetime,
      appid: app.clientId,
      app_displayname: app.displayName,
      tid: this.tenantId,
      ver: '1.0',
      uti: randomUUID().replace(/-/g, '').slice(0, 22),
    };
  }

  /** App-only token: `roles` carries the consented application permissions. */
  appToken(app: RegisteredApp, options: { roles?: string[]; lifetime?: number } = {}): string {
    return signJwt({ kid: this.kid }, {
      ...this.baseClaims(app, options.lifetime ?? this.lifetimeSeconds),
      idtyp: 'app',
      oid: app.servicePrincipalId,
      sub: app.servicePrincipalId,
      roles: options.roles ?? app.appPermissions,
    }, this.privateKey);
  }

  /** Delegated token: `scp` carries the granted delegated permissions. */
  userToken(app: RegisteredApp, user: SignedInUser, scopes: string[], lifetime?: number): string {
    return signJwt({ kid: this.kid }, {
      ...this.baseClaims(app, lifetime ?? this.lifetimeSeconds),
      idtyp: 'user',
      oid: user.id,
      sub: user.id,
      upn: user.userPrincipalName,
      name: user.displayName,
      scp: scopes.join(' '),
    }, this.privateKey);
  }

  /** The v2.0 id token msal-node reads the account from. */
  idToken(app: RegisteredApp, user: SignedInUser, issuer: string): string {
    const now = Math.floor(Date.now() / 1000);
    return signJwt({ kid: this.kid }, {
      aud: app.clientId,
      iss: issuer,
      iat: now,
      nbf: now,
      exp: now + 3600,
      name: user.displayName,
      oid: user.id,
      preferred_username: user.userPrincipalName,
      sub: user.id,
      tid: this.tenantId,
      ver: '2.0',
    }, this.privateKey);
  }

  check(authorization: string | undefined): Principal | TokenProblem {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) return 'empty';
    const jwt = decodeJwt(match[1]);
    if (!jwt) return 'malformed';
    if (jwt.header.kid !== this.kid || !verifyJwtSignature(jwt, this.publicKey)) return 'signature';
    const c = jwt.claims;
    if (c.aud !== GRAPH_AUDIENCE && c.aud !== GRAPH_APP_ID) return 'audience';
    if (c.tid !== this.tenantId) return 'tenant';
    if (typeof c.exp !== 'number' || c.exp * 1000 <= Date.now()) return 'expired';
    const appId = text(c.appid);
    const appDisplayName = text(c.app_displayname);
    if (c.idtyp === 'user') {
      return {
        kind: 'user',
        appId,
        appDisplayName,
        servicePrincipalId: '',
        permissions: text(c.scp).split(' ').filter(Boolean),
        user: { id: text(c.oid), userPrincipalName: text(c.upn), displayName: text(c.name) },
      };
    }
    return { kind: 'app', appId, appDisplayName, servicePrincipalId: text(c.oid), permissions: Array.isArray(c.roles) ? c.roles.map(String) : [] };
  }

  jwks(): { keys: object[] } {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return { keys: [{ kty: 'RSA', use: 'sig', kid: this.kid, n: jwk.n, e: jwk.e }] };
  }
}
