/**
 * deploy/ and the Dockerfile, checked as they will be installed: every overlay is rendered with the real
 * `kubectl kustomize` (kustomize v5 built into kubectl) and the rendered objects are checked field by field,
 * then scanned by Palisade itself at its strictest profiles (dogfood). kubectl is required: without it these
 * tests fail, naming what to install, and never skip.
 */
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWebhookCertificates } from '../src/admission/certs.js';
import { catalog } from '../src/controls/index.js';
import { subjectsFromText } from '../src/engine/pipeline.js';
import type { ImageBuildSubject } from '../src/model/types.js';
import { parseConfig, resolvePolicy } from '../src/policy/config.js';
import { scan } from '../src/scan.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEPLOY = path.join(ROOT, 'deploy');
const KUBECTL = process.env.KUBECTL ?? 'kubectl';

const NAMESPACE = 'palisade-system';
const OVERLAYS = ['fail-open', 'fail-closed', 'cert-manager'] as const;
type Overlay = (typeof OVERLAYS)[number];
const FAILURE_POLICY: Record<Overlay, 'Ignore' | 'Fail'> = { 'fail-open': 'Ignore', 'fail-closed': 'Fail', 'cert-manager': 'Fail' };
const FAILURE_MODE = { Ignore: 'fail-open', Fail: 'fail-closed' } as const;
const DIGEST_PINNED = /^[^@\s]+@sha256:[0-9a-f]{64}$/;

// Rendered manifests are untyped YAML; the checks read them through this loose shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

/** Runs `kubectl kustomize <dir>`; a missing kubectl is an error that says what to install. */
function kustomize(dir: string): string {
  const r = spawnSync(KUBECTL, ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) {
    if ((r.error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `'${KUBECTL}' not found: these tests render deploy/ with 'kubectl kustomize'. Install kubectl v1.27 or newer ` +
          '(the `kubectl` package; kustomize v5 is built in) or set KUBECTL to its path.',
      );
    }
    throw r.error;
  }
  if (r.status !== 0) throw new Error(`${KUBECTL} kustomize ${dir} failed (exit ${r.status}):\n${r.stderr}`);
  return r.stdout;
}

function parse(text: string): Obj[] {
  return yaml.loadAll(text).filter((d): d is Obj => typeof d === 'object' && d !== null);
}

