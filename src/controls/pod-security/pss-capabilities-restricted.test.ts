import { testControl } from '../../../test/control-tester.js';
import control from './pss-capabilities-restricted.js';

const notDropped = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: contoso.azurecr.io/init:1.0
          securityContext:
            capabilities:
              drop: [NET_RAW]
      containers:
        - name: app
          image: contoso.azurecr.io/web:1.2.3
          securityContext:
            capabilities:
              drop: [ALL]
              add: [NET_BIND_SERVICE, SYS_TIME]
        - name: sidecar
          image: contoso.azurecr.io/sidecar:1.0
`;

testControl(control, {
  valid: [
    {
      name: 'drop ALL and add back NET_BIND_SERVICE',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: app
      image: contoso.azurecr.io/web:1.2.3
      securityContext:
        capabilities: { drop: [ALL], add: [NET_BIND_SERVICE] }
`,
    },
    { name: 'not checked before policy v1.22', pssVersion: 21, yaml: notDropped },
    {
      name: 'Windows pods are exempt from policy v1.25',
      pssVersion: 25,
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: iis }
spec:
  os: { name: windows }
  containers:
    - { name: iis, image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022 }
`,
    },
  ],
  invalid: [
    {
      name: 'partial drop, an extra capability and no capabilities at all',
      pssVersion: 22,
      yaml: notDropped,
      errors: [
        {
          messageId: 'notDropped',
          pointer: '/spec/template/spec/initContainers/0/securityContext/capabilities/drop',
          data: { container: 'init' },
          line: 13,
        },
        {
          messageId: 'added',
          pointer: '/spec/template/spec/containers/0/securityContext/capabilities/add/1',
          data: { container: 'app', capability: 'SYS_TIME' },
        },
        { messageId: 'notDropped', pointer: '/spec/template/spec/containers/1', data: { container: 'sidecar' }, line: 21 },
      ],
    },
  ],
});
