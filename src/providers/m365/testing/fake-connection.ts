// Tests and benchmarks: a connection to a running fake tenant. Only the base URLs and the CA differ
// from a connection to Microsoft; the provider code path is the same.
import type { FakeM365 } from '../../../sim/m365/start.ts';
import type { M365Auth, M365Connection } from '../connection.ts';

export function fakeConnection(fake: FakeM365, auth: 'secret' | 'certificate' | M365Auth = 'secret'): M365Connection {
  const chosen: M365Auth =
    auth === 'secret'
      ? { kind: 'secret', secret: fake.clientSecret }
      : auth === 'certificate'
        ? { kind: 'certificate', certificatePem: fake.clientCertificate.certPem, privateKeyPem: fake.clientCertificate.privateKeyPem }
        : auth;
  return { tenantId: fake.tenantId, clientId: fake.clientId, authorityHost: fake.authorityHost, graphRoot: fake.graphRoot, ca: fake.caPem, auth: chosen };
}

/** Short backoff for tests whose faults would otherwise wait seconds per retry. */
export const QUICK_RETRY = { baseDelayMs: 5, maxDelayMs: 50 };
