/**
 * The contoso example estate (examples/contoso) scanned end to end through the library, with the
 * palisade.yaml it carries. The legacy namespace must produce real findings at the lines of the
 * offending fields; everything else is hardened and must be clean, except for the node exporter,
 * whose findings are exempted by policy. Line numbers are found by searching the files, never
 * hard-coded, so editing the examples does not silently break the test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../src/engine/result.js';
import type { Finding } from '../src/model/types.js';
import { scan } from '../src/scan.js';

const ROOT = 'examples/contoso';
// Fixed clock: the monitoring exemption (2027-09-30) is in force, the inventory one (2026-06-30) has expired.
const NOW = new Date('2026-11-29T12:00:00Z');

const INVENTORY = `${ROOT}/legacy/inventory.yaml`;
const CONFIGMAP = `${ROOT}/legacy/inventory-config.yaml`;
const CLEANUP = `${ROOT}/legacy/cleanup-cronjob.yaml`;
const NODE_EXPORTER = `${ROOT}/monitoring/node-exporter.yaml`;

/** Every Kubernetes object written in the estate (the identity List counts item by item). */
const OBJECTS_IN_ESTATE = 61;
/**
 * The Azure side (examples/contoso/azure): the payments cluster and two registries (ARM and az shapes), two
 * AcrPull role assignments, two registry tokens, the region's AKS versions (az aks get-versions), and a
 * Bicep-compiled template with a registry, a cluster and a role assignment (its private endpoint and node
 * pool are not resources Palisade counts).
 */
const AZURE_RESOURCES = 11;
const AZURE = `${ROOT}/azure`;

const PSS_IDS = [
  ...Array.from({ length: 13 }, (_, i) => `APP-${String(i + 1).padStart(3, '0')}`),
  ...Array.from({ length: 6 }, (_, i) => `NOD-${String(i + 1).padStart(3, '0')}`),
];
const HARDENING_IDS = [
  'APP-020', 'APP-021', 'APP-022', 'APP-023', 'APP-024', 'APP-025', 'APP-026',
  'NOD-010', 'NOD-011', 'REG-001', 'REG-002', 'REG-003', 'CLU-001',
];

const texts = new Map<string, string[]>();
function linesOf(file: string): string[] {
  let lines = texts.get(file);
  if (!lines) texts.set(file, (lines = readFileSync(file, 'utf8').split('\n')));
  return lines;
}

/** 1-based line of the first line at or after `from` that contains `needle`. Throws if absent. */
function lineOf(file: string, needle: string, from = 1): number {
  const lines = linesOf(file);
  for (let i = from - 1; i < lines.length; i++) if ((lines[i] as string).includes(needle)) return i + 1;
  throw new Error(`'${needle}' not found in ${file} after line ${from}`);
}

