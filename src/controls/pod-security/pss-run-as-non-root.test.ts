import { testControl } from '../../../test/control-tester.js';
import control from './pss-run-as-non-root.js';

const userNamespacePod = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: legacy, namespace: shop }
spec:
  template:
    spec:
      hostUsers: false
      containers:
        - name: app
          image: contoso.azurecr.io/legacy:1.0
`;

testControl(control, {
  valid: [
    {
      name: 'runAsNonRoot true at pod level',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext: { runAsNonRoot: true }
  initContainers:
    - { name: init, image: contoso.azurecr.io/init:1.0 }
  containers:
    - { name: app, image: contoso.azurecr.io/web:1.2.3 }
`,
    },
    {
      name: 'runAsNonRoot true on every container',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  initContainers:
    - name: init
      image: contoso.azurecr.io/init:1.0
      securityContext: { runAsNonRoot: true }
  containers:
    - name: app
      image: contoso.azurecr.io/web:1.2.3
      securityContext: { runAsNonRoot: true }
`,
    },
    { name: 'pods in a user namespace are exempt from policy v1.35', pssVersion: 35, yaml: userNamespacePod },
  ],
  invalid: [
    {
      name: 'user namespace does not exempt before policy v1.35',
      pssVersion: 34,
      yaml: userNamespacePod,
      errors: [{ messageId: 'containerUnset', pointer: '/spec/template/spec/containers/0', data: { container: 'app' }, line: 10 }],
    },
    {
      name: 'pod-level false overrides container-level true',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    runAsNonRoot: false
  containers:
    - name: app
      image: contoso.azurecr.io/web:1.2.3
      securityContext: { runAsNonRoot: true }
`,
      errors: [{ messageId: 'podFalse', pointer: '/spec/securityContext/runAsNonRoot', data: { value: 'false' }, line: 7 }],
    },
    {
      name: 'an init container opts out of the pod setting, in a Job',
      yaml: `
apiVersion: batch/v1
kind: Job
metadata: { name: migrate, namespace: data }
spec:
  template:
    spec:
      securityContext: { runAsNonRoot: true }
      initContainers:
        - name: chown
          image: contoso.azurecr.io/chown:1.0
          securityContext: { runAsNonRoot: false }
      containers:
        - name: migrate
          image: contoso.azurecr.io/migrate:1.0
`,
      errors: [
        {
          messageId: 'containerFalse',
          pointer: '/spec/template/spec/initContainers/0/securityContext/runAsNonRoot',
          data: { container: 'chown', value: 'false' },
        },
      ],
    },
  ],
});
