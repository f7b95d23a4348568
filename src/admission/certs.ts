/**
 * A one-shot certificate authority and serving certificate for the webhook (`palisade webhook certs`), for
 * clusters without cert-manager and for tests. ECDSA P-256 keys and SHA-256 signatures through Node's
 * WebCrypto; X.509 encoding by @peculiar/x509. The CA's private key is never written anywhere: nobody can
 * mint another certificate the cluster would trust, and rotating means generating a new set.
 */
import { webcrypto } from 'node:crypto';

export const DEFAULT_SERVICE = 'palisade-webhook';
export const DEFAULT_NAMESPACE = 'palisade-system';
export const DEFAULT_DAYS = 365;

export interface CertificateOptions {
  service?: string;
  namespace?: string;
  /** Validity of both certificates, in days from `now`. */
  days?: number;
  now?: Date;
}

export interface WebhookCertificates {
  /** PEM of the self-signed CA: what goes (base64) into the webhook configuration's caBundle. */
  caCert: string;
  /** PEM of the serving certificate, signed by the CA. */
  cert: string;
  /** PEM (PKCS#8) of the serving certificate's private key. */
  key: string;
  /** The DNS names in the serving certificate's subjectAltName (plus the IP 127.0.0.1). */
  dnsNames: string[];
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** The names the API server (`<service>.<namespace>.svc`) and local tools use to reach the webhook. */
export function serviceDnsNames(service: string, namespace: string): string[] {
  for (const [what, value] of [
    ['service', service],
    ['namespace', namespace],
  ] as const) {
    if (!DNS_LABEL.test(value)) throw new Error(`${what} name '${value}' is not a DNS-1123 label (lower-case letters, digits and '-', at most 63)`);
  }
  return [service, `${service}.${namespace}`, `${service}.${namespace}.svc`, `${service}.${namespace}.svc.cluster.local`, 'localhost'];
}

type X509Module = typeof import('@peculiar/x509');
let x509Module: Promise<X509Module> | undefined;

/** Loaded on first use only: @peculiar/x509 needs the reflect-metadata polyfill, which the scanner and server never do. */
function loadX509(): Promise<X509Module> {
  x509Module ??= (async () => {
    await import('reflect-metadata');
    const x509 = await import('@peculiar/x509');
    x509.cryptoProvider.set(webcrypto as unknown as Crypto);
    return x509;
  })();
  return x509Module;
}

function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // positive
  bytes[0] |= 0x01; // and without a leading zero byte
  return Buffer.from(bytes).toString('hex');
}

/** Distinguished-name values we write are DNS names; escape the few characters RFC 4514 reserves all the same. */
function rdn(value: string): string {
  return value.replace(/[\\,+"<>;=]/g, (c) => `\\${c}`);
}

export async function generateWebhookCertificates(options: CertificateOptions = {}): Promise<WebhookCertificates> {
  const service = options.service ?? DEFAULT_SERVICE;
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  const days = options.days ?? DEFAULT_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new Error(`days must be a whole number from 1 to 3650, got ${days}`);
  const dnsNames = serviceDnsNames(service, namespace);
  const pair = await generateServerCertificates({
    caName: `CN=${rdn(`${service}.${namespace} webhook CA`)},O=palisade`,
    subject: `CN=${rdn(`${service}.${namespace}.svc`)},O=palisade`,
    dnsNames,
    ipAddresses: ['127.0.0.1'],
    days,
    ...(options.now ? { now: options.now } : {}),
  });
  return { ...pair, dnsNames };
}

export interface ServerCertificateRequest {
  /** Distinguished name of the CA, e.g. "CN=example CA,O=palisade" (values escaped by the caller). */
  caName: string;
  /** Distinguished name of the server certificate. */
  subject: string;
  dnsNames: string[];
  ipAddresses?: string[];
  days: number;
  now?: Date;
}

/**
 * A fresh CA and one server certificate it signs (ECDSA P-256, SHA-256, serverAuth, the names as subject
 * alternative names). The webhook's certificates are one use; tests that stand in for other TLS servers
 * (Azure Resource Manager, Entra ID) are another.
 */
export async function generateServerCertificates(req: ServerCertificateRequest): Promise<{ caCert: string; cert: string; key: string }> {
  const x509 = await loadX509();
  const subtle = webcrypto.subtle;
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const now = req.now ?? new Date();
  // A minute of slack for clocks slightly behind ours; the end is exact.
  const notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(now.getTime() + req.days * 86_400_000);

  const caKeys = (await subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: req.caName,
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const keys = (await subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: req.subject,
    issuer: caCert.subject,
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension(
        [...req.dnsNames.map((value) => ({ type: 'dns' as const, value })), ...(req.ipAddresses ?? []).map((value) => ({ type: 'ip' as const, value }))],
        false,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const pkcs8 = await subtle.exportKey('pkcs8', keys.privateKey);
  const key = x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
  return { caCert: withNewline(caCert.toString('pem')), cert: withNewline(cert.toString('pem')), key: withNewline(key) };
}

function withNewline(pem: string): string {
  const unix = pem.replace(/\r\n/g, '\n');
  return unix.endsWith('\n') ? unix : `${unix}\n`;
}

/** The `caBundle` field of a ValidatingWebhookConfiguration: base64 of the CA's PEM. */
export function caBundle(caCertPem: string): string {
  return Buffer.from(caCertPem, 'utf8').toString('base64');
}
