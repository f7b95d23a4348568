/**
 * The cluster and the CLI cannot disagree: for the same AdmissionReview, the webhook's decision (allowed,
 * denying controls, warning controls) equals what `palisade scan <review> --stage admission` states
 * through admissionDecisionFromScan, for the default policy and for policy files that exempt, audit,
 * expire, and for a control that throws.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { createAdmissionHandler } from '../src/admission/decide.js';
import { admissionDecisionFromScan } from '../src/admission/from-scan.js';
import { asAny, defineControl, type AnyControl } from '../src/controls/define.js';
import { catalog } from '../src/controls/index.js';
import { loadPolicy, scan } from '../src/scan.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'admission');
const NOW = new Date('2026-11-29T12:00:00Z');
const REVIEWS = [
  'pod-create-privileged.json',
  'pod-create-compliant.json',
  'deployment-create.json',
  'deployment-update.json',
  'cronjob-create-dryrun.json',
  'pod-delete.json',
  'pod-status-update.json',
  'pod-create-replicaset-controller.json',
  'pod-ephemeralcontainers-update.json',
  'pod-create-kube-system.json',
  'pod-exec-connect.json',
  'pod-create-v1beta1.json',
];

const sorted = (a: readonly string[] | undefined) => [...(a ?? [])].sort();

interface Both {
  webhook: { allowed: boolean; decision: string; denied: string[]; warned: string[]; audited: string[]; message?: string };
  cli: ReturnType<typeof admissionDecisionFromScan>;
  findings: Awaited<ReturnType<typeof scan>>['findings'];
}

async function both(file: string, config?: string, extraCatalog: readonly AnyControl[] = []): Promise<Both> {
  const cat = extraCatalog.length > 0 ? [...catalog, ...extraCatalog] : catalog;
  const opts = config ? { paths: [file], config } : { paths: [file], noConfig: true };
  const review: unknown = yaml.load(readFileSync(file, 'utf8'));
  const policy = loadPolicy(opts, cat);
  const result = createAdmissionHandler(policy, { ...policy.admission, clock: () => 0 }, cat).handle(review, NOW);
  const body = result.body as { response?: { allowed: boolean; status?: { message: string } } };
  const scanned = await scan({ ...opts, stage: 'admission', now: NOW, catalog: cat });
  const webhook: Both['webhook'] = {
    allowed: body.response?.allowed ?? false,
    decision: result.log.decision,
    denied: sorted(result.log.denied),
    warned: sorted(result.log.warned),
    audited: sorted(result.log.audited),
  };
  if (body.response?.status) webhook.message = body.response.status.message;
  return { webhook, cli: admissionDecisionFromScan(scanned, { settings: policy.admission, review }), findings: scanned.findings };
}

function expectSame({ webhook, cli }: Both): void {
  expect({ allowed: cli.allowed, decision: cli.decision, denied: sorted(cli.denied), warned: sorted(cli.warned), audited: sorted(cli.audited) }).toEqual({
    allowed: webhook.allowed,
    decision: webhook.decision,
    denied: webhook.denied,
    warned: webhook.warned,
    audited: webhook.audited,
  });
}

describe('the webhook and palisade scan decide the same review the same way', () => {
  for (const name of REVIEWS) {
    it(name, async () => {
      const b = await both(path.join(FIXTURES, name));
      expectSame(b);
      // The scan reports the same denying findings at the same fields, as pointers into the review file
      // with their line, where the webhook names them relative to the object.
      const fromMessage = (b.webhook.message ?? '')
        .split('\n')
        .map((l) => /^\[([A-Z]+-\d+)\].* at (\/\S*)$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => `${m[1]} ${m[2]}`);
      const fromScan = b.findings.filter((f) => f.status === 'fail' && f.action === 'deny').map((f) => `${f.controlId} ${f.location.pointer.replace(/^\/request\/object/, '')}`);
      if (b.webhook.decision !== 'exempt') expect(sorted(fromScan)).toEqual(sorted(fromMessage));
      for (const f of b.findings) {
        expect(f.location.pointer.startsWith('/request/object')).toBe(true);
        expect(f.location.line).toBeGreaterThan(0);
      }
    });
  }

  it('a review written as YAML scans the same as its JSON', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'palisade-review-'));
    const file = path.join(dir, 'review.yaml');
    writeFileSync(file, yaml.dump(JSON.parse(readFileSync(path.join(FIXTURES, 'deployment-update.json'), 'utf8'))));
    const b = await both(file);
    expectSame(b);
    expect(b.cli.denied).toEqual(['NOD-002', 'NOD-003']);
    const hostPath = b.findings.find((f) => f.controlId === 'NOD-003');
    expect(hostPath?.location).toMatchObject({ file, pointer: '/request/object/spec/template/spec/volumes/0' });
    expect(hostPath?.location.line).toBeGreaterThan(0);
  });

  it('the scan reads the object with the namespace the API server fills in', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'palisade-review-'));
    const review = JSON.parse(readFileSync(path.join(FIXTURES, 'pod-create-compliant.json'), 'utf8')) as { request: { namespace: string; object: { metadata: Record<string, unknown> } } };
    delete review.request.object.metadata.namespace;
    review.request.namespace = 'default';
    const file = path.join(dir, 'review.json');
    writeFileSync(file, JSON.stringify(review, null, 2));
    const b = await both(file);
    expectSame(b);
    expect(b.cli.warned).toEqual(['CLU-001']);
    expect(b.findings[0]?.resource).toEqual({ apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'api' });
  });
});

describe('with a policy file', () => {
  function estate(config: string, reviews: string[], edit?: (name: string, review: Record<string, any>) => void): { dir: string; config: string } { // eslint-disable-line @typescript-eslint/no-explicit-any
    const dir = mkdtempSync(path.join(tmpdir(), 'palisade-admission-'));
    for (const name of reviews) {
      if (edit) {
        const review = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
        edit(name, review);
        writeFileSync(path.join(dir, name), JSON.stringify(review, null, 2));
      } else copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
    }
    writeFileSync(path.join(dir, 'palisade.yaml'), config);
    return { dir, config: path.join(dir, 'palisade.yaml') };
  }

  const cases: [string, string, string[], ((name: string, r: Record<string, any>) => void)?][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    [
      'an exemption in force and an expired one',
      `exemptions:
  - controls: [NOD-002]
    match: { names: [debug-*] }
    justification: break-glass
    expires: 2027-01-31
  - controls: [NOD-004]
    match: { namespaces: [shop] }
    justification: legacy host port
    expires: 2026-06-30
`,
      ['pod-create-privileged.json', 'pod-create-replicaset-controller.json'],
    ],
    [
      'annotation exemptions: honoured by a plain scan, ignored by the webhook, so the decision says denied',
      'inlineExemptions: { enabled: true }\n',
      ['pod-create-privileged.json'],
      (_n, r) => {
        r.request.object.metadata.annotations['exempt.palisade.io/pss-privileged'] = 'debugging';
      },
    ],
    [
      'annotation exemptions enabled in admission',
      'admission: { inlineExemptions: true }\n',
      ['pod-create-privileged.json'],
      (_n, r) => {
        r.request.object.metadata.annotations['exempt.palisade.io/NOD-002'] = 'debugging';
      },
    ],
    ['audit and deny actions', 'controls:\n  APP-020: { action: { admission: deny } }\n  APP-025: { action: audit }\n', ['deployment-create.json', 'pod-create-compliant.json']],
    [
      'request exemptions: users, service accounts, images, namespaces',
      'admission:\n  exemptUsers: ["alice@*"]\n  exemptServiceAccounts: ["ci/deployer"]\n  exemptImages: ["contoso.azurecr.io/reports/*"]\n  exemptNamespaces: [kube-system]\n',
      ['pod-create-privileged.json', 'deployment-create.json', 'cronjob-create-dryrun.json', 'pod-create-replicaset-controller.json', 'pod-create-kube-system.json'],
    ],
    ['fail-open', 'admission: { failureMode: fail-open }\n', ['pod-create-privileged.json', 'deployment-update.json']],
  ];

  for (const [title, config, reviews, edit] of cases) {
    it(title, async () => {
      const e = estate(config, reviews, edit);
      for (const name of reviews) {
        const b = await both(path.join(e.dir, name), e.config);
        expectSame(b);
      }
    });
  }

  it('the deciding facts of those cases', async () => {
    const ann = estate('inlineExemptions: { enabled: true }\n', ['pod-create-privileged.json'], (_n, r) => {
      r.request.object.metadata.annotations['exempt.palisade.io/pss-privileged'] = 'debugging';
    });
    const b = await both(path.join(ann.dir, 'pod-create-privileged.json'), ann.config);
    // At the admission stage the scan applies annotation exemptions as the webhook does (off by default),
    // so the finding is listed as failing, exactly as the webhook denies it.
    expect(b.findings.find((f) => f.controlId === 'NOD-002')?.status).toBe('fail');
    expect(b.cli).toMatchObject({ allowed: false, denied: ['NOD-002'] });

    const req = estate('admission:\n  exemptUsers: ["alice@*"]\n  exemptImages: ["contoso.azurecr.io/reports/*"]\n', ['pod-create-privileged.json', 'cronjob-create-dryrun.json']);
    expect((await both(path.join(req.dir, 'pod-create-privileged.json'), req.config)).cli).toMatchObject({ allowed: true, decision: 'exempt' });
    expect((await both(path.join(req.dir, 'cronjob-create-dryrun.json'), req.config)).cli).toMatchObject({
      allowed: true,
      decision: 'exempt',
      exemption: 'every image (contoso.azurecr.io/reports/nightly:1.3.0) matches admission.exemptImages',
    });
  });

  it('a control that throws: fail-closed in both, fail-open in both', async () => {
    const throwing = asAny(
      defineControl({
        meta: {
          id: 'APP-990', name: 'test-throws', surface: 'application', severity: 'medium', appliesTo: ['k8s.workload'],
          stages: ['ci', 'admission', 'audit'], docs: { summary: 's', rationale: 'r', remediation: 'm' }, frameworks: { seed: [] }, messages: { m: 'x' },
        },
        check() {
          throw new Error('boom');
        },
      }),
    );
    for (const mode of ['fail-closed', 'fail-open']) {
      const e = estate(`admission: { failureMode: ${mode} }\n`, ['pod-create-compliant.json']);
      const b = await both(path.join(e.dir, 'pod-create-compliant.json'), e.config, [throwing]);
      expectSame(b);
      expect(b.cli).toMatchObject({ allowed: mode === 'fail-open', decision: 'error', errors: ['APP-990'] });
    }
  });

  it('refuses a scan at another stage: its actions are not the admission ones', async () => {
    const result = await scan({ paths: [path.join(FIXTURES, 'pod-create-privileged.json')], noConfig: true, now: NOW });
    expect(() => admissionDecisionFromScan(result)).toThrow("admissionDecisionFromScan needs a scan at stage 'admission', not 'ci'");
  });
});
