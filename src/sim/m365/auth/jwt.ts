// Compact JWS (RS256 / PS256) signing and checking with Node's crypto: enough for the tokens the
// fake issues and for the certificate assertions msal-node sends.
import { constants, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export type JwtHeader = Record<string, unknown> & { alg?: string; kid?: string; x5t?: string; 'x5t#S256'?: string };
export type JwtClaims = Record<string, unknown>;

export interface DecodedJwt {
  header: JwtHeader;
  claims: JwtClaims;
  signingInput: string;
  signature: Buffer;
}

function encodePart(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function signJwt(header: JwtHeader, claims: JwtClaims, privateKey: KeyObject): string {
  const input = `${encodePart({ typ: 'JWT', ...header, alg: 'RS256' })}.${encodePart(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

/** Splits and parses a JWT; undefined when it is not one. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [h, c, s] = parts as [string, string, string];
  try {
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as unknown;
    const claims = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as unknown;
    if (typeof header !== 'object' || header === null || typeof claims !== 'object' || claims === null) return undefined;
    return { header: header as JwtHeader, claims: claims as JwtClaims, signingInput: `${h}.${c}`, signature: Buffer.from(s, 'base64url') };
  } catch {
    return undefined;
  }
}

/** Checks the signature with a public key or certificate (RS256 or PS256). */
export function verifyJwtSignature(jwt: DecodedJwt, publicKeyOrCertPem: KeyObject | string): boolean {
  const key = typeof publicKeyOrCertPem === 'string' ? createPublicKey(publicKeyOrCertPem) : publicKeyOrCertPem;
  const data = Buffer.from(jwt.signingInput);
  if (jwt.header.alg === 'RS256') return verify('sha256', data, key, jwt.signature);
  if (jwt.header.alg === 'PS256') {
    return verify('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, jwt.signature);
  }
  return false;
}
