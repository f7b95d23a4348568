/**
 * The admission decision on AdmissionReview documents written as the API server sends them
 * (test/fixtures/admission): exact response shapes, status codes, warnings and audit annotations within
 * the API server's rules, bounded messages, and the decision log line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAdmissionHandler, type AdmissionHandlerSettings } from '../src/admission/decide.js';
import type { DecisionLog, HandlerResult } from '../src/admission/contract.js';
import { WARNING_BUDGET_RUNES } from '../src/admission/response.js';
import { asAny, defineControl, type AnyControl } from '../src/controls/define.js';
import { catalog } from '../src/controls/index.js';
import { ConfigError, parseConfig, resolvePolicy, type RawConfig } from '../src/policy/config.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'admission');
const NOW = new Date('2026-11-29T12:00:00Z');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function fixture(name: string): Json {
  return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as Json;
}

interface Options {
  catalog?: readonly AnyControl[];
  clock?: () => number;
}

/** A handler for a policy file's text; the clock stands still unless a test brings its own. */
function handlerFor(config: RawConfig | string = {}, opts: Options = {}) {
  const cat = opts.catalog ?? catalog;
  const raw = typeof config === 'string' ? parseConfig(config, 'palisade.yaml') : config;
  const policy = resolvePolicy(cat, raw, {}, 'palisade.yaml');
  const settings: AdmissionHandlerSettings = { ...policy.admission, clock: opts.clock ?? (() => 0) };
  return createAdmissionHandler(policy, settings, cat);
}

function decide(review: unknown, config: RawConfig | string = {}, opts: Options = {}): HandlerResult {
  return handlerFor(config, opts).handle(review, NOW);
}

