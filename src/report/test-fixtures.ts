/**
 * Scan results for the report tests, produced by the real scan() on small YAML files written to a temp
 * folder. The controls are defined here, so the tests do not depend on the catalog.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asAny, defineControl, type AnyControl } from '../controls/define.js';
import type { ScanResult } from '../engine/result.js';
import { scan } from '../scan.js';

export const writableRoot = defineControl({
  meta: {
    id: 'APP-901',
    name: 'test-writable-root',
    surface: 'application',
    severity: 'high',
    appliesTo: ['k8s.workload'],
    stages: ['ci', 'admission', 'audit'],
    docs: {
      summary: 'Containers run with a read-only root file system.',
      rationale: 'A writable root file system lets an intruder drop tools.',
      remediation: 'Set securityContext.readOnlyRootFilesystem: true.',
    },
    frameworks: { seed: ['A12'], pss: ['readOnlyRootFilesystem'], 'cis-kubernetes': ['5.7.3'] },
    messages: { writable: "Container '{{container}}' has a writable root file system." },
  },
  check(workload, ctx) {
    for (const c of workload.containers) {
      if (c.securityContext.readOnlyRootFilesystem !== true) {
        const pointer = 'readOnlyRootFilesystem' in c.securityContext ? `${c.pointer}/securityContext/readOnlyRootFilesystem` : c.pointer;
        ctx.report({ messageId: 'writable', pointer, data: { container: c.name } });
      }
    }
  },
});

/** Reports ConfigMaps with a `secret` key; cannot decide on Services (it would need the inventory). */
export const inventory = defineControl({
  meta: {
    id: 'CLU-901',
    name: 'test-inventory',
    surface: 'cluster',
    severity: 'medium',
    appliesTo: ['k8s.object'],
    stages: ['ci', 'admission', 'audit'],
    docs: {
      summary: 'Secrets are not kept in ConfigMaps.',
      rationale: 'ConfigMaps are readable by more principals than Secrets.',
      remediation: 'Move the value into a Secret.',
    },
    frameworks: { seed: ['C3'] },
    messages: { secret: "ConfigMap key '{{key}}' looks like a secret." },
  },
  check(obj, ctx) {
    if (obj.resource.kind === 'Service') ctx.notEvaluated('needs the whole inventory of endpoints');
    if (obj.resource.kind !== 'ConfigMap') return;
    const data = (obj.object.data ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(data)) {
      if (/secret|password/i.test(key)) ctx.report({ messageId: 'secret', pointer: `/data/${key}`, data: { key } });
    }
  },
});

/** Never finds anything: its JUnit suite must hold one passing case. */
export const quiet = defineControl({
  meta: {
    id: 'NOD-901',
    name: 'test-quiet',
    surface: 'node',
    severity: 'low',
    appliesTo: ['k8s.object'],
    stages: ['ci', 'admission', 'audit'],
    docs: { summary: 'Never reports.', rationale: 'A control with nothing to say.', remediation: 'Nothing to do.' },
    frameworks: { seed: ['N1'] },
    messages: { never: 'never' },
  },
  check() {},
});

export const testCatalog: readonly AnyControl[] = [asAny(writableRoot), asAny(inventory), asAny(quiet)];

/** Files of the main fixture, by path relative to the temp folder. */
export const FILES: Record<string, string> = {
  'palisade.yaml': `
exemptions:
  - controls: [APP-901]
    match: { namespaces: [kube-system] }
    justification: CSI node plugin writes <state> & "sockets" under /var
    owner: platform-team
    expires: 2027-03-31
  - controls: [test-writable-root]
    match: { names: [legacy] }
    justification: legacy batch, to be retired
    owner: data-team
    expires: 2025-01-01
`,
  'deploy/web.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: app
          image: contoso.azurecr.io/web:1.2.3
        - name: side
          image: contoso.azurecr.io/side:1.0.0
          securityContext:
            readOnlyRootFilesystem: false
        - name: ok
          image: contoso.azurecr.io/ok:1.0.0
          securityContext:
            readOnlyRootFilesystem: true
`,
  'deploy/csi.yaml': `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: csi-node, namespace: kube-system }
spec:
  template:
    spec:
      containers:
        - name: driver
          image: mcr.microsoft.com/oss/kubernetes-csi/driver:v1
        - name: registrar
          image: mcr.microsoft.com/oss/kubernetes-csi/registrar:v2
`,
  'deploy/legacy app.yaml': `apiVersion: v1
kind: Pod
metadata: { name: legacy, namespace: batch }
spec:
  containers:
    - name: "evil<&\\"'>\\e[31m\\a"
      image: busybox
`,
  'deploy/config.yaml': `apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: shop }
data:
  db_password: hunter2
  color: blue
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec:
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: shop }
spec:
  ports: [{ port: 80 }]
`,
  'deploy/broken.yaml': `apiVersion: v1
kind: ConfigMap
metadata: { name: broken
data: [
`,
};

export const NOW = new Date('2026-06-01T12:00:00Z');

export interface Fixture {
  dir: string;
  result: ScanResult;
  cleanup(): Promise<void>;
}

/** Writes files into a fresh temp folder and scans it with the test catalog. */
export async function scanFiles(files: Record<string, string>, opts: { config?: boolean } = {}): Promise<Fixture> {
  const dir = await mkdtemp(path.join(tmpdir(), 'palisade-report-'));
  for (const [name, text] of Object.entries(files)) {
    const p = path.join(dir, name);
    await mkdir(path.dirname(p), { recursive: true });
    await writeFile(p, text);
  }
  const hasConfig = 'palisade.yaml' in files && opts.config !== false;
  const deploy = Object.keys(files).some((f) => f.startsWith('deploy/')) ? path.join(dir, 'deploy') : dir;
  const result = await scan({
    paths: [deploy],
    noConfig: true,
    ...(hasConfig ? { config: path.join(dir, 'palisade.yaml') } : {}),
    catalog: testCatalog,
    now: NOW,
  });
  return { dir, result, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The main fixture: failing, exempted, expired-exemption, not-evaluated findings and an input error. */
export function scanMain(): Promise<Fixture> {
  return scanFiles(FILES);
}

/** A clean scan: exit code 0. */
export function scanClean(): Promise<Fixture> {
  return scanFiles({
    'deploy/ok.yaml': `apiVersion: v1
kind: Pod
metadata: { name: ok, namespace: shop }
spec:
  containers:
    - name: ok
      image: contoso.azurecr.io/ok:1.0.0
      securityContext: { readOnlyRootFilesystem: true }
`,
  });
}