const rendered = new Map<string, { text: string; objects: Obj[] }>();
const work = mkdtempSync(path.join(tmpdir(), 'palisade-deploy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of deploy/ with what `palisade webhook certs` (default Service and namespace) writes in own-certs/certs/. */
let ownCertsCopy = '';
const CERTS: Record<'ca.crt' | 'tls.crt' | 'tls.key', string> = { 'ca.crt': '', 'tls.crt': '', 'tls.key': '' };

/**
 * Rendering fails when kubectl is missing. The error is kept and thrown by every test that needs the
 * rendered objects, so each of them fails with it (an error in beforeAll would only mark them skipped).
 */
let setupError: unknown;
beforeAll(async () => {
  try {
    await renderAll();
  } catch (e) {
    setupError = e;
  }
});

async function renderAll(): Promise<void> {
  const generated = await generateWebhookCertificates();
  Object.assign(CERTS, { 'ca.crt': generated.caCert, 'tls.crt': generated.cert, 'tls.key': generated.key });
  for (const o of OVERLAYS) {
    const text = kustomize(path.join(DEPLOY, 'overlays', o));
    rendered.set(o, { text, objects: parse(text) });
  }
  ownCertsCopy = path.join(work, 'deploy');
  cpSync(DEPLOY, ownCertsCopy, { recursive: true });
  const certs = path.join(ownCertsCopy, 'own-certs', 'certs');
  mkdirSync(certs, { recursive: true });
  for (const [name, text] of Object.entries(CERTS)) writeFileSync(path.join(certs, name), text);
  const text = kustomize(path.join(ownCertsCopy, 'own-certs'));
  rendered.set('own-certs', { text, objects: parse(text) });
}

function render(name: string): { text: string; objects: Obj[] } {
  if (setupError) throw setupError;
  const r = rendered.get(name);
  if (!r) throw new Error(`${name} was not rendered`);
  return r;
}
function objects(name: string): Obj[] {
  return render(name).objects;
}
function all(name: string, kind: string): Obj[] {
  return objects(name).filter((o) => o.kind === kind);
}
function one(name: string, kind: string): Obj {
  const found = all(name, kind);
  if (found.length !== 1) throw new Error(`${name}: expected one ${kind}, found ${found.length}`);
  return found[0] as Obj;
}
function deployment(name: string): Obj {
  return one(name, 'Deployment');
}
function container(name: string): Obj {
  const containers = deployment(name).spec.template.spec.containers as Obj[];
  expect(containers).toHaveLength(1);
  return containers[0] as Obj;
}
function webhooks(name: string): Obj[] {
  const list = one(name, 'ValidatingWebhookConfiguration').webhooks as Obj[];
  expect(list.length).toBeGreaterThan(0);
  return list;
}
function matches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}
function arg(name: string, flag: string): string {
  const args = container(name).args as string[];
  const eq = args.find((a) => a.startsWith(`${flag}=`));
  if (eq) return eq.slice(flag.length + 1);
  const i = args.indexOf(flag);
  if (i === -1 || i + 1 >= args.length) throw new Error(`${name}: the container has no ${flag} argument`);
  return args[i + 1] as string;
}
function policyText(name: string): string {
  const volumes = deployment(name).spec.template.spec.volumes as Obj[];
  const cmName = volumes.find((v) => v.configMap)?.configMap.name as string;
  const cm = all(name, 'ConfigMap').find((c) => c.metadata.name === cmName);
  if (!cm) throw new Error(`${name}: the ConfigMap ${cmName} that the Deployment mounts is not rendered`);
  const key = path.posix.basename(arg(name, '--config'));
  const text = cm.data?.[key];
  if (typeof text !== 'string') throw new Error(`${name}: ConfigMap ${cmName} has no key ${key}`);
  return text;
}

describe.each([...OVERLAYS, 'own-certs'])('deploy overlay %s', (name) => {
  const failurePolicy = name === 'own-certs' ? 'Ignore' : FAILURE_POLICY[name as Overlay];

  it('renders every object the webhook needs, in its namespace, and no RBAC', () => {
    const kinds = new Set(objects(name).map((o) => o.kind));
    for (const k of ['Namespace', 'ServiceAccount', 'ConfigMap', 'Service', 'Deployment', 'PodDisruptionBudget', 'ValidatingWebhookConfiguration']) {
      expect(kinds, k).toContain(k);
    }
    // The webhook reads its policy and certificate from mounted volumes and needs no API access at all.
    for (const k of ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']) expect(kinds, k).not.toContain(k);
    for (const o of objects(name)) {
      if (o.kind === 'Namespace' || o.kind === 'ValidatingWebhookConfiguration') continue;
      expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe(NAMESPACE);
    }
    const ns = one(name, 'Namespace');
    expect(ns.metadata.name).toBe(NAMESPACE);
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  it('runs at least two replicas, spread over nodes and zones, with a PodDisruptionBudget', () => {
    const d = deployment(name);
    const labels = d.spec.template.metadata.labels as Record<string, string>;
    expect(d.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(d.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    expect(matches(d.spec.selector.matchLabels, labels)).toBe(true);

    const pdb = one(name, 'PodDisruptionBudget');
    expect(pdb.spec.minAvailable).toBe(1);
    expect(pdb.spec.minAvailable).toBeLessThan(d.spec.replicas);
    expect(matches(pdb.spec.selector.matchLabels, labels)).toBe(true);

    const spread = d.spec.template.spec.topologySpreadConstraints as Obj[];
    const byKey = new Map(spread.map((c) => [c.topologyKey as string, c]));
    const node = byKey.get('kubernetes.io/hostname');
    const zone = byKey.get('topology.kubernetes.io/zone');
    expect(node?.whenUnsatisfiable).toBe('DoNotSchedule');
    expect(zone?.whenUnsatisfiable).toBe('ScheduleAnyway');
    for (const c of [node, zone]) {
      expect(c?.maxSkew).toBe(1);
      expect(matches(c?.labelSelector.matchLabels, labels)).toBe(true);
    }
    const anti = d.spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution as Obj[];
    expect(anti.some((t) => t.podAffinityTerm.topologyKey === 'kubernetes.io/hostname' && matches(t.podAffinityTerm.labelSelector.matchLabels, labels))).toBe(true);
  });

  it('runs restricted: non-root, no privilege escalation, no capabilities, RuntimeDefault seccomp, read-only root', () => {
    const pod = deployment(name).spec.template.spec;
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.hostNetwork ?? false).toBe(false);
    expect(pod.hostPID ?? false).toBe(false);
    expect(pod.hostIPC ?? false).toBe(false);
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(pod.securityContext.seccompProfile.type).toBe('RuntimeDefault');
    const sa = one(name, 'ServiceAccount');
    expect(pod.serviceAccountName).toBe(sa.metadata.name);
    expect(sa.automountServiceAccountToken).toBe(false);

    const sc = container(name).securityContext;
    expect(sc.runAsNonRoot).toBe(true);
    expect(sc.runAsUser).toBeGreaterThan(0);
    expect(sc.allowPrivilegeEscalation).toBe(false);
    expect(sc.privileged ?? false).toBe(false);
    expect(sc.readOnlyRootFilesystem).toBe(true);
    expect(sc.capabilities.drop).toEqual(['ALL']);
    expect(sc.capabilities.add).toBeUndefined();
    expect(sc.seccompProfile.type).toBe('RuntimeDefault');
  });

  it('sets CPU and memory requests and limits', () => {
    const { requests, limits } = container(name).resources;
    for (const r of ['cpu', 'memory']) {
      expect(requests?.[r], `requests.${r}`).toBeDefined();
      expect(limits?.[r], `limits.${r}`).toBeDefined();
    }
  });

  it('probes /healthz and /readyz over HTTPS on the serving port, and drains before SIGTERM', () => {
    const c = container(name);
    const port = (c.ports as Obj[]).find((p) => p.name === 'https');
    expect(port?.containerPort).toBe(Number(arg(name, '--port')));
    expect(c.livenessProbe.httpGet).toMatchObject({ scheme: 'HTTPS', path: '/healthz', port: 'https' });
    expect(c.readinessProbe.httpGet).toMatchObject({ scheme: 'HTTPS', path: '/readyz', port: 'https' });

    const sleep = c.lifecycle.preStop.sleep.seconds as number;
    expect(sleep).toBeGreaterThanOrEqual(5);
    const grace = deployment(name).spec.template.spec.terminationGracePeriodSeconds as number;
    // preStop and the drain of in-flight reviews (each bounded by the webhook timeout) fit in the grace period.
    const timeout = Math.max(...webhooks(name).map((w) => w.timeoutSeconds as number));
    expect(grace).toBeGreaterThanOrEqual(sleep + timeout + 5);
  });

  it('accepts reviews of the largest objects the API server stores, on UPDATE too (object and oldObject)', () => {
    expect(Number(arg(name, '--max-body-bytes'))).toBeGreaterThanOrEqual(2 * 3 * 1024 * 1024);
  });

  it('pins the image by digest', () => {
    expect(container(name).image).toMatch(DIGEST_PINNED);
  });

  it('mounts the TLS Secret and the policy read-only as whole directories, where the arguments point', () => {
    const c = container(name);
    const pod = deployment(name).spec.template.spec;
    const mounts = new Map((c.volumeMounts as Obj[]).map((m) => [m.name as string, m]));
    const volumes = pod.volumes as Obj[];
    const tls = volumes.find((v) => v.secret);
    const policy = volumes.find((v) => v.configMap);
    expect(tls?.secret.secretName).toBe('palisade-webhook-tls');
    for (const v of [tls, policy]) {
      const m = mounts.get(v?.name);
      expect(m, v?.name).toBeDefined();
      expect(m?.readOnly).toBe(true);
      // A subPath mount never sees a renewed certificate (Secret volumes update by a symlink swap).
      expect(m?.subPath).toBeUndefined();
    }
    const tlsDir = mounts.get(tls?.name)?.mountPath as string;
    expect(path.posix.dirname(arg(name, '--tls-cert'))).toBe(tlsDir);
    expect(path.posix.dirname(arg(name, '--tls-key'))).toBe(tlsDir);
    expect(path.posix.dirname(arg(name, '--config'))).toBe(mounts.get(policy?.name)?.mountPath);
    // The key is readable by the non-root user through fsGroup, and by nobody else.
    expect(tls?.secret.defaultMode).toBe(0o440);
    expect(pod.securityContext.fsGroup).toBe(pod.securityContext.runAsGroup);
  });

  it('serves the webhook through a Service on 443', () => {
    const svc = one(name, 'Service');
    const labels = deployment(name).spec.template.metadata.labels as Record<string, string>;
    expect(matches(svc.spec.selector, labels)).toBe(true);
    expect(svc.spec.ports).toEqual([expect.objectContaining({ port: 443, targetPort: 'https' })]);
  });

  it(`registers a validating webhook: failurePolicy ${failurePolicy}, v1 reviews, no side effects, /validate`, () => {
    const svc = one(name, 'Service');
    for (const w of webhooks(name)) {
      expect(String(w.name).split('.').length).toBeGreaterThanOrEqual(3);
      expect(w.failurePolicy).toBe(failurePolicy);
      expect(w.admissionReviewVersions).toEqual(['v1']);
      expect(w.sideEffects).toBe('None');
      expect(w.matchPolicy).toBe('Equivalent');
      expect(w.timeoutSeconds).toBeGreaterThanOrEqual(1);
      expect(w.timeoutSeconds).toBeLessThanOrEqual(10);
      expect(w.clientConfig.service).toEqual({ name: svc.metadata.name, namespace: NAMESPACE, path: '/validate', port: 443 });
    }
  });

  it('reviews pods and every pod-bearing kind, plus ConfigMaps and Services, on CREATE and UPDATE', () => {
    const covered = new Set<string>();
    for (const w of webhooks(name)) {
      for (const r of w.rules as Obj[]) {
        if (!(r.operations.includes('CREATE') && r.operations.includes('UPDATE'))) continue;
        for (const g of r.apiGroups as string[]) for (const res of r.resources as string[]) covered.add(`${g}/${res}`);
      }
    }
    const expected = [
      '/pods', '/replicationcontrollers', '/podtemplates', '/configmaps', '/services',
      'apps/deployments', 'apps/replicasets', 'apps/statefulsets', 'apps/daemonsets',
      'batch/jobs', 'batch/cronjobs',
    ];
    for (const e of expected) expect([...covered], e).toContain(e);
    // kubectl debug adds containers through a subresource, which "pods" does not cover.
    const ephemeral = webhooks(name).some((w) => (w.rules as Obj[]).some((r) => r.resources.includes('pods/ephemeralcontainers') && r.operations.includes('UPDATE')));
    expect(ephemeral).toBe(true);
  });

  it('never reviews kube-system or its own namespace, and keeps the AKS admissions enforcer out of its selector', () => {
    const vwc = one(name, 'ValidatingWebhookConfiguration');
    expect(vwc.metadata.annotations['admissions.enforcer/disabled']).toBe('true');
    for (const w of webhooks(name)) {
      const exprs = w.namespaceSelector.matchExpressions as Obj[];
      const byName = exprs.find((e) => e.key === 'kubernetes.io/metadata.name');
      expect(byName?.operator).toBe('NotIn');
      expect(byName?.values).toEqual(expect.arrayContaining(['kube-system', NAMESPACE]));
      // With the enforcer opted out, the AKS-managed namespaces are excluded here, as it would have done.
      expect(exprs).toContainEqual({ key: 'control-plane', operator: 'NotIn', values: ['true'] });
      expect(exprs).toContainEqual({ key: 'kubernetes.azure.com/managedby', operator: 'NotIn', values: ['aks'] });
    }
  });

  it('ships a policy that parses, resolves, and agrees with the webhook configuration', () => {
    const text = policyText(name);
    const raw = parseConfig(text, 'palisade.yaml');
    const policy = resolvePolicy(catalog, raw, {}, 'palisade.yaml');
    const a = policy.admission;
    expect(raw.admission?.failureMode).toBeDefined();
    expect(a.failureMode).toBe(FAILURE_MODE[failurePolicy]);
    const timeoutMs = Math.min(...webhooks(name).map((w) => (w.timeoutSeconds as number) * 1000));
    expect(a.evaluationDeadlineMs).toBeLessThan(timeoutMs);
    expect(a.namespace).toBe(NAMESPACE);
    expect(a.exemptNamespaces).toEqual(expect.arrayContaining(['kube-system', NAMESPACE]));
    expect(a.inlineExemptions).toBe(false);
  });

  it.each(['all', 'pss-restricted'])('passes Palisade\'s own scan at profile %s (dogfood)', async (profile) => {
    const file = path.join(work, `${name}.yaml`);
    writeFileSync(file, render(name).text);
    const r = await scan({ paths: [file], noConfig: true, profile });
    const fmt = (f: { controlId: string; status: string; message: string }) => `${f.controlId} ${f.status}: ${f.message}`;
    expect(r.findings.map(fmt)).toEqual([]);
    expect(r.notEvaluated).toEqual([]);
    expect(r.inputErrors).toEqual([]);
    expect(r.summary).toMatchObject({ resources: objects(name).length });
  });
});

describe('deploy overlays: what differs between them', () => {
  it('the fail-closed policy is the base policy with failureMode fail-closed, nothing else', () => {
    const base = parseConfig(readFileSync(path.join(DEPLOY, 'base', 'palisade.yaml'), 'utf8'), 'base/palisade.yaml');
    const closed = parseConfig(readFileSync(path.join(DEPLOY, 'overlays', 'fail-closed', 'palisade.yaml'), 'utf8'), 'fail-closed/palisade.yaml');
    expect(base.admission?.failureMode).toBe('fail-open');
    expect(closed.admission?.failureMode).toBe('fail-closed');
    expect({ ...closed, admission: { ...closed.admission, failureMode: 'fail-open' } }).toEqual(base);
  });

  it('fail-open and fail-closed leave the CA to the operator: no caBundle, no Secret, no cert-manager', () => {
    for (const o of ['fail-open', 'fail-closed']) {
      for (const w of webhooks(o)) expect(w.clientConfig.caBundle).toBeUndefined();
      expect(all(o, 'Secret')).toEqual([]);
      expect(objects(o).some((x) => String(x.apiVersion).startsWith('cert-manager.io/'))).toBe(false);
    }
  });

  it('cert-manager: a CA chain issues the serving certificate for the Service names, and its CA is injected', () => {
    const o = 'cert-manager';
    const vwc = one(o, 'ValidatingWebhookConfiguration');
    const svc = one(o, 'Service');
    const secretName = (deployment(o).spec.template.spec.volumes as Obj[]).find((v) => v.secret)?.secret.secretName;
    const certs = all(o, 'Certificate');
    const issuers = all(o, 'Issuer');
    const serving = certs.find((c) => c.spec.secretName === secretName);
    expect(serving, 'a Certificate writing the Secret the Deployment mounts').toBeDefined();
    expect(vwc.metadata.annotations['cert-manager.io/inject-ca-from']).toBe(`${NAMESPACE}/${serving?.metadata.name}`);
    const host = `${svc.metadata.name}.${NAMESPACE}.svc`;
    // The API server checks <service>.<namespace>.svc against the certificate's DNS names.
    expect(serving?.spec.dnsNames).toEqual(expect.arrayContaining([host, `${host}.cluster.local`]));
    expect(serving?.spec.isCA ?? false).toBe(false);
    expect(serving?.spec.usages).toContain('server auth');
    // Serving certificate ← CA Issuer ← CA certificate ← self-signed Issuer: caBundle stays the same across renewals.
    const caIssuer = issuers.find((i) => i.metadata.name === serving?.spec.issuerRef.name);
    expect(serving?.spec.issuerRef.kind).toBe('Issuer');
    expect(caIssuer?.spec.ca?.secretName).toBeDefined();
    const ca = certs.find((c) => c.spec.secretName === caIssuer?.spec.ca.secretName);
    expect(ca?.spec.isCA).toBe(true);
    const root = issuers.find((i) => i.metadata.name === ca?.spec.issuerRef.name);
    expect(root?.spec.selfSigned).toEqual({});
    for (const w of webhooks(o)) expect(w.clientConfig.caBundle).toBeUndefined();
  });

  it('own-certs: the Secret and caBundle come from `palisade webhook certs` output', () => {
    const o = 'own-certs';
    const secret = one(o, 'Secret');
    const secretName = (deployment(o).spec.template.spec.volumes as Obj[]).find((v) => v.secret)?.secret.secretName;
    expect(secret.metadata.name).toBe(secretName);
    expect(secret.type).toBe('kubernetes.io/tls');
    const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');
    for (const [k, text] of Object.entries(CERTS)) expect(decode(secret.data[k]), k).toBe(text);
    for (const w of webhooks(o)) expect(decode(w.clientConfig.caBundle)).toBe(CERTS['ca.crt']);
    // What the API server will check: the serving certificate is signed by the caBundle's CA and names
    // <service>.<namespace>.svc of the rendered Service.
    const svc = one(o, 'Service');
    const serving = new X509Certificate(decode(secret.data['tls.crt']));
    const ca = new X509Certificate(decode(webhooks(o)[0]?.clientConfig.caBundle));
    expect(serving.checkIssued(ca)).toBe(true);
    expect(serving.verify(ca.publicKey)).toBe(true);
    expect(serving.checkHost(`${svc.metadata.name}.${svc.metadata.namespace}.svc`)).toBe(`${svc.metadata.name}.${svc.metadata.namespace}.svc`);
  });

  it('own-certs renders fail-closed too, after the one-line switch the README describes', () => {
    render('own-certs');
    const file = path.join(ownCertsCopy, 'own-certs', 'kustomization.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('  - ../overlays/fail-open\n');
    writeFileSync(file, text.replace('  - ../overlays/fail-open\n', '  - ../overlays/fail-closed\n'));
    const objs = parse(kustomize(path.dirname(file)));
    const w = (objs.find((x) => x.kind === 'ValidatingWebhookConfiguration') as Obj).webhooks[0] as Obj;
    expect(w.failurePolicy).toBe('Fail');
    expect(Buffer.from(w.clientConfig.caBundle, 'base64').toString('utf8')).toBe(CERTS['ca.crt']);
  });

  it('the image can be replaced through kustomize images:, and stays digest-pinned', () => {
    const dir = path.join(work, 'my-cluster');
    mkdirSync(dir, { recursive: true });
    const digest = `sha256:${'ab'.repeat(32)}`;
    writeFileSync(
      path.join(dir, 'kustomization.yaml'),
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        `  - ${path.relative(dir, path.join(DEPLOY, 'overlays', 'fail-closed'))}`,
        'images:',
        '  - name: contoso.azurecr.io/palisade',
        '    newName: fabrikam.azurecr.io/security/palisade',
        '    newTag: 0.2.0',
        `    digest: ${digest}`,
        '',
      ].join('\n'),
    );
    const d = parse(kustomize(dir)).find((x) => x.kind === 'Deployment') as Obj;
    expect(d.spec.template.spec.containers[0].image).toBe(`fabrikam.azurecr.io/security/palisade:0.2.0@${digest}`);
  });
});

/**
 * The Dockerfile: scanned by Palisade's own Dockerfile controls at the strictest profile (with the
 * project's palisade.yaml), plus text-level checks of what those controls do not judge (stage layout,
 * npm ci, the entry point, the build context).
 */
describe('Dockerfile', () => {
  const text = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  // Instructions with their continuation lines joined; comments dropped.
  const instructions = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const froms = instructions.filter((l) => /^FROM\s/i.test(l));
  const finalStage = instructions.slice(instructions.lastIndexOf(froms[froms.length - 1] as string));

  it('is a multi-stage build whose every base image is pinned by digest', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const stages = new Set<string>();
    for (const f of froms) {
      const m = /^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(f);
      expect(m, f).not.toBeNull();
      const image = (m as RegExpExecArray)[1] as string;
      if (!stages.has(image)) expect(image, f).toMatch(DIGEST_PINNED);
      if (m?.[2]) stages.add(m[2]);
    }
    expect(instructions.some((l) => /^COPY\s+--from=/i.test(l))).toBe(true);
  });

  it('builds with npm ci and installs only production dependencies for the runtime', () => {
    expect(instructions).toContain('RUN npm run build');
    expect(instructions.some((l) => /^RUN npm ci\b(?!.*--omit=dev)/.test(l))).toBe(true);
    expect(instructions.some((l) => /^RUN npm ci\b.*--omit=dev/.test(l))).toBe(true);
    expect(instructions.some((l) => /^RUN\s+npm (install|i)\b/.test(l))).toBe(false);
  });

  it('runs the final stage as a numeric non-root user, with no shell, on a distroless base', () => {
    const users = finalStage.filter((l) => /^USER\s/i.test(l));
    expect(users.length).toBeGreaterThan(0);
    const user = (users[users.length - 1] as string).split(/\s+/)[1] as string;
    const m = /^(\d+)(?::(\d+))?$/.exec(user);
    expect(m, `USER ${user} must be numeric uid[:gid]`).not.toBeNull();
    expect(Number(m?.[1])).toBeGreaterThan(0);
    if (m?.[2] !== undefined) expect(Number(m[2])).toBeGreaterThan(0);
    expect(finalStage[0]).toMatch(/gcr\.io\/distroless\/nodejs\d+-debian\d+/);
    expect(finalStage.some((l) => /^RUN\s/i.test(l))).toBe(false);
  });

  it('fetches nothing with ADD, exposes 8443 and runs `palisade webhook serve` as PID 1', () => {
    expect(instructions.some((l) => /^ADD\s.*(https?|ftp):\/\//i.test(l))).toBe(false);
    expect(finalStage).toContain('EXPOSE 8443');
    const entry = finalStage.find((l) => /^ENTRYPOINT\s/i.test(l)) as string;
    expect(JSON.parse(entry.replace(/^ENTRYPOINT\s+/i, ''))).toEqual(['/nodejs/bin/node', '/app/bin/palisade.js', 'webhook', 'serve']);
    for (const label of ['org.opencontainers.image.source', 'org.opencontainers.image.version', 'org.opencontainers.image.licenses']) {
      expect(finalStage.some((l) => /^LABEL\s/i.test(l) && l.includes(`${label}=`)), label).toBe(true);
    }
  });

  it('keeps keys, certificates and local files out of the build context', () => {
    const ignore = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split(/\r?\n/).map((l) => l.trim());
    expect(ignore).toContain('*');
    // Everything the Dockerfile copies from the context is let back in; nothing else is.
    const copied = instructions
      .filter((l) => /^COPY\s/i.test(l) && !/--from=/i.test(l))
      .flatMap((l) => l.split(/\s+/).slice(1, -1).filter((s) => !s.startsWith('--')));
    expect(copied.length).toBeGreaterThan(0);
    for (const c of copied) expect(ignore.includes(`!${c}`) || ignore.includes(`!${c}/`), c).toBe(true);
  });
  it('passes Palisade\'s own scan at the strictest profile (dogfood)', async () => {
    const r = await scan({ paths: [path.join(ROOT, 'Dockerfile')], config: path.join(ROOT, 'palisade.yaml'), profile: 'all' });
    expect(r.inputErrors).toEqual([]);
    expect(r.notEvaluated).toEqual([]);
    expect(r.findings.filter((f) => f.status === 'fail').map((f) => `${f.controlId} ${f.message}`)).toEqual([]);
    // The Dockerfile controls did run: the one exemption (no HEALTHCHECK on Kubernetes) is visible, with its reason.
    expect(r.controls.some((c) => c.meta.id === 'BLD-001')).toBe(true);
    for (const f of r.findings) expect(f.exemption?.justification).toMatch(/probes/);
  });

  it('is read by Palisade\'s own Dockerfile parser: one image.build subject with 3 stages, no input errors', () => {
    const r = subjectsFromText('Dockerfile', text);
    expect(r.errors).toEqual([]);
    expect(r.subjects).toHaveLength(1);
    const s = r.subjects[0] as ImageBuildSubject;
    expect(s.type).toBe('image.build');
    expect(s.stages).toHaveLength(3);
    expect(s.finalStage).toBe(s.stages[2]);
  });
});
