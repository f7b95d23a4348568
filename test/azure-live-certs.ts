/**
 * A certificate for the Microsoft Entra host name (login.microsoftonline.com), for the live Azure tests'
 * child processes only: their loopback guard sends connections for that name to the local test server,
 * which presents this certificate for it (SNI), signed by a throwaway CA the child trusts through
 * NODE_EXTRA_CA_CERTS. src/admission/certs.ts makes the ARM server's certificate (for 127.0.0.1); its names
 * are fixed to a webhook's, so the Entra name needs its own. Same algorithms: ECDSA P-256, SHA-256.
 */
import { webcrypto } from 'node:crypto';

export interface HostCertificates {
  caCert: string;
  cert: string;
  key: string;
}

export async function generateHostCertificates(hosts: string[], days = 2): Promise<HostCertificates> {
  await import('reflect-metadata');
  const x509 = await import('@peculiar/x509');
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const subtle = webcrypto.subtle;
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(Date.now() + days * 86_400_000);
  const serial = () => `01${Buffer.from(webcrypto.getRandomValues(new Uint8Array(15))).toString('hex')}`;

  const caKeys = (await subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=palisade live-test identity CA,O=palisade tests',
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: alg,
    extensions: [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true)],
  });
  const keys = (await subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${hosts[0] ?? 'localhost'},O=palisade tests`,
    issuer: ca.subject,
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension(hosts.map((value) => ({ type: 'dns' as const, value })), false),
    ],
  });
  const key = x509.PemConverter.encode(await subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  const pem = (s: string) => `${s.replace(/\r\n/g, '\n').trimEnd()}\n`;
  return { caCert: pem(ca.toString('pem')), cert: pem(cert.toString('pem')), key: pem(key) };
}
