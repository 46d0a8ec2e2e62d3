// A certificate authority that lives for one process: its PEM goes to a temp file for
// NODE_EXTRA_CA_CERTS in child processes, and stays in memory for in-process clients
// (https.Agent `ca`). Key generation is the slow part, so the keys are made once per process,
// in parallel, together with the collector app's certificate.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCertificate, newRsaKeys, type KeyAndCertificate, type RsaKeyPems } from './certificates.ts';

export interface SimKeyMaterial {
  caPem: string;
  /** The HTTPS server's certificate (127.0.0.1 and localhost), signed by the CA. */
  server: KeyAndCertificate;
  /** The collector app's self-signed certificate for certificate-assertion sign-in. */
  collector: KeyAndCertificate;
  /** The identity platform's token-signing key: the server's TLS key, as nobody but the fake checks tokens. */
  tokenSigning: RsaKeyPems;
}

let cached: Promise<SimKeyMaterial> | undefined;

async function make(): Promise<SimKeyMaterial> {
  const [caKeys, serverKeys, collectorKeys] = await Promise.all([newRsaKeys(), newRsaKeys(), newRsaKeys()]);
  const ca = makeCertificate({ commonName: 'takeback throwaway CA', validDays: 7, isCa: true }, caKeys);
  const server = makeCertificate({ commonName: '127.0.0.1', validDays: 7, isCa: false, issuer: ca, ipAddresses: ['127.0.0.1'], dnsNames: ['localhost'] }, serverKeys);
  const collector = makeCertificate({ commonName: 'takeback collector', validDays: 365, isCa: false }, collectorKeys);
  return { caPem: ca.certPem, server, collector, tokenSigning: serverKeys };
}

export function simKeyMaterial(): Promise<SimKeyMaterial> {
  cached ??= make();
  return cached;
}

/** Writes the CA to a fresh temp folder; `dispose` removes it. */
export function writeCaFile(caPem: string): { path: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'takeback-fake-m365-'));
  const path = join(dir, 'ca.pem');
  writeFileSync(path, caPem);
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
