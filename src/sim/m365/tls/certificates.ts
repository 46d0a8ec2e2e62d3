// X.509 certificates made in-process (node-forge), so the fake needs no openssl binary.
// Keys come from Node's native crypto (fast); forge only assembles and signs the certificates.
import { createHash, generateKeyPair, randomBytes, sign, X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

export interface KeyAndCertificate {
  keyPem: string;
  certPem: string;
}

interface CertificateRequest {
  commonName: string;
  validDays: number;
  isCa: boolean;
  /** Signer; a self-signed certificate when omitted. */
  issuer?: KeyAndCertificate;
  /** Subject alternative names for a TLS server certificate. */
  ipAddresses?: string[];
  dnsNames?: string[];
}

export interface RsaKeyPems {
  privatePem: string;
  publicPem: string;
}

/** An RSA-2048 key pair off the main thread (several can be made in parallel). */
export async function newRsaKeys(): Promise<RsaKeyPems> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privatePem: privateKey, publicPem: publicKey };
}

export function makeCertificate(request: CertificateRequest, keys: RsaKeyPems): KeyAndCertificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem);
  // A positive serial: a leading 0x01 byte keeps the DER integer from reading as negative.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now + request.validDays * 24 * 60 * 60 * 1000);
  const subject = [{ name: 'commonName', value: request.commonName }, { name: 'organizationName', value: 'takeback simulator' }];
  cert.setSubject(subject);
  const issuerCert = request.issuer ? forge.pki.certificateFromPem(request.issuer.certPem) : undefined;
  cert.setIssuer(issuerCert ? issuerCert.subject.attributes : subject);
  const extensions: object[] = [
    { name: 'basicConstraints', cA: request.isCa, critical: true },
    request.isCa
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ];
  if (!request.isCa) extensions.push({ name: 'extKeyUsage', serverAuth: true, clientAuth: true });
  const altNames = [
    ...(request.dnsNames ?? []).map((value) => ({ type: 2, value })),
    ...(request.ipAddresses ?? []).map((ip) => ({ type: 7, ip })),
  ];
  if (altNames.length > 0) extensions.push({ name: 'subjectAltName', altNames });
  cert.setExtensions(extensions);
  signWithNodeCrypto(cert, request.issuer ? request.issuer.keyPem : keys.privatePem);
  return { keyPem: keys.privatePem, certPem: forge.pki.certificateToPem(cert) };
}

/**
 * Signs with Node's native RSA instead of forge's JavaScript one (about 100x faster). forge's
 * cert.sign() only feeds the TBSCertificate bytes to `md.update` and asks `key.sign(md)`; these
 * stand-ins collect the bytes and sign them with node:crypto (sha256WithRSAEncryption).
 */
function signWithNodeCrypto(cert: forge.pki.Certificate, privateKeyPem: string): void {
  let tbs = '';
  const collector = { algorithm: 'sha256', update: (bytes: string) => { tbs += bytes; return collector; } };
  const signer = { sign: () => sign('sha256', Buffer.from(tbs, 'binary'), privateKeyPem).toString('binary') };
  cert.sign(signer as unknown as forge.pki.rsa.PrivateKey, collector as unknown as forge.md.MessageDigest);
}

/** Thumbprints the way Entra shows and msal-node sends them (x5t = SHA-1, x5t#S256 = SHA-256). */
export function certificateThumbprints(certPem: string): { sha1Hex: string; sha256Hex: string } {
  const der = new X509Certificate(certPem).raw;
  return {
    sha1Hex: createHash('sha1').update(der).digest('hex').toUpperCase(),
    sha256Hex: createHash('sha256').update(der).digest('hex').toUpperCase(),
  };
}
