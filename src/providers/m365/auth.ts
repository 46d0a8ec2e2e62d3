// Graph access tokens through @azure/msal-node: client credentials (secret or certificate) on a
// ConfidentialClientApplication, device code on a PublicClientApplication. The authority and its
// knownAuthorities come from the connection; msal's HTTP goes through our agent (extra CA, retries).
import { X509Certificate } from 'node:crypto';
import type { Agent } from 'node:https';
import { ConfidentialClientApplication, PublicClientApplication, type AuthenticationResult, type Configuration } from '@azure/msal-node';
import { GRAPH_SCOPE, resolveEndpoints, type M365Connection } from './connection.ts';
import { M365AuthError } from './errors.ts';
import { MsalNetwork } from './msal-network.ts';
import { redact } from './redact.ts';
import type { RetryPolicy } from './retry.ts';
import { fileCachePlugin } from './token-cache.ts';

export interface TokenProvider {
  /** A bearer token for Graph. `forceRefresh` after Graph refused the current one (401). */
  getToken(forceRefresh?: boolean): Promise<string>;
}

// Renew a little before expiry, so a token does not lapse between the check and the request.
const RENEW_BEFORE_MS = 5 * 60_000;

function secretsOf(conn: M365Connection): string[] {
  if (conn.auth.kind === 'secret') return [conn.auth.secret];
  if (conn.auth.kind === 'certificate') return [conn.auth.privateKeyPem];
  return [];
}

function authFailure(conn: M365Connection, error: unknown): M365AuthError {
  const e = error as { errorCode?: unknown; errorMessage?: unknown; message?: unknown };
  const reason = typeof e.errorCode === 'string' && e.errorCode ? e.errorCode : 'sign_in_failed';
  const message = typeof e.errorMessage === 'string' && e.errorMessage ? e.errorMessage : String(e.message ?? error);
  // The cause is dropped on purpose: msal errors can carry request bodies.
  return new M365AuthError(reason, redact(message, secretsOf(conn)).slice(0, 500));
}

/** SHA-256 thumbprint (hex) of a PEM certificate, as msal wants it. */
export function certificateThumbprint(certificatePem: string): string {
  return new X509Certificate(certificatePem).fingerprint256.replace(/:/g, '').toLowerCase();
}

export function createTokenProvider(conn: M365Connection, agent: Agent, retry: RetryPolicy, timeoutMs: number): TokenProvider {
  const { authority, knownAuthorities } = resolveEndpoints(conn);
  const base: Configuration = {
    auth: { clientId: conn.clientId, authority, knownAuthorities },
    system: { networkClient: new MsalNetwork(agent, retry, timeoutMs) },
  };
  const acquire = acquirer(conn, base);
  let current: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return {
    getToken(forceRefresh = false): Promise<string> {
      if (!forceRefresh && current && current.expiresAt - RENEW_BEFORE_MS > Date.now()) return Promise.resolve(current.token);
      // Concurrent callers share one token request.
      pending ??= acquire(forceRefresh)
        .then((result) => {
          current = { token: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? Date.now() + 10 * 60_000 };
          return result.accessToken;
        })
        .catch((error: unknown) => {
          throw error instanceof M365AuthError ? error : authFailure(conn, error);
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
  };
}

function required(result: AuthenticationResult | null): AuthenticationResult {
  if (!result?.accessToken) throw new M365AuthError('no_token', 'the identity platform answered without an access token');
  return result;
}

function acquirer(conn: M365Connection, base: Configuration): (forceRefresh: boolean) => Promise<AuthenticationResult> {
  const auth = conn.auth;
  if (auth.kind === 'secret' || auth.kind === 'certificate') {
    const credential =
      auth.kind === 'secret'
        ? { clientSecret: auth.secret }
        : { clientCertificate: { thumbprintSha256: certificateThumbprint(auth.certificatePem), privateKey: auth.privateKeyPem } };
    const app = new ConfidentialClientApplication({ ...base, auth: { ...base.auth, ...credential } });
    return async (forceRefresh) => required(await app.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE], skipCache: forceRefresh }));
  }
  const app = new PublicClientApplication({ ...base, ...(auth.tokenCachePath ? { cache: { cachePlugin: fileCachePlugin(auth.tokenCachePath) } } : {}) });
  return async (forceRefresh) => {
    const [account] = await app.getTokenCache().getAllAccounts();
    if (account) {
      try {
        return required(await app.acquireTokenSilent({ account, scopes: [GRAPH_SCOPE], forceRefresh }));
      } catch {
        // The refresh token expired or was revoked: sign in again with a device code.
      }
    }
    return required(await app.acquireTokenByDeviceCode({ scopes: [GRAPH_SCOPE], deviceCodeCallback: (response) => auth.onPrompt(response.message) }));
  };
}
