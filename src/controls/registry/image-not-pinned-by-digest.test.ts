import { describe, expect, it } from 'vitest';
import { runControl, testControl } from '../../../test/control-tester.js';
import { asAny } from '../define.js';
import mutableTag from './image-mutable-tag.js';
import control from './image-not-pinned-by-digest.js';

const SHA = 'sha256:' + 'c'.repeat(64);

testControl(control, {
  valid: [
    {
      name: 'digests with and without tags; latest and untagged are REG-001’s',
      yaml: `
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: data }
spec:
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      containers:
        - name: db
          image: contoso.azurecr.io/postgres:16.3@${SHA}
        - name: exporter
          image: contoso.azurecr.io/exporter@${SHA}
        - name: untagged
          image: contoso.azurecr.io/untagged
        - name: latest
          image: contoso.azurecr.io/tool:latest
`,
    },
  ],
  invalid: [
    {
      name: 'release tags without digest, with a registry port',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      initContainers:
        - name: wait
          image: myreg:5000/busybox:1.36
      containers:
        - name: api
          image: contoso.azurecr.io/api:2.3.1
`,
      errors: [
        {
          messageId: 'notPinned',
          pointer: '/spec/template/spec/initContainers/0/image',
          data: { container: 'wait', image: 'myreg:5000/busybox:1.36', tag: '1.36' },
        },
        {
          messageId: 'notPinned',
          pointer: '/spec/template/spec/containers/0/image',
          data: { container: 'api', image: 'contoso.azurecr.io/api:2.3.1', tag: '2.3.1' },
          line: 15,
        },
      ],
    },
  ],
});

describe('REG-001 and REG-002 together', () => {
  it('never report the same image twice, and report every unpinned image once', () => {
    const images = ['nginx', 'nginx:latest', 'nginx:1.27', `nginx@${SHA}`, `nginx:latest@${SHA}`, 'myreg:5000/app', 'myreg:5000/app:1'];
    const yaml = `
apiVersion: v1
kind: Pod
metadata: { name: p, namespace: shop }
spec:
  containers:
${images.map((img, i) => `    - { name: c${i}, image: "${img}" }`).join('\n')}
`;
    const both = [...runControl(asAny(mutableTag), yaml).findings, ...runControl(asAny(control), yaml).findings];
    const byPointer = new Map<string, string[]>();
    for (const f of both) byPointer.set(f.location.pointer, [...(byPointer.get(f.location.pointer) ?? []), f.controlId]);
    expect(Object.fromEntries(byPointer)).toEqual({
      '/spec/containers/0/image': ['REG-001'],
      '/spec/containers/1/image': ['REG-001'],
      '/spec/containers/2/image': ['REG-002'],
      '/spec/containers/5/image': ['REG-001'],
      '/spec/containers/6/image': ['REG-002'],
    });
  });
});
