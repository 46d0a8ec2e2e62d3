// The app registrations the fake identity platform knows: client id, secret, certificate, and the
// permissions an admin consented to (they become the `roles` claim of app-only tokens).
import { X509Certificate } from 'node:crypto';
import type { KeyAndCertificate } from '../tls/certificates.ts';
import { certificateThumbprints } from '../tls/certificates.ts';

export interface RegisteredApp {
  clientId: string;
  displayName: string;
  servicePrincipalId: string;
  clientSecret: string;
  certificate: KeyAndCertificate & { thumbprintSha1: string; thumbprintSha256: string };
  /** Application permissions (app roles) granted with admin consent. */
  appPermissions: string[];
  /** Delegated permissions a signed-in user can get through this app. */
  delegatedPermissions: string[];
  /** Allows the device code flow (public client). */
  allowPublicClient: boolean;
}

export class AppRegistry {
  private readonly apps = new Map<string, RegisteredApp>();

  register(app: Omit<RegisteredApp, 'certificate'> & { certificate: KeyAndCertificate }): RegisteredApp {
    const prints = certificateThumbprints(app.certificate.certPem);
    const registered = { ...app, certificate: { ...app.certificate, thumbprintSha1: prints.sha1Hex, thumbprintSha256: prints.sha256Hex } };
    this.apps.set(app.clientId.toLowerCase(), registered);
    return registered;
  }

  get(clientId: string): RegisteredApp | undefined {
    return this.apps.get(clientId.toLowerCase());
  }

  /** Finds the certificate a client assertion names by its x5t (SHA-1) or x5t#S256 header. */
  certificateMatches(app: RegisteredApp, x5t: string | undefined, x5tS256: string | undefined): boolean {
    const fromB64 = (v: string): string => Buffer.from(v, 'base64url').toString('hex').toUpperCase();
    if (x5tS256 && fromB64(x5tS256) === app.certificate.thumbprintSha256) return true;
    if (x5t && fromB64(x5t) === app.certificate.thumbprintSha1) return true;
    return false;
  }

  certificateNotExpired(app: RegisteredApp, nowMs: number): boolean {
    return Date.parse(new X509Certificate(app.certificate.certPem).validTo) > nowMs;
  }
}
