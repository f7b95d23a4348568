import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createSecureContext } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { caBundle, generateWebhookCertificates, serviceDnsNames } from '../src/admission/certs.js';
import { main } from '../src/cli/main.js';
import { tempDir } from './webhook-helpers.js';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    stdin: Readable.from([]),
    isTTY: false,
    env: {},
  });
  return { code, stdout, stderr };
}

function sans(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? '').split(', ').sort();
}

describe('generateWebhookCertificates', () => {
  it('issues a serving certificate for the Service names, localhost and 127.0.0.1, signed by its CA', async () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const g = await generateWebhookCertificates({ service: 'guard', namespace: 'policy', days: 30, now });
    const ca = new X509Certificate(g.caCert);
    const leaf = new X509Certificate(g.cert);

    expect(ca.ca).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);

    expect(sans(leaf)).toEqual(
      ['DNS:guard', 'DNS:guard.policy', 'DNS:guard.policy.svc', 'DNS:guard.policy.svc.cluster.local', 'DNS:localhost', 'IP Address:127.0.0.1'].sort(),
    );
    expect(leaf.checkHost('guard.policy.svc')).toBe('guard.policy.svc');
    expect(leaf.checkHost('guard.policy.svc.cluster.local')).toBe('guard.policy.svc.cluster.local');
    expect(leaf.checkHost('localhost')).toBe('localhost');
    expect(leaf.checkHost('other.policy.svc')).toBeUndefined();
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(leaf.keyUsage).toContain('1.3.6.1.5.5.7.3.1'); // serverAuth

    expect(new Date(leaf.validTo).getTime()).toBe(now.getTime() + 30 * 86_400_000);
    expect(new Date(leaf.validFrom).getTime()).toBeLessThanOrEqual(now.getTime());

    // The key is the certificate's (ECDSA P-256), and TLS accepts the pair.
    const key = createPrivateKey(g.key);
    expect(key.asymmetricKeyType).toBe('ec');
    expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(leaf.checkPrivateKey(key)).toBe(true);
    expect(createPublicKey(key).export({ format: 'jwk' })).toEqual(leaf.publicKey.export({ format: 'jwk' }));
    expect(() => createSecureContext({ cert: g.cert, key: g.key })).not.toThrow();
    expect(g.key).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it('gives every run its own CA and keys', async () => {
    const [a, b] = await Promise.all([generateWebhookCertificates(), generateWebhookCertificates()]);
    expect(a.caCert).not.toBe(b.caCert);
    expect(a.key).not.toBe(b.key);
    expect(new X509Certificate(a.cert).verify(new X509Certificate(b.caCert).publicKey)).toBe(false);
    expect(new X509Certificate(a.cert).checkHost('palisade-webhook.palisade-system.svc')).toBeDefined();
  });

  it('refuses names that are not DNS labels and odd validity', async () => {
    expect(() => serviceDnsNames('Bad_Name', 'ns')).toThrow(/DNS-1123/);
    await expect(generateWebhookCertificates({ namespace: 'a.b' })).rejects.toThrow(/namespace name 'a.b'/);
    await expect(generateWebhookCertificates({ days: 0 })).rejects.toThrow(/days/);
  });
});

describe('palisade webhook certs', () => {
  it('writes ca.crt, tls.crt and tls.key and prints the caBundle', async () => {
    const dir = path.join(tempDir('certs'), 'nested', 'out');
    const r = await run(['webhook', 'certs', '--out', dir, '--service', 'guard', '--namespace', 'policy', '--days', '7']);
    expect(r.code).toBe(0);
    for (const f of ['ca.crt', 'tls.crt', 'tls.key']) expect(existsSync(path.join(dir, f))).toBe(true);
    const caPem = readFileSync(path.join(dir, 'ca.crt'), 'utf8');
    const certPem = readFileSync(path.join(dir, 'tls.crt'), 'utf8');
    const keyPem = readFileSync(path.join(dir, 'tls.key'), 'utf8');

    expect(r.stdout.trim()).toBe(Buffer.from(caPem).toString('base64'));
    expect(r.stdout.trim()).toBe(caBundle(caPem));
    expect(Buffer.from(r.stdout.trim(), 'base64').toString('utf8')).toBe(caPem);
    expect(r.stderr).toContain('guard.policy.svc');

    const ca = new X509Certificate(caPem);
    const leaf = new X509Certificate(certPem);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.checkHost('guard.policy.svc')).toBe('guard.policy.svc');
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(leaf.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
    const days = (new Date(leaf.validTo).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    expect(statSync(path.join(dir, 'tls.key')).mode & 0o777).toBe(0o600);
  });

  it('defaults to palisade-webhook in palisade-system', async () => {
    const dir = tempDir('certs-default');
    const r = await run(['webhook', 'certs', '--out', dir]);
    expect(r.code).toBe(0);
    const leaf = new X509Certificate(readFileSync(path.join(dir, 'tls.crt')));
    expect(leaf.checkHost('palisade-webhook.palisade-system.svc')).toBe('palisade-webhook.palisade-system.svc');
    expect(leaf.checkHost('localhost')).toBe('localhost');
  });

  it('exits 2 on usage errors', async () => {
    expect((await run(['webhook', 'certs'])).code).toBe(2);
    expect((await run(['webhook', 'certs', '--out', tempDir('c'), '--days', 'ten'])).stderr).toMatch(/--days expects a whole number/);
    expect((await run(['webhook', 'certs', '--out', tempDir('c'), '--service', 'Nope'])).code).toBe(2);
    expect((await run(['webhook', 'nope'])).stderr).toMatch(/unknown webhook subcommand/);
  });
});
