import { testControl } from '../../../test/control-tester.js';
import control from './pss-allow-privilege-escalation.js';

const missing = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      containers:
        - name: app
          image: contoso.azurecr.io/web:1.2.3
`;

const windows = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: iis, namespace: legacy }
spec:
  template:
    spec:
      os: { name: windows }
      containers:
        - name: iis
          image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
`;

testControl(control, {
  valid: [
    {
      name: 'false on every container, init and ephemeral included',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  initContainers:
    - name: init
      image: contoso.azurecr.io/init:1.0
      securityContext: { allowPrivilegeEscalation: false }
  containers:
    - name: app
      image: contoso.azurecr.io/web:1.2.3
      securityContext: { allowPrivilegeEscalation: false }
  ephemeralContainers:
    - name: debugger
      image: busybox:1.36
      securityContext: { allowPrivilegeEscalation: false }
`,
    },
    { name: 'not checked before policy v1.8', pssVersion: 7, yaml: missing },
    { name: 'Windows pods are exempt from policy v1.25', pssVersion: 25, yaml: windows },
  ],
  invalid: [
    {
      name: 'missing on a Deployment container',
      yaml: missing,
      errors: [{ messageId: 'unset', pointer: '/spec/template/spec/containers/0', data: { container: 'app' }, line: 9 }],
    },
    {
      name: 'Windows pods are checked before policy v1.25',
      pssVersion: 24,
      yaml: windows,
      errors: [{ messageId: 'unset', pointer: '/spec/template/spec/containers/0', data: { container: 'iis' } }],
    },
    {
      name: 'explicitly true on an init container of a CronJob',
      yaml: `
apiVersion: batch/v1
kind: CronJob
metadata: { name: report, namespace: shop }
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: fetch
              image: contoso.azurecr.io/fetch:1.0
              securityContext:
                allowPrivilegeEscalation: true
          containers:
            - name: report
              image: contoso.azurecr.io/report:1.0
              securityContext: { allowPrivilegeEscalation: false }
`,
      errors: [
        {
          messageId: 'allowed',
          pointer: '/spec/jobTemplate/spec/template/spec/initContainers/0/securityContext/allowPrivilegeEscalation',
          data: { container: 'fetch', value: 'true' },
          line: 15,
        },
      ],
    },
  ],
});