interface Response {
  uid: string;
  allowed: boolean;
  status?: { code: number; reason: string; status: string; message: string };
  warnings?: string[];
  auditAnnotations?: Record<string, string>;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
const KEY = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const runes = (s: string) => Array.from(s).length;

/**
 * What the API server requires of every answer to a well-formed review, checked on every test's result:
 * same apiVersion/kind/uid, no patch, a status of 400 or more when denied, warnings and annotations it
 * will not drop.
 */
function response(result: HandlerResult, review: Json, maxMessageLength = 1024): Response {
  expect(result.httpStatus).toBe(200);
  const body = result.body as Json;
  expect(Object.keys(body).sort()).toEqual(['apiVersion', 'kind', 'response']);
  expect(body.apiVersion).toBe('admission.k8s.io/v1');
  expect(body.kind).toBe('AdmissionReview');
  const r = body.response as Response;
  expect(r.uid).toBe(review.request.uid);
  expect(typeof r.allowed).toBe('boolean');
  expect(r).not.toHaveProperty('patch');
  expect(r).not.toHaveProperty('patchType');
  if (r.allowed) expect(r.status).toBeUndefined();
  else {
    expect(r.status?.code).toBeGreaterThanOrEqual(400);
    expect(r.status?.status).toBe('Failure');
    expect(runes(r.status?.message ?? '')).toBeLessThanOrEqual(maxMessageLength);
    expect(r.status?.message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/); // eslint-disable-line no-control-regex
  }
  const warnings = r.warnings ?? [];
  expect(new Set(warnings).size).toBe(warnings.length);
  let total = 0;
  for (const w of warnings) {
    expect(w).not.toMatch(CONTROL_CHARS);
    expect(w.trim()).not.toBe('');
    expect(runes(w)).toBeLessThanOrEqual(120);
    total += runes(w);
  }
  expect(total).toBeLessThanOrEqual(WARNING_BUDGET_RUNES);
  for (const [k, v] of Object.entries(r.auditAnnotations ?? {})) {
    expect(k).toMatch(KEY);
    expect(k.length).toBeLessThanOrEqual(63);
    expect(v).not.toMatch(CONTROL_CHARS);
  }
  expect(result.log.uid).toBe(review.request.uid);
  expect(result.log.allowed).toBe(r.allowed);
  expect(r.auditAnnotations?.decision).toBe(result.log.decision);
  return r;
}

const ids = (warnings: string[] | undefined) => (warnings ?? []).map((w) => /^\[([A-Z]+-\d+)\]/.exec(w)?.[1]).filter(Boolean);

const ALICE_LOG = {
  time: '2026-11-29T12:00:00.000Z',
  user: 'alice@contoso.com',
  groups: ['b7c1a6f0-2d7e-4f43-9a55-0c1e3f6b2d11', 'system:authenticated'],
};

describe('CREATE and UPDATE are evaluated with the scan engine at stage admission', () => {
  it('denies a privileged Pod with 403, the control id and the field, and warns the restricted gaps', () => {
    const review = fixture('pod-create-privileged.json');
    const result = decide(review);
    response(result, review);
    expect(result.body).toEqual({
      apiVersion: 'admission.k8s.io/v1',
      kind: 'AdmissionReview',
      response: {
        uid: '0f3c9a4e-6a52-4c35-9d43-2f6a7d1e8b01',
        allowed: false,
        status: {
          code: 403,
          reason: 'Forbidden',
          status: 'Failure',
          message:
            'Palisade denied Pod shop/debug-tools: NOD-002\n' +
            "[NOD-002] Container 'shell' runs privileged (securityContext.privileged: true) at /spec/containers/0/securityContext/privileged",
        },
        warnings: [
          "[REG-003] Container 'shell' runs image 'docker.io/library/busybox:1.36' from 'docker.io/library/busybox', which is not…",
          "[APP-008] Container 'shell' does not set allowPrivilegeEscalation: false at /spec/containers/0",
          "[APP-009] Container 'shell' may run as root: runAsNonRoot is not true for the container or the pod at /spec/containers/0",
          "[APP-011] Container 'shell' has no seccompProfile: set RuntimeDefault or Localhost on the pod or the container",
          "[APP-012] Container 'shell' keeps unrestricted capabilities: capabilities.drop does not include ALL",
          "[APP-020] Container 'shell' has a writable root file system at /spec/containers/0",
          "[APP-021] Pod runs as the 'default' service account, which needs no API access, but mounts its API token; set automount…",
          "[APP-025] Container 'shell' has no CPU limit at /spec/containers/0/resources (+1 more)",
          "[REG-002] Container 'shell' uses image 'docker.io/library/busybox:1.36' by tag '1.36' without a digest; the tag can be…",
        ],
        auditAnnotations: {
          'denied-by': 'NOD-002',
          'warned-by': 'APP-008,APP-009,APP-011,APP-012,APP-020,APP-021,APP-025,REG-002,REG-003',
          decision: 'deny',
        },
      },
    });
    expect(result.log).toEqual({
      ...ALICE_LOG,
      uid: '0f3c9a4e-6a52-4c35-9d43-2f6a7d1e8b01',
      operation: 'CREATE',
      kind: 'Pod',
      namespace: 'shop',
      name: 'debug-tools',
      images: ['docker.io/library/busybox:1.36'],
      dryRun: false,
      decision: 'deny',
      allowed: false,
      controls: ['NOD-002'],
      denied: ['NOD-002'],
      warned: ['APP-008', 'APP-009', 'APP-011', 'APP-012', 'APP-020', 'APP-021', 'APP-025', 'REG-002', 'REG-003'],
      latencyMs: 0,
    } satisfies DecisionLog);
  });

  it('allows a Pod that meets the restricted standard and Palisade hardening, with nothing but the decision', () => {
    const review = fixture('pod-create-compliant.json');
    const result = decide(review);
    response(result, review);
    expect(result.body).toEqual({
      apiVersion: 'admission.k8s.io/v1',
      kind: 'AdmissionReview',
      response: { uid: '3e8d2c1b-7a6f-4e5d-9c4b-3a2f1e0d9c8b', allowed: true, auditAnnotations: { decision: 'allow' } },
    });
    expect(result.log).toEqual({
      ...ALICE_LOG,
      uid: '3e8d2c1b-7a6f-4e5d-9c4b-3a2f1e0d9c8b',
      operation: 'CREATE',
      kind: 'Pod',
      namespace: 'shop',
      name: 'api',
      images: ['contoso.azurecr.io/shop/api@sha256:3f1b2c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809'],
      dryRun: false,
      decision: 'allow',
      allowed: true,
      controls: [],
      latencyMs: 0,
    });
  });

  it('allows a Deployment from CI with restricted gaps as warnings, naming its service account', () => {
    const review = fixture('deployment-create.json');
    const result = decide(review);
    const r = response(result, review);
    expect(r.allowed).toBe(true);
    expect(ids(r.warnings)).toEqual(['APP-008', 'APP-009', 'APP-011', 'APP-012', 'APP-020', 'APP-021', 'APP-025', 'REG-002']);
    expect(r.warnings).toContain("[APP-020] Container 'web' has a writable root file system at /spec/template/spec/containers/0");
    expect(result.log).toMatchObject({
      user: 'system:serviceaccount:ci:deployer',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:ci', 'system:authenticated'],
      serviceAccount: 'ci/deployer',
      operation: 'CREATE',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'web',
      images: ['contoso.azurecr.io/shop/web:2.4.1'],
      decision: 'warn',
      controls: ['APP-008', 'APP-009', 'APP-011', 'APP-012', 'APP-020', 'APP-021', 'APP-025', 'REG-002'],
    });
  });

  it('UPDATE: denies what the new Deployment adds, says which findings are new and which were already there', () => {
    const review = fixture('deployment-update.json');
    const result = decide(review);
    const r = response(result, review);
    expect(r.allowed).toBe(false);
    expect(r.status?.code).toBe(403);
    expect(r.status?.message).toBe(
      'Palisade denied Deployment shop/web: NOD-002, NOD-003\n' +
        "[NOD-002] Container 'web' runs privileged (securityContext.privileged: true) at /spec/template/spec/containers/0/securityContext/privileged\n" +
        "[NOD-003] Volume 'containerd' is a hostPath volume mounting '/run/containerd/containerd.sock' from the node at /spec/template/spec/volumes/0",
    );
    expect(result.log.newControls).toEqual(['APP-007', 'NOD-002', 'NOD-003', 'NOD-010', 'NOD-011', 'REG-002']);
    expect(r.warnings).toContain("[APP-020] (unchanged) Container 'web' has a writable root file system at /spec/template/spec/containers/0");
    expect(r.warnings?.find((w) => w.startsWith('[NOD-010]'))).not.toContain('(unchanged)');
    expect(result.log).toMatchObject({ user: 'bob@contoso.com', operation: 'UPDATE', denied: ['NOD-002', 'NOD-003'], images: ['contoso.azurecr.io/shop/web:2.5.0'] });
  });

  it('UPDATE without oldObject is decided the same, without the comparison', () => {
    const review = fixture('deployment-update.json');
    delete review.request.oldObject;
    const result = decide(review);
    const r = response(result, review);
    expect(r.allowed).toBe(false);
    expect(result.log.denied).toEqual(['NOD-002', 'NOD-003']);
    expect(result.log.newControls).toBeUndefined();
    expect(r.warnings?.some((w) => w.includes('(unchanged)'))).toBe(false);
  });

  it('a dry-run CronJob is evaluated and answered the same, and the log says dryRun', () => {
    const review = fixture('cronjob-create-dryrun.json');
    const result = decide(review);
    const r = response(result, review);
    expect(r.status?.message).toBe(
      'Palisade denied CronJob reports/nightly-report: NOD-001\n' +
        '[NOD-001] The pod shares host namespaces: hostPID is true at /spec/jobTemplate/spec/template/spec/hostPID',
    );
    expect(result.log).toMatchObject({ dryRun: true, decision: 'deny', kind: 'CronJob', namespace: 'reports', name: 'nightly-report', user: 'bob@contoso.com' });
    const live = fixture('cronjob-create-dryrun.json');
    live.request.dryRun = false;
    const liveResult = decide(live);
    expect(liveResult.body).toEqual(result.body);
    expect(liveResult.log.dryRun).toBe(false);
  });

  it('pods/ephemeralcontainers is evaluated: kubectl debug cannot add a privileged container', () => {
    const review = fixture('pod-ephemeralcontainers-update.json');
    const result = decide(review);
    const r = response(result, review);
    expect(r.status?.message).toContain("[NOD-002] Container 'debugger-h4x9z' runs privileged");
    expect(r.status?.message).toContain('at /spec/ephemeralContainers/0/securityContext/privileged');
    expect(result.log).toMatchObject({ subResource: 'ephemeralcontainers', decision: 'deny', newControls: expect.arrayContaining(['NOD-002']) });
    expect(result.log.images).toEqual([
      'contoso.azurecr.io/shop/api@sha256:3f1b2c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809',
      'docker.io/library/busybox:1.36',
    ]);
  });

  it('a Pod from the ReplicaSet controller: generateName, empty request name, the controller as service account', () => {
    const review = fixture('pod-create-replicaset-controller.json');
    const result = decide(review);
    const r = response(result, review);
    expect(r.status?.message).toBe(
      'Palisade denied Pod shop/web-7d9f5c6b8d-: NOD-004\n' + "[NOD-004] Container 'web' binds hostPort 8080 on the node at /spec/containers/0/ports/0/hostPort",
    );
    expect(result.log).toMatchObject({
      user: 'system:serviceaccount:kube-system:replicaset-controller',
      serviceAccount: 'kube-system/replicaset-controller',
      namespace: 'shop',
      name: 'web-7d9f5c6b8d-',
    });
  });

  it('fills the namespace the API server would when the object has none, so namespace controls see it', () => {
    const review = fixture('pod-create-compliant.json');
    delete review.request.object.metadata.namespace;
    review.request.namespace = 'default';
    const result = decide(review);
    const r = response(result, review);
    expect(r.warnings).toEqual(["[CLU-001] Pod 'api' is in the 'default' namespace at /metadata/namespace"]);
    expect(result.log.namespace).toBe('default');
    // The review itself is left as it came.
    expect(review.request.object.metadata.namespace).toBeUndefined();
  });
});

describe('requests allowed without evaluation', () => {
  it('DELETE (object null, oldObject the stored Pod) is allowed; the log names what stops running', () => {
    const review = fixture('pod-delete.json');
    const result = decide(review);
    response(result, review);
    expect(result.body).toEqual({
      apiVersion: 'admission.k8s.io/v1',
      kind: 'AdmissionReview',
      response: { uid: '8091a2b3-c4d5-4e6f-9a7b-8c9d0e1f2a3b', allowed: true, auditAnnotations: { decision: 'allow' } },
    });
    expect(result.log).toEqual({
      ...ALICE_LOG,
      uid: '8091a2b3-c4d5-4e6f-9a7b-8c9d0e1f2a3b',
      operation: 'DELETE',
      kind: 'Pod',
      namespace: 'shop',
      name: 'debug-tools',
      images: ['docker.io/library/busybox:1.36'],
      dryRun: false,
      decision: 'allow',
      allowed: true,
      controls: [],
      note: 'DELETE: no control applies to deletions',
      latencyMs: 0,
    });
  });

  it('the status subresource is allowed even for a privileged Pod: the kubelet cannot change what is checked', () => {
    const review = fixture('pod-status-update.json');
    const result = decide(review);
    const r = response(result, review);
    expect(r.allowed).toBe(true);
    expect(result.log).toMatchObject({
      user: 'system:node:aks-nodepool1-12345678-vmss000000',
      subResource: 'status',
      decision: 'allow',
      note: "subresource 'status' cannot change what the controls check",
    });
    expect(result.log.serviceAccount).toBeUndefined();
  });

  it('CONNECT pods/exec is allowed', () => {
    const review = fixture('pod-exec-connect.json');
    const result = decide(review);
    expect(response(result, review).allowed).toBe(true);
    expect(result.log).toMatchObject({ operation: 'CONNECT', kind: 'PodExecOptions', subResource: 'exec', images: [], decision: 'allow' });
  });
});

describe('request exemptions (admission: section)', () => {
  it('kube-system is exempt by default: allowed, the reason in the log and an audit annotation', () => {
    const review = fixture('pod-create-kube-system.json');
    const result = decide(review);
    response(result, review);
    const reason = "namespace 'kube-system' matches admission.exemptNamespaces 'kube-system'";
    expect(result.body).toEqual({
      apiVersion: 'admission.k8s.io/v1',
      kind: 'AdmissionReview',
      response: { uid: 'e6f7a8b9-c0d1-4e2f-9a3b-4c5d6e7f8092', allowed: true, auditAnnotations: { exempt: reason, decision: 'exempt' } },
    });
    expect(result.log).toMatchObject({
      decision: 'exempt',
      exemption: reason,
      serviceAccount: 'kube-system/daemon-set-controller',
      name: 'csi-azuredisk-node-',
      images: ['mcr.microsoft.com/oss/kubernetes-csi/azuredisk-csi:v1.30.3'],
      controls: [],
    });
  });

  it("Palisade's own namespace stays exempt even when exemptNamespaces no longer lists it", () => {
    const review = fixture('pod-create-privileged.json');
    review.request.namespace = 'security';
    review.request.object.metadata.namespace = 'security';
    const config = 'admission:\n  namespace: security\n  exemptNamespaces: []\n';
    const result = decide(review, config);
    expect(response(result, review).allowed).toBe(true);
    expect(result.log.exemption).toBe("namespace 'security' is Palisade's own namespace");
    // kube-system is no longer exempt under this policy.
    const ks = fixture('pod-create-kube-system.json');
    const ksResult = decide(ks, config);
    expect(response(ksResult, ks).allowed).toBe(false);
    expect(ksResult.log.denied).toEqual(['NOD-001', 'NOD-002', 'NOD-003']);
    // And palisade-system is exempt by default.
    const own = fixture('pod-create-privileged.json');
    own.request.namespace = 'palisade-system';
    own.request.object.metadata.namespace = 'palisade-system';
    expect(decide(own).log.exemption).toBe("namespace 'palisade-system' is Palisade's own namespace");
  });

  it('users, groups, service accounts (both spellings, globs) and namespaces', () => {
    const pod = fixture('pod-create-privileged.json');
    const dep = fixture('deployment-create.json');
    const cases: [Json, string, string | undefined][] = [
      [pod, 'admission: { exemptUsers: ["alice@*"] }', "user 'alice@contoso.com' matches admission.exemptUsers 'alice@*'"],
      [pod, 'admission: { exemptUsers: ["bob@contoso.com"] }', undefined],
      [pod, 'admission: { exemptGroups: ["b7c1a6f0-2d7e-4f43-9a55-0c1e3f6b2d11"] }', "group 'b7c1a6f0-2d7e-4f43-9a55-0c1e3f6b2d11' matches admission.exemptGroups 'b7c1a6f0-2d7e-4f43-9a55-0c1e3f6b2d11'"],
      [pod, 'admission: { exemptGroups: ["system:serviceaccounts"] }', undefined],
      [pod, 'admission: { exemptNamespaces: ["sh*"] }', "namespace 'shop' matches admission.exemptNamespaces 'sh*'"],
      [dep, 'admission: { exemptServiceAccounts: ["system:serviceaccount:ci:*"] }', "service account 'ci/deployer' matches admission.exemptServiceAccounts 'ci/*'"],
      [dep, 'admission: { exemptServiceAccounts: ["ci/deployer"] }', "service account 'ci/deployer' matches admission.exemptServiceAccounts 'ci/deployer'"],
      [dep, 'admission: { exemptServiceAccounts: ["ci/other", "shop/deployer"] }', undefined],
      [dep, 'admission: { exemptUsers: ["system:serviceaccount:ci:deployer"] }', "user 'system:serviceaccount:ci:deployer' matches admission.exemptUsers 'system:serviceaccount:ci:deployer'"],
    ];
    for (const [review, config, reason] of cases) {
      const result = decide(review, config);
      const r = response(result, review);
      if (reason === undefined) {
        expect(result.log.decision, config).not.toBe('exempt');
        expect(result.log.exemption, config).toBeUndefined();
      } else {
        expect(r.allowed, config).toBe(true);
        expect(result.log.decision, config).toBe('exempt');
        expect(result.log.exemption, config).toBe(reason);
        expect(r.auditAnnotations?.exempt, config).toBe(reason);
      }
    }
  });

  it('images: exempt only when every container image matches', () => {
    const pod = fixture('pod-create-privileged.json');
    const r1 = decide(pod, 'admission: { exemptImages: ["docker.io/library/busybox:*"] }');
    expect(r1.log.exemption).toBe('every image (docker.io/library/busybox:1.36) matches admission.exemptImages');
    // The debug container's image matches, the application's does not: evaluated and denied.
    const dbg = fixture('pod-ephemeralcontainers-update.json');
    const r2 = decide(dbg, 'admission: { exemptImages: ["docker.io/library/busybox:*"] }');
    expect(response(r2, dbg).allowed).toBe(false);
    expect(r2.log.exemption).toBeUndefined();
  });

  it('rejects a service account that is neither ns/name nor system:serviceaccount:ns:name', () => {
    expect(() => handlerFor('admission: { exemptServiceAccounts: ["deployer"] }')).toThrow(ConfigError);
    expect(() => handlerFor('admission: { exemptServiceAccounts: ["deployer"] }')).toThrow(
      "palisade.yaml at /admission/exemptServiceAccounts/0: 'deployer' is not a service account: expected namespace/name or system:serviceaccount:namespace:name",
    );
    expect(() => parseConfig('admission: { failureMode: closed }', 'palisade.yaml')).toThrow('palisade.yaml at /admission/failureMode: expected one of fail-closed, fail-open');
    expect(() => parseConfig('admission: { evaluationDeadlineMs: 0 }', 'palisade.yaml')).toThrow('/admission/evaluationDeadlineMs');
    expect(() => parseConfig('admission: { exemptUser: [a] }', 'palisade.yaml')).toThrow("unknown property 'exemptUser'");
  });

  it('defaults: fail-closed, 2 s deadline, kube-system and palisade-system, no annotation exemptions, 1,024 characters', () => {
    expect(resolvePolicy(catalog, {}).admission).toEqual({
      failureMode: 'fail-closed',
      evaluationDeadlineMs: 2000,
      namespace: 'palisade-system',
      exemptNamespaces: ['kube-system', 'palisade-system'],
      exemptUsers: [],
      exemptGroups: [],
      exemptServiceAccounts: [],
      exemptImages: [],
      inlineExemptions: false,
      maxMessageLength: 1024,
    });
    expect(resolvePolicy(catalog, { admission: { namespace: 'guard' } }).admission.exemptNamespaces).toEqual(['kube-system', 'guard']);
  });
});

describe('finding exemptions and actions', () => {
  const exemption = (expires: string) => `exemptions:
  - controls: [NOD-002]
    match: { namespaces: [shop], names: [debug-*] }
    justification: break-glass debugging pod, ticket OPS-1234
    owner: platform-team
    expires: ${expires}
`;

  it("a policy exemption that still applies: allowed, the finding exempted, the reason in the annotations", () => {
    const review = fixture('pod-create-privileged.json');
    const result = decide(review, exemption('2027-03-31'));
    const r = response(result, review);
    expect(r.allowed).toBe(true);
    expect(r.auditAnnotations?.['exempted-NOD-002']).toBe('policy: break-glass debugging pod, ticket OPS-1234; owner platform-team; expires 2027-03-31');
    expect(result.log).toMatchObject({ decision: 'warn', exempted: ['NOD-002'] });
    expect(result.log.denied).toBeUndefined();
  });

  it('an expired policy exemption no longer applies: denied, with a warning and the log naming it', () => {
    const review = fixture('pod-create-privileged.json');
    const result = decide(review, exemption('2026-10-31'));
    const r = response(result, review);
    expect(r.allowed).toBe(false);
    expect(result.log.denied).toEqual(['NOD-002']);
    expect(result.log.expiredExemptions).toEqual(['palisade.yaml#/exemptions/0']);
    expect(r.warnings?.[0]).toBe('[NOD-002] exemption palisade.yaml#/exemptions/0 expired on 2026-10-31 and no longer applies');
  });

  it('annotation exemptions are ignored in admission unless admission.inlineExemptions is true', () => {
    const review = fixture('pod-create-privileged.json');
    review.request.object.metadata.annotations['exempt.palisade.io/NOD-002'] = 'debug image needs it';
    const ignored = decide(review);
    expect(response(ignored, review).allowed).toBe(false);
    expect(ignored.log.denied).toEqual(['NOD-002']);
    const honoured = decide(review, 'admission: { inlineExemptions: true }');
    const r = response(honoured, review);
    expect(r.allowed).toBe(true);
    expect(r.auditAnnotations?.['exempted-NOD-002']).toBe('annotation: debug image needs it');
    // Off in admission even with the top-level setting on, and on with it off.
    expect(decide(review, 'inlineExemptions: { enabled: true }').log.denied).toEqual(['NOD-002']);
    expect(decide(review, 'inlineExemptions: { enabled: false }\nadmission: { inlineExemptions: true }').log.exempted).toEqual(['NOD-002']);
  });

  it('audit action: findings become audit annotations with valid keys, not warnings', () => {
    const review = fixture('deployment-create.json');
    const result = decide(review, 'controls:\n  APP-020: { action: { admission: audit } }\n  APP-025: { action: { admission: audit } }\n');
    const r = response(result, review);
    expect(r.auditAnnotations).toMatchObject({
      'audit-APP-020': "Container 'web' has a writable root file system at /spec/template/spec/containers/0",
      'audit-APP-025': "Container 'web' has no CPU limit at /spec/template/spec/containers/0/resources (+1 more)",
    });
    expect(ids(r.warnings)).not.toContain('APP-020');
    expect(result.log.audited).toEqual(['APP-020', 'APP-025']);
  });

  it('deny action on a warn-by-default control denies', () => {
    const review = fixture('deployment-create.json');
    const result = decide(review, 'controls:\n  read-only-root-filesystem: { action: { admission: deny } }\n');
    const r = response(result, review);
    expect(r.status?.message).toBe(
      'Palisade denied Deployment shop/web: APP-020\n' + "[APP-020] Container 'web' has a writable root file system at /spec/template/spec/containers/0",
    );
  });
});

/** Test controls: one that throws, one that cannot decide, one for other stages, one that takes time. */
function testControl(id: string, check: (ctx: { notEvaluated(r: string): void; report(r: { messageId: 'm'; pointer: string }): void }) => void, stages: ('ci' | 'admission' | 'audit')[] = ['ci', 'admission', 'audit']): AnyControl {
  return asAny(
    defineControl({
      meta: {
        id, name: `test-${id.toLowerCase()}`, surface: 'application', severity: 'medium',
        appliesTo: ['k8s.workload'], stages,
        docs: { summary: 's', rationale: 'r', remediation: 'm' },
        frameworks: { seed: [] },
        messages: { m: 'test finding' },
      },
      check(_w, ctx) {
        check(ctx);
      },
    }),
  );
}

describe('controls that throw, cannot decide, or do not run at admission', () => {
  const throwing = testControl('APP-990', () => {
    throw new Error('boom: cannot read property of undefined');
  });

  it('fail-closed: a throwing control denies with 500, naming the control; logged in errors', () => {
    const review = fixture('pod-create-compliant.json');
    const result = decide(review, {}, { catalog: [...catalog, throwing] });
    const r = response(result, review);
    expect(r.allowed).toBe(false);
    expect(r.status).toEqual({
      code: 500,
      reason: 'InternalError',
      status: 'Failure',
      message:
        'Palisade could not evaluate Pod shop/api (APP-990) and denies it: failure mode is fail-closed\n' +
        '[APP-990] could not be evaluated: control failed: boom: cannot read property of undefined',
    });
    expect(result.log).toMatchObject({
      decision: 'error',
      allowed: false,
      controls: ['APP-990'],
      errors: [{ controlId: 'APP-990', error: 'control failed: boom: cannot read property of undefined' }],
    });
    expect(r.auditAnnotations?.errors).toBe('APP-990: control failed: boom: cannot read property of undefined');
  });

  it('fail-open: allowed with a warning naming the control; still logged as an error', () => {
    const review = fixture('pod-create-compliant.json');
    const result = decide(review, 'admission: { failureMode: fail-open }', { catalog: [...catalog, throwing] });
    const r = response(result, review);
    expect(r.allowed).toBe(true);
    expect(r.warnings).toEqual(['Palisade could not evaluate Pod shop/api with APP-990; allowed (failure mode fail-open)']);
    expect(result.log).toMatchObject({ decision: 'error', allowed: true, errors: [{ controlId: 'APP-990' }] });
  });

  it('deny findings still deny under fail-open, and the message names the failed control too under fail-closed', () => {
    const review = fixture('pod-create-privileged.json');
    const open = decide(review, 'admission: { failureMode: fail-open }', { catalog: [...catalog, throwing] });
    expect(response(open, review).status?.code).toBe(403);
    expect((open.body as Json).response.status.message).not.toContain('APP-990');
    const closed = decide(review, {}, { catalog: [...catalog, throwing] });
    const r = response(closed, review);
    expect(r.status?.code).toBe(403);
    expect(r.status?.message.split('\n')[0]).toBe('Palisade denied Pod shop/debug-tools: NOD-002; could not evaluate APP-990');
    expect(closed.log.controls).toEqual(['NOD-002', 'APP-990']);
  });

  it('a control that reports an unknown message id is an error of that control, not of the webhook', () => {
    const bad = asAny(
      defineControl({
        meta: {
          id: 'APP-992', name: 'test-bad-message', surface: 'application', severity: 'low', appliesTo: ['k8s.workload'],
          stages: ['admission'], docs: { summary: 's', rationale: 'r', remediation: 'm' }, frameworks: { seed: [] }, messages: { m: 'x' },
        },
        check(_w, ctx) {
          (ctx.report as (r: { messageId: string; pointer: string }) => void)({ messageId: 'nope', pointer: '' });
        },
      }),
    );
    const review = fixture('pod-create-compliant.json');
    const result = decide(review, {}, { catalog: [...catalog, bad] });
    expect(response(result, review).allowed).toBe(false);
    expect(result.log.errors).toEqual([{ controlId: 'APP-992', error: "control failed: APP-992 reported unknown message id 'nope'" }]);
  });

  it('a control that cannot decide is listed as skipped and warned; one that does not run at admission is listed as skipped', () => {
    const undecided = testControl('APP-991', (ctx) => ctx.notEvaluated('needs the registry, which admission cannot reach'));
    const inventory = testControl('APP-993', () => undefined, ['ci', 'audit']);
    const review = fixture('pod-create-compliant.json');
    const result = decide(review, {}, { catalog: [...catalog, undecided, inventory] });
    const r = response(result, review);
    expect(r.allowed).toBe(true);
    expect(r.warnings).toEqual(['[APP-991] not evaluated: needs the registry, which admission cannot reach']);
    expect(r.auditAnnotations?.['not-evaluated']).toBe('APP-991');
    expect(result.log).toMatchObject({
      decision: 'warn',
      controls: ['APP-991'],
      skipped: [
        { controlId: 'APP-993', reason: 'runs only at ci, audit, not at admission' },
        { controlId: 'APP-991', reason: 'needs the registry, which admission cannot reach' },
      ],
    });
  });
});

describe('evaluation deadline (fake clock)', () => {
  /** A clock that only moves when the slow control runs. */
  function slowSetup() {
    let t = 1000;
    const slow = testControl('APP-900', () => {
      t += 2500;
    });
    return { clock: () => t, cat: [...catalog, slow].sort((a, b) => a.meta.id.localeCompare(b.meta.id)) };
  }

  it('fail-closed: the controls not run by the deadline deny the request, named in the message and the log', () => {
    const { clock, cat } = slowSetup();
    const review = fixture('pod-create-privileged.json');
    const result = decide(review, {}, { catalog: cat, clock });
    const r = response(result, review);
    expect(r.allowed).toBe(false);
    expect(r.status?.code).toBe(500);
    // The object subject (CLU-001) and the workload controls up to APP-900 ran; the rest did not.
    const unrun = ['NOD-001', 'NOD-002', 'NOD-003', 'NOD-004', 'NOD-005', 'NOD-006', 'NOD-010', 'NOD-011', 'REG-001', 'REG-002', 'REG-003'];
    expect(r.status?.message.split('\n')[0]).toBe(`Palisade could not evaluate Pod shop/debug-tools (${unrun.join(', ')}) and denies it: failure mode is fail-closed`);
    expect(r.status?.message).toContain('[NOD-002] could not be evaluated: the 2000 ms evaluation deadline passed before it ran (2500 ms elapsed, the last control run was APP-900)');
    expect(result.log.decision).toBe('error');
    expect(result.log.errors?.map((e) => e.controlId)).toEqual(unrun);
    expect(result.log.latencyMs).toBe(2500);
    // The findings of the controls that did run are still reported.
    expect(ids(r.warnings)).toContain('APP-008');
  });

  it('fail-open: allowed with a warning naming the controls not run', () => {
    const { clock, cat } = slowSetup();
    const review = fixture('pod-create-privileged.json');
    const result = decide(review, 'admission: { failureMode: fail-open, evaluationDeadlineMs: 1000 }', { catalog: cat, clock });
    const r = response(result, review);
    expect(r.allowed).toBe(true);
    expect(r.warnings?.[0]).toBe('Palisade could not evaluate Pod shop/debug-tools with NOD-001, NOD-002, … +9 more; allowed (failure mode fail-open)');
    expect(result.log).toMatchObject({ decision: 'error', allowed: true });
  });

  it('a long deadline is not reached by the same slow control', () => {
    const { clock, cat } = slowSetup();
    const review = fixture('pod-create-privileged.json');
    const result = decide(review, 'admission: { evaluationDeadlineMs: 5000 }', { catalog: cat, clock });
    expect(result.log.errors).toBeUndefined();
    expect(result.log.denied).toEqual(['NOD-002']);
  });
});

describe('malformed bodies: 400 with a metav1.Status, and the log says why', () => {
  const status = (message: string) => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 400, reason: 'BadRequest', message });
  const parseError = ((): Error => {
    try {
      JSON.parse('{"kind": "AdmissionReview", ');
    } catch (e) {
      return e as Error;
    }
    throw new Error('expected a parse error');
  })();

