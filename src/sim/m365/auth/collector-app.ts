// The app registration takeback signs in with: registered with the fake identity platform and
// present in the tenant's /applications and /servicePrincipals with its secret and certificate.
import { X509Certificate } from 'node:crypto';
import type { AppRegistry, RegisteredApp } from './app-registry.ts';
import type { KeyAndCertificate } from '../tls/certificates.ts';
import type { TenantState } from '../tenant/tenant-state.ts';
import { guidFor } from '../util/ids.ts';
import { Prng } from '../util/prng.ts';

export interface CollectorAppOptions {
  appPermissions: string[];
  delegatedPermissions: string[];
  certificate: KeyAndCertificate;
}

/** A secret in the shape Entra generates: three characters, "8Q~", then 34 more. */
function secretFor(seed: number): string {
  const rng = Prng.for(seed, 'client-secret');
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-~';
  const draw = (n: number): string => Array.from({ length: n }, () => alphabet[rng.int(0, alphabet.length - 1)]).join('');
  return `${draw(3)}8Q~${draw(34)}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function registerCollectorApp(state: TenantState, registry: AppRegistry, options: CollectorAppOptions): RegisteredApp {
  const seed = state.seed;
  const app = registry.register({
    clientId: guidFor(seed, 'collector-app'),
    displayName: 'takeback collector',
    servicePrincipalId: guidFor(seed, 'collector-sp'),
    clientSecret: secretFor(seed),
    certificate: options.certificate,
    appPermissions: options.appPermissions,
    delegatedPermissions: options.delegatedPermissions,
    allowPublicClient: true,
  });
  const now = state.clock.now();
  const cert = new X509Certificate(options.certificate.certPem);
  const password = { keyId: guidFor(seed, 'collector-secret-key'), displayName: 'takeback', hint: app.clientSecret.slice(0, 3), startDateTime: iso(now - 86_400_000), endDateTime: iso(now + 180 * 86_400_000) };
  const key = {
    keyId: guidFor(seed, 'collector-cert-key'),
    displayName: 'CN=takeback collector',
    customKeyIdentifier: Buffer.from(app.certificate.thumbprintSha1, 'hex').toString('base64'),
    startDateTime: iso(Date.parse(cert.validFrom)),
    endDateTime: iso(Date.parse(cert.validTo)),
    type: 'AsymmetricX509Cert' as const,
    usage: 'Verify' as const,
  };
  state.applications.push({
    id: guidFor(seed, 'collector-app-object'),
    appId: app.clientId,
    displayName: app.displayName,
    createdDateTime: iso(now - 86_400_000),
    signInAudience: 'AzureADMyOrg',
    publisherDomain: state.domains.find((d) => d.isInitial)?.id ?? '',
    passwordCredentials: [password],
    keyCredentials: [key],
  });
  state.servicePrincipals.push({
    id: app.servicePrincipalId,
    appId: app.clientId,
    displayName: app.displayName,
    appOwnerOrganizationId: state.tenantId,
    servicePrincipalType: 'Application',
    accountEnabled: true,
    servicePrincipalNames: [app.clientId],
    passwordCredentials: [],
    keyCredentials: [key],
  });
  return app;
}
