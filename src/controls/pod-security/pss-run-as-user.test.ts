import { testControl } from '../../../test/control-tester.js';
import control from './pss-run-as-user.js';

const rootEverywhere = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: legacy, namespace: shop }
spec:
  template:
    spec:
      securityContext:
        runAsUser: 0
      initContainers:
        - name: init
          image: contoso.azurecr.io/init:1.0
          securityContext: { runAsUser: 1000 }
      containers:
        - name: app
          image: contoso.azurecr.io/legacy:1.0
          securityContext:
            runAsUser: 0
`;

const rootInUserNamespace = `
apiVersion: v1
kind: Pod
metadata: { name: builder }
spec:
  hostUsers: false
  containers:
    - name: build
      image: contoso.azurecr.io/build:1.0
      securityContext: { runAsUser: 0 }
`;

testControl(control, {
  valid: [
    {
      name: 'non-zero UIDs',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext: { runAsUser: 10001, runAsNonRoot: true }
  containers:
    - name: app
      image: contoso.azurecr.io/web:1.2.3
      securityContext: { runAsUser: 10002 }
`,
    },
    { name: 'not checked before policy v1.23', pssVersion: 22, yaml: rootEverywhere },
    { name: 'root inside a user namespace from policy v1.35', pssVersion: 35, yaml: rootInUserNamespace },
  ],
  invalid: [
    {
      name: 'UID 0 at pod level and on a container',
      pssVersion: 23,
      yaml: rootEverywhere,
      errors: [
        { messageId: 'podRoot', pointer: '/spec/template/spec/securityContext/runAsUser', line: 9 },
        {
          messageId: 'containerRoot',
          pointer: '/spec/template/spec/containers/0/securityContext/runAsUser',
          data: { container: 'app' },
          line: 18,
        },
      ],
    },
    {
      name: 'root inside a user namespace before policy v1.35',
      pssVersion: 34,
      yaml: rootInUserNamespace,
      errors: [{ messageId: 'containerRoot', pointer: '/spec/containers/0/securityContext/runAsUser', data: { container: 'build' } }],
    },
  ],
});
