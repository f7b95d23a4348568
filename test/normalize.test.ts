import { describe, expect, it } from 'vitest';
import { subjectsFromText } from '../src/engine/pipeline.js';
import type { WorkloadSubject } from '../src/model/types.js';

const containers = `
      initContainers:
        - name: init
          image: busybox:1.36
      containers:
        - name: app
          image: contoso.azurecr.io/app:1.0
          securityContext: { runAsUser: 1000, allowPrivilegeEscalation: false }
      ephemeralContainers:
        - name: debug
          image: busybox:1.36`;

const podSpec = (indent: string) =>
  `${indent}securityContext: { runAsNonRoot: true, runAsUser: 2000, seccompProfile: { type: RuntimeDefault } }\n` +
  containers.replace(/^ {6}/gm, indent).replace(/^\n/, '');

const CASES: [string, string, string][] = [
  ['Pod', `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n, annotations: {a: b}}\nspec:\n${podSpec('  ')}\n`, '/spec'],
  ['Deployment', `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: p, namespace: n}\nspec:\n  template:\n    metadata: {annotations: {a: b}}\n    spec:\n${podSpec('      ')}\n`, '/spec/template/spec'],
  ['StatefulSet', `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: p, namespace: n}\nspec:\n  template:\n    metadata: {annotations: {a: b}}\n    spec:\n${podSpec('      ')}\n`, '/spec/template/spec'],
  ['DaemonSet', `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: p, namespace: n}\nspec:\n  template:\n    metadata: {annotations: {a: b}}\n    spec:\n${podSpec('      ')}\n`, '/spec/template/spec'],
  ['ReplicaSet', `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: p, namespace: n}\nspec:\n  template:\n    metadata: {annotations: {a: b}}\n    spec:\n${podSpec('      ')}\n`, '/spec/template/spec'],
  ['ReplicationController', `apiVersion: v1\nkind: ReplicationController\nmetadata: {name: p, namespace: n}\nspec:\n  template:\n    metadata: {annotations: {a: b}}\n    spec:\n${podSpec('      ')}\n`, '/spec/template/spec'],
  ['Job', `apiVersion: batch/v1\nkind: Job\nmetadata: {name: p, namespace: n}\nspec:\n  template:\n    metadata: {annotations: {a: b}}\n    spec:\n${podSpec('      ')}\n`, '/spec/template/spec'],
  ['CronJob', `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: p, namespace: n}\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        metadata: {annotations: {a: b}}\n        spec:\n${podSpec('          ')}\n`, '/spec/jobTemplate/spec/template/spec'],
  ['PodTemplate', `apiVersion: v1\nkind: PodTemplate\nmetadata: {name: p, namespace: n}\ntemplate:\n  metadata: {annotations: {a: b}}\n  spec:\n${podSpec('    ')}\n`, '/template/spec'],
];

describe('every pod-bearing kind normalizes to one workload view', () => {
  it.each(CASES)('%s', (kind, text, specPointer) => {
    const { subjects, errors } = subjectsFromText(`${kind}.yaml`, text);
    expect(errors).toEqual([]);
    expect(subjects.map((s) => s.type)).toEqual(['k8s.object', 'k8s.workload']);
    const w = subjects[1] as WorkloadSubject;
    expect(w.resource).toEqual({ apiVersion: expect.any(String), kind, namespace: 'n', name: 'p' });
    expect(w.podSpecPointer).toBe(specPointer);
    expect(w.podMetadata.annotations).toEqual({ a: 'b' });
    expect(w.containers.map((c) => [c.name, c.role, c.pointer])).toEqual([
      ['init', 'init', `${specPointer}/initContainers/0`],
      ['app', 'container', `${specPointer}/containers/0`],
      ['debug', 'ephemeral', `${specPointer}/ephemeralContainers/0`],
    ]);
    // Pod-level settings flow into each container unless the container overrides them.
    const app = w.containers[1]!;
    expect(app.effective).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, seccompProfileType: 'RuntimeDefault', allowPrivilegeEscalation: false });
    expect(w.containers[0]!.effective).toMatchObject({ runAsUser: 2000 });
    expect(w.containers[0]!.effective.allowPrivilegeEscalation).toBeUndefined();
    // Positions resolve inside the template.
    expect(w.source.positions.locate(`${specPointer}/containers/0/securityContext/runAsUser`)!.line).toBe(
      text.split('\n').findIndex((l) => l.includes('runAsUser: 1000')) + 1,
    );
  });

  it('treats a custom kind with a pod template (Argo Rollout) as a workload', () => {
    const text = `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: b}]\n`;
    const { subjects } = subjectsFromText('r.yaml', text);
    expect(subjects.map((s) => s.type)).toEqual(['k8s.object', 'k8s.workload']);
  });

  it('keeps non-workload objects as plain objects', () => {
    const { subjects } = subjectsFromText('s.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: s, labels: {app: x}}\nspec: {ports: [{port: 80}]}\n');
    expect(subjects).toHaveLength(1);
    expect(subjects[0]).toMatchObject({ type: 'k8s.object', resource: { kind: 'Service', name: 's' }, labels: { app: 'x' } });
  });
});
