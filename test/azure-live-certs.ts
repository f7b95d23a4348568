/**
 * A certificate for the Microsoft Entra host name (login.microsoftonline.com), for the live Azure tests'
 * child processes only: their loopback guard sends connections for that name to the local test server,
 * which presents this certificate for it (SNI), signed by a throwaway CA the child trusts through
 * NODE_EXTRA_CA_CERTS. src/admission/certs.ts makes the ARM server's certificate (for 127.0.0.1); its names
 * are fixed to a webhook's, so the Entra name needs its own. Same algorithms: ECDSA P-256, SHA-256.
 */
import { generateServerCertificates } from '../src/admission/certs.js';

export interface HostCertificates {
  caCert: string;
  cert: string;
  key: string;
}

export async function generateHostCertificates(hosts: string[], days = 2): Promise<HostCertificates> {
  return generateServerCertificates({
    caName: 'CN=palisade live-test identity CA,O=palisade tests',
    subject: `CN=${hosts[0] ?? 'localhost'},O=palisade tests`,
    dnsNames: hosts,
    days,
  });
}