  const valid = () => fixture('pod-create-privileged.json');
  const cases: [string, () => unknown, string, string?][] = [
    ['not JSON', () => parseError, `request body is not valid JSON: ${parseError.message}`],
    ['an array', () => [valid()], 'request body must be a JSON object (an admission.k8s.io/v1 AdmissionReview), got an array'],
    ['null', () => null, 'request body must be a JSON object (an admission.k8s.io/v1 AdmissionReview), got null'],
    ['a string', () => 'hello', 'request body must be a JSON object (an admission.k8s.io/v1 AdmissionReview), got a string'],
    ['another kind', () => ({ ...valid(), kind: 'Pod' }), "expected kind AdmissionReview, got 'Pod'"],
    ['no request', () => ({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' }), 'AdmissionReview has no request object (request is a undefined)'],
    [
      'v1beta1',
      () => fixture('pod-create-v1beta1.json'),
      "unsupported AdmissionReview apiVersion 'admission.k8s.io/v1beta1': Palisade serves admission.k8s.io/v1 only (admissionReviewVersions: [v1])",
    ],
    ['no uid', () => { const r = valid(); delete r.request.uid; return r; }, 'request.uid must be a non-empty string'],
    ['bad operation', () => { const r = valid(); r.request.operation = 'PATCH'; return r; }, "request.operation must be one of CREATE, UPDATE, DELETE, CONNECT, got 'PATCH'", '0f3c9a4e-6a52-4c35-9d43-2f6a7d1e8b01'],
    ['CREATE without object', () => { const r = valid(); r.request.object = null; return r; }, 'request.object is required for CREATE', '0f3c9a4e-6a52-4c35-9d43-2f6a7d1e8b01'],
    ['object not an object', () => { const r = valid(); r.request.object = 'pod'; return r; }, 'request.object must be an object or null, got a string', '0f3c9a4e-6a52-4c35-9d43-2f6a7d1e8b01'],
    ['groups not strings', () => { const r = valid(); r.request.userInfo.groups = [1]; return r; }, 'request.userInfo.groups must be a list of strings', '0f3c9a4e-6a52-4c35-9d43-2f6a7d1e8b01'],
    ['kind not a GVK', () => { const r = valid(); r.request.kind = 'Pod'; return r; }, 'request.kind must be a group/version/kind object with a kind', '0f3c9a4e-6a52-4c35-9d43-2f6a7d1e8b01'],
  ];
  for (const [name, body, message, uid] of cases) {
    it(name, () => {
      const result = handlerFor().handle(body(), NOW);
      expect(result.httpStatus).toBe(400);
      expect(result.body).toEqual(status(message));
      expect(result.log).toEqual({
        time: '2026-11-29T12:00:00.000Z',
        images: [],
        dryRun: false,
        decision: 'invalid',
        controls: [],
        latencyMs: 0,
        reason: message,
        ...(uid ? { uid } : {}),
      });
    });
  }

  it('never throws, even on a body whose fields throw when read', () => {
    const hostile = {
      get kind(): string {
        throw new Error('getter exploded');
      },
    };
    const result = handlerFor().handle(hostile, NOW);
    expect(result.httpStatus).toBe(500);
    expect(result.body).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 500, reason: 'InternalError',
      message: 'Palisade could not decide: internal error: getter exploded',
    });
    expect(result.log).toMatchObject({ decision: 'error', errors: [{ controlId: '*', error: 'internal error: getter exploded' }] });
  });
});

