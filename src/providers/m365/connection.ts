// Where and as whom takeback talks to a Microsoft 365 tenant. The same shape reaches Microsoft or the
// fake tenant on loopback: only the two base URLs and the extra CA differ.
import { EXIT, TakebackError } from '../../core/errors.ts';

export type M365Auth =
  /** App-only: client credentials with a client secret. */
  | { kind: 'secret'; secret: string }
  /** App-only: client credentials with a certificate (PEM) and its private key (PEM). */
  | { kind: 'certificate'; certificatePem: string; privateKeyPem: string }
  /** Delegated: device code on a public client; `onPrompt` shows Microsoft's sign-in message. */
  | { kind: 'deviceCode'; onPrompt(message: string): void; tokenCachePath?: string };

export interface M365Connection {
  /** Tenant id (GUID) or one of its verified domains. */
  tenantId: string;
  clientId: string;
  /** Default https://login.microsoftonline.com */
  authorityHost?: string;
  /** Default https://graph.microsoft.com/ */
  graphRoot?: string;
  auth: M365Auth;
  /** An extra CA (PEM) trusted next to the system roots; undefined for Microsoft. */
  ca?: string;
}

export const MICROSOFT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const MICROSOFT_GRAPH_ROOT = 'https://graph.microsoft.com/';
/** App-only and device-code tokens both ask for the app's consented Graph permissions. */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** Microsoft's own sign-in hosts: msal discovers these itself; any other host must be declared. */
const MICROSOFT_AUTHORITY_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
]);

export interface ResolvedEndpoints {
  authority: string;
  knownAuthorities: string[];
  /** Ends with '/'. */
  graphRoot: string;
}

export function resolveEndpoints(conn: M365Connection): ResolvedEndpoints {
  const host = new URL(conn.authorityHost ?? MICROSOFT_AUTHORITY_HOST);
  const graph = new URL(conn.graphRoot ?? MICROSOFT_GRAPH_ROOT);
  if (host.protocol !== 'https:' || graph.protocol !== 'https:') {
    // Tokens must never travel in clear text; msal refuses http authorities as well.
    throw new TakebackError('m365.connection.not_https', { url: host.protocol !== 'https:' ? host.origin : graph.origin }, { exitCode: EXIT.usage });
  }
  const graphRoot = graph.href.endsWith('/') ? graph.href : `${graph.href}/`;
  return {
    authority: `${host.origin}/${encodeURIComponent(conn.tenantId)}`,
    knownAuthorities: MICROSOFT_AUTHORITY_HOSTS.has(host.hostname) ? [] : [host.host],
    graphRoot,
  };
}