/** Lines first..last inclusive, both found by searching. */
function span(file: string, first: string, last: string, from = 1): number[] {
  const a = lineOf(file, first, from);
  const b = lineOf(file, last, a);
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

const isLegacy = (f: Finding) => f.location.file.startsWith(`${ROOT}/legacy/`);
const isAzure = (f: Finding) => f.location.file.startsWith(`${AZURE}/`);
const isNodeExporter = (f: Finding) => f.location.file === NODE_EXPORTER && f.resource.kind === 'DaemonSet';
const where = (f: Finding) => `${f.controlId} ${f.status} ${f.location.file}:${f.location.line ?? '?'} ${f.message}`;

function findingsOf(result: ScanResult, controlId: string, file: string): Finding[] {
  return result.findings.filter((f) => f.controlId === controlId && f.location.file === file);
}

/** Asserts a failing finding of `controlId` in `file` at one of `lines`. */
function expectFailAt(result: ScanResult, controlId: string, file: string, lines: number[]): Finding {
  const all = findingsOf(result, controlId, file);
  const hit = all.find((f) => f.status === 'fail' && f.location.line !== undefined && lines.includes(f.location.line));
  expect(hit, `${controlId} expected in ${file} at line ${lines.join('|')}; found: ${all.map(where).join('; ') || 'none'}`).toBeDefined();
  return hit as Finding;
}

let recommended: ScanResult;
let restricted: ScanResult;

beforeAll(async () => {
  recommended = await scan({ paths: [ROOT], now: NOW });
  restricted = await scan({ paths: [ROOT], now: NOW, profile: 'pss-restricted' });
});

describe('examples/contoso: the estate as a whole', () => {
  it('discovers palisade.yaml next to the manifests', () => {
    expect(path.resolve(recommended.policy.configFile ?? '')).toBe(path.resolve(ROOT, 'palisade.yaml'));
    expect(recommended.policy.profile).toBe('recommended');
    expect(recommended.policy.pssVersion).toBe('v1.37');
  });

  it('reads every manifest (multi-document YAML, anchors, merge keys, a kubectl List) without input errors', () => {
    expect(recommended.inputErrors).toEqual([]);
    expect(recommended.summary.resources).toBe(OBJECTS_IN_ESTATE + AZURE_RESOURCES);
  });

  it('runs every control the estate is meant to exercise', () => {
    const ran = recommended.controls.map((c) => c.meta.id);
    expect(ran).toEqual(expect.arrayContaining([...PSS_IDS, ...HARDENING_IDS]));
  });

  it('fails the CI gate because of the legacy namespace', () => {
    expect(recommended.summary.failed).toBeGreaterThan(0);
    expect(recommended.summary.exitCode).toBe(1);
  });
});

describe('examples/contoso: hardened workloads', () => {
  it('have no findings at all under pss-restricted (v1.37)', () => {
    expect(restricted.policy.profile).toBe('pss-restricted');
    expect(restricted.controls.map((c) => c.meta.id).sort()).toEqual([...PSS_IDS].sort());
    const hardened = restricted.findings.filter((f) => !isLegacy(f) && !isNodeExporter(f));
    expect(hardened.map(where)).toEqual([]);
    // The same run does see the legacy workloads: the silence above is not an empty scan.
    expect(restricted.findings.filter(isLegacy).length).toBeGreaterThan(0);
  });

  it('have no failing (non-exempted) findings under the default profile', () => {
    const failing = recommended.findings.filter((f) => !isLegacy(f) && !isAzure(f) && f.status === 'fail');
    expect(failing.map(where)).toEqual([]);
  });
});

describe('examples/contoso: legacy findings at the offending lines', () => {
  it('inventory Deployment: Pod Security violations', () => {
    const priv = expectFailAt(recommended, 'NOD-002', INVENTORY, [lineOf(INVENTORY, 'privileged: true')]);
    expect(priv.frameworks.pss).toContain('privileged');
    const hostNet = expectFailAt(recommended, 'NOD-001', INVENTORY, [lineOf(INVENTORY, 'hostNetwork: true')]);
    expect(hostNet.frameworks.pss).toContain('hostNamespaces');
    const root = expectFailAt(recommended, 'APP-010', INVENTORY, [lineOf(INVENTORY, 'runAsUser: 0')]);
    expect(root.frameworks.pss).toContain('runAsUser');
    const volumes = lineOf(INVENTORY, 'volumes:');
    expectFailAt(recommended, 'NOD-003', INVENTORY, span(INVENTORY, '- name: docker-sock', 'type: Socket', volumes));
    expectFailAt(recommended, 'APP-007', INVENTORY, span(INVENTORY, '- name: host-etc', 'type: Directory', volumes));
    for (const id of ['APP-008', 'APP-009', 'APP-011', 'APP-012']) {
      expectFailAt(recommended, id, INVENTORY, [lineOf(INVENTORY, '- name: inventory'), lineOf(INVENTORY, '- name: ssh')]);
    }
  });

  it('inventory Deployment: host mounts of the Docker socket and /etc', () => {
    const volumes = lineOf(INVENTORY, 'volumes:');
    const mounts = lineOf(INVENTORY, 'volumeMounts:');
    expectFailAt(recommended, 'NOD-010', INVENTORY, [
      ...span(INVENTORY, '- name: docker-sock', 'type: Socket', volumes),
      ...span(INVENTORY, '- name: docker-sock', 'mountPath: /var/run/docker.sock', mounts),
    ]);
    expectFailAt(recommended, 'NOD-011', INVENTORY, [
      ...span(INVENTORY, '- name: host-etc', 'type: Directory', volumes),
      ...span(INVENTORY, '- name: host-etc', 'mountPath: /host/etc', mounts),
    ]);
  });

  it('inventory Deployment: public, mutable, unpinned images', () => {
    const app = lineOf(INVENTORY, 'image: docker.io/contosolegacy/inventory:latest');
    const ssh = lineOf(INVENTORY, 'image: docker.io/linuxserver/openssh-server:latest');
    const shipper = lineOf(INVENTORY, 'image: docker.io/fluent/fluent-bit:1.9.10');
    // `latest` is REG-001's; a version tag without a digest is REG-002's. One image never gets both.
    expectFailAt(recommended, 'REG-001', INVENTORY, [app]);
    expectFailAt(recommended, 'REG-001', INVENTORY, [ssh]);
    expectFailAt(recommended, 'REG-002', INVENTORY, [shipper]);
    expect(findingsOf(recommended, 'REG-002', INVENTORY).map((f) => f.location.line)).toEqual([shipper]);
    for (const line of [app, ssh, shipper]) expectFailAt(recommended, 'REG-003', INVENTORY, [line]);
  });

  it('inventory Deployment: the literal DB_PASSWORD and the SSH port', () => {
    expectFailAt(recommended, 'APP-022', INVENTORY, span(INVENTORY, '- name: DB_PASSWORD', 'value: "FAKE-'));
    const port = lineOf(INVENTORY, 'containerPort: 22');
    expectFailAt(recommended, 'APP-024', INVENTORY, [port - 1, port]);
    // …and the LoadBalancer Service that publishes it.
    const service = lineOf(INVENTORY, 'kind: Service');
    expectFailAt(recommended, 'APP-024', INVENTORY, [lineOf(INVENTORY, 'port: 22', service)]);
  });

  it('inventory Deployment: deprecated seccomp and AppArmor annotations', () => {
    expectFailAt(recommended, 'APP-026', INVENTORY, [
      lineOf(INVENTORY, 'seccomp.security.alpha.kubernetes.io/pod'),
      lineOf(INVENTORY, 'container.apparmor.security.beta.kubernetes.io/inventory'),
    ]);
  });

  it('inventory Deployment: no resource limits, service account token mounted', () => {
    expect(findingsOf(recommended, 'APP-025', INVENTORY).filter((f) => f.status === 'fail').length).toBeGreaterThan(0);
    expect(findingsOf(recommended, 'APP-021', INVENTORY).filter((f) => f.status === 'fail').length).toBeGreaterThan(0);
  });

  it('inventory ConfigMap: the storage connection string with its account key', () => {
    expectFailAt(recommended, 'APP-023', CONFIGMAP, [lineOf(CONFIGMAP, 'STORAGE_CONNECTION_STRING:')]);
  });

  it('cleanup CronJob: in the default namespace, as root, from Docker Hub', () => {
    const cronJob = lineOf(CLEANUP, 'kind: CronJob');
    const finding = expectFailAt(recommended, 'CLU-001', CLEANUP, [lineOf(CLEANUP, 'namespace: default', cronJob)]);
    expect(finding.resource).toMatchObject({ kind: 'CronJob', name: 'legacy-cleanup', namespace: 'default' });
    expectFailAt(recommended, 'APP-010', CLEANUP, [lineOf(CLEANUP, 'runAsUser: 0')]);
    expectFailAt(recommended, 'REG-001', CLEANUP, [lineOf(CLEANUP, 'image: docker.io/bitnami/kubectl:latest')]);
  });
});

describe('examples/contoso: exemptions', () => {
  it('the monitoring exemption covers node-exporter, with owner, justification and expiry', () => {
    const own = recommended.findings.filter(isNodeExporter);
    expect(new Set(own.map((f) => f.controlId))).toEqual(new Set(['NOD-001', 'NOD-003', 'NOD-004', 'APP-007', 'NOD-010', 'NOD-011']));
    for (const f of own) {
      expect(f.status, where(f)).toBe('exempted');
      expect(f.exemption).toMatchObject({ source: 'policy', owner: 'platform-team', expires: '2027-09-30' });
      expect(f.exemption?.justification).toMatch(/node exporter/i);
    }
    // Exempted findings keep their location: they are reported, not hidden.
    const hostPid = own.find((f) => f.controlId === 'NOD-001' && f.location.line === lineOf(NODE_EXPORTER, 'hostPID: true'));
    expect(hostPid, own.map(where).join('; ')).toBeDefined();
  });

  it('the expired inventory exemption no longer applies and is reported as a notice', () => {
    const notice = recommended.notices.find((n) => n.message.includes('expired on 2026-06-30'));
    expect(notice, JSON.stringify(recommended.notices)).toBeDefined();
    expect(notice?.level).toBe('warning');
    expect(notice?.message).toContain('REG-001');
    expect(notice?.message).toContain('team-inventory');
    expect(path.resolve(notice?.file ?? '')).toBe(path.resolve(ROOT, 'palisade.yaml'));
    const app = lineOf(INVENTORY, 'image: docker.io/contosolegacy/inventory:latest');
    expect(findingsOf(recommended, 'REG-001', INVENTORY).find((f) => f.location.line === app)?.status).toBe('fail');
  });

  it('the inline annotation exempts the inventory Deployment from read-only-root-filesystem', () => {
    const own = findingsOf(recommended, 'APP-020', INVENTORY);
    expect(own.length).toBeGreaterThan(0);
    for (const f of own) {
      expect(f.status, where(f)).toBe('exempted');
      expect(f.exemption?.source).toBe('annotation');
      expect(f.exemption?.justification).toContain('INV-2107');
    }
    // The annotation is scoped to its object: the cleanup CronJob still fails the same control.
    expect(findingsOf(recommended, 'APP-020', CLEANUP).map((f) => f.status)).toContain('fail');
  });

  it('counts exempted findings in the summary', () => {
    expect(recommended.summary.exempted).toBe(recommended.findings.filter((f) => f.status === 'exempted').length);
    expect(recommended.summary.exempted).toBeGreaterThan(0);
  });
});

describe('examples/contoso: the Azure estate', () => {
  const CLUSTER = `${AZURE}/aks-payments-prod.json`;
  const TEMPLATE = `${AZURE}/infra/storefront-staging.json`;
  const azure = () => recommended.findings.filter(isAzure);
  const of = (id: string, name: string) => azure().filter((f) => f.controlId === id && f.resource.name === name);

  it('scans the hardened production cluster: only its old node pool and version fail', () => {
    const prod = azure().filter((f) => f.resource.name === 'aks-payments-prod');
    // Hardened settings: private API server, Entra ID with Azure RBAC, no local accounts, Defender, KMS, policy add-on.
    for (const id of ['CLU-101', 'CLU-102', 'CLU-104', 'CLU-105', 'CLU-106', 'CLU-107', 'CLU-115', 'CLU-116', 'CLU-119']) {
      expect(prod.filter((f) => f.controlId === id).map(where), id).toEqual([]);
    }
    const apps = expectFailAt(recommended, 'CLU-129', CLUSTER, [lineOf(CLUSTER, '"currentOrchestratorVersion": "1.31.9"')]);
    expect(apps).toMatchObject({ severity: 'critical', data: { nodePool: 'apps' } });
    expect(apps.frameworks).toMatchObject({ catalog: ['AKS-029'], seed: ['C10'] });
    expect(expectFailAt(recommended, 'NOD-123', CLUSTER, [lineOf(CLUSTER, '"sshAccess": "LocalUser"')]).data.nodePool).toBe('apps');
    // 1.34 leaves community support the day after the evaluation date: a warning, not a failure.
    const version = expectFailAt(recommended, 'CLU-128', CLUSTER, [lineOf(CLUSTER, '"currentKubernetesVersion"')]);
    expect(version).toMatchObject({ severity: 'medium', messageId: 'ending' });
    // With `az aks get-versions` for the region: 1.34.2 exists, so 1.34.1 is not on the latest patch.
    expect(of('CLU-128', 'aks-payments-prod').map((f) => f.messageId).sort()).toEqual(['ending', 'notLatestPatch']);
  });

  it('finds the shared, public registry the production cluster pulls from, and says which cluster pulls from which registry', () => {
    expect(of('REG-150', 'aks-payments-prod').map((f) => f.messageId).sort()).toEqual(['notPrivate', 'otherSubscription']);
    expect(recommended.azure?.pulls.map((p) => `${p.cluster} → ${p.registry} (${p.via})`).sort()).toEqual([
      'aks-payments-prod → crpaymentsprod (acrpull-role-assignment)',
      'aks-payments-prod → crplatformshared (acrpull-role-assignment)',
      'aks-storefront-staging → crstorefrontstaging (template-role-assignment)',
    ]);
    expect(of('REG-101', 'crplatformshared')).toHaveLength(1);
    expect(of('REG-106', 'crpaymentsprod')).toEqual([]);
    expect(of('REG-108', 'crpaymentsprod')).toEqual([]);
  });

  it('checks registry tokens given with az acr token list', () => {
    const pusher = of('REG-104', 'legacy-pusher');
    expect(pusher.map((f) => f.messageId).sort()).toHaveLength(2);
    expect(of('REG-104', 'ci-pull')).toEqual([]);
  });

  it('reads the Bicep-compiled template: parameters resolved, the separate node pool attached, the private endpoint counted', () => {
    expect(of('CLU-101', 'aks-storefront-staging')).toEqual([]);
    const publicIp = expectFailAt(recommended, 'NOD-122', TEMPLATE, [lineOf(TEMPLATE, '"enableNodePublicIP": true')]);
    expect(publicIp.data.nodePool).toBe('web');
    expect(of('REG-150', 'aks-storefront-staging')).toEqual([]);
    expect(of('REG-108', 'crstorefrontstaging')).toEqual([]);
  });

  it('never passes silently what it cannot see: side inputs it was not given are not evaluated', () => {
    const ids = new Set(recommended.notEvaluated.filter((n) => n.location.file.startsWith(`${AZURE}/`)).map((n) => n.controlId));
    expect([...ids]).toEqual(expect.arrayContaining(['CLU-144', 'CLU-145', 'REG-119', 'REG-123']));
  });
});