describe('texts that leave the webhook are safe and bounded', () => {
  /** A Pod with many privileged containers whose names carry terminal escapes and newlines. */
  function hostilePod(containers: number) {
    const review = fixture('pod-create-privileged.json');
    const spec = review.request.object.spec;
    const base = spec.containers[0];
    spec.containers = Array.from({ length: containers }, (_, i) => ({ ...base, name: `c${i}\u001b[31m\nEVIL\t\u0007` }));
    return review;
  }

  it('deny messages stay within maxMessageLength, keep every control id in the first line, and end with "… and N more"', () => {
    const review = hostilePod(40);
    const result = decide(review);
    const r = response(result, review);
    const message = r.status?.message ?? '';
    expect(runes(message)).toBeLessThanOrEqual(1024);
    expect(message.split('\n')[0]).toBe('Palisade denied Pod shop/debug-tools: NOD-002');
    expect(message).toMatch(/\n… and \d+ more$/);
    expect(message).not.toContain('\u001b');
    // Escapes, newlines and tabs become spaces: the line stays one line and the terminal stays clean.
    expect(message.split('\n')[1]).toBe("[NOD-002] Container 'c0 [31m EVIL ' runs privileged (securityContext.privileged: true) at /spec/containers/0/securityContext/privileged");
    expect(message.split('\n')[2]).toMatch(/^\[NOD-002\] Container 'c1 /);
    const short = decide(review, 'admission: { maxMessageLength: 256 }');
    expect(runes(response(short, review, 256).status?.message ?? '')).toBeLessThanOrEqual(256);
  });

  it('warnings carry no control characters and stay within the budget', () => {
    const review = hostilePod(40);
    const r = response(decide(review), review);
    expect(r.warnings?.length).toBeGreaterThan(0);
    expect(r.warnings?.join('')).not.toContain('EVIL\t');
    expect(r.warnings).toContain("[APP-020] Container 'c0 [31m EVIL ' has a writable root file system at /spec/containers/0 (+39 more)");
  });

  it('every fixture answer is valid for the API server', () => {
    for (const name of ['pod-create-privileged.json', 'pod-create-compliant.json', 'deployment-create.json', 'deployment-update.json', 'cronjob-create-dryrun.json',
      'pod-delete.json', 'pod-status-update.json', 'pod-create-replicaset-controller.json', 'pod-ephemeralcontainers-update.json', 'pod-create-kube-system.json', 'pod-exec-connect.json']) {
      const review = fixture(name);
      const result = decide(review);
      response(result, review);
      expect(result.log.time).toBe('2026-11-29T12:00:00.000Z');
      expect(JSON.parse(JSON.stringify(result.log))).toEqual(result.log);
    }
  });

  it('latency is measured by the clock it is given', () => {
    let t = 0;
    const clock = () => (t += 0.125);
    const result = handlerFor({}, { clock }).handle(fixture('pod-create-compliant.json'), NOW);
    expect(result.log.latencyMs).toBeGreaterThan(0);
    expect(result.log.latencyMs).toBe(t - 0.125);
  });
});
