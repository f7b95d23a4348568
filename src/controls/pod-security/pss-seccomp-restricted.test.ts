import { testControl } from '../../../test/control-tester.js';
import control from './pss-seccomp-restricted.js';

const noProfile = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: contoso.azurecr.io/init:1.0
      containers:
        - name: app
          image: contoso.azurecr.io/web:1.2.3
`;

const windows = `
apiVersion: v1
kind: Pod
metadata: { name: iis }
spec:
  os: { name: windows }
  containers:
    - name: iis
      image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
`;

testControl(control, {
  valid: [
    {
      name: 'RuntimeDefault at pod level',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    seccompProfile: { type: RuntimeDefault }
  containers:
    - { name: app, image: contoso.azurecr.io/web:1.2.3 }
`,
    },
    {
      name: 'each container sets its own profile',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  initContainers:
    - name: init
      image: contoso.azurecr.io/init:1.0
      securityContext: { seccompProfile: { type: Localhost, localhostProfile: init.json } }
  containers:
    - name: app
      image: contoso.azurecr.io/web:1.2.3
      securityContext: { seccompProfile: { type: RuntimeDefault } }
`,
    },
    { name: 'not required before policy v1.19', pssVersion: 18, yaml: noProfile },
    { name: 'Windows pods are exempt from policy v1.25', pssVersion: 25, yaml: windows },
  ],
  invalid: [
    {
      name: 'no profile anywhere',
      yaml: noProfile,
      errors: [
        { messageId: 'containerUnset', pointer: '/spec/template/spec/initContainers/0', data: { container: 'init' }, line: 9 },
        { messageId: 'containerUnset', pointer: '/spec/template/spec/containers/0', data: { container: 'app' }, line: 12 },
      ],
    },
    {
      name: 'Windows pods are checked before policy v1.25',
      pssVersion: 24,
      yaml: windows,
      errors: [{ messageId: 'containerUnset', pointer: '/spec/containers/0', data: { container: 'iis' } }],
    },
    {
      name: 'Unconfined pod profile, and a container overriding a good pod profile, in a CronJob',
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
          securityContext:
            seccompProfile: { type: Unconfined }
          initContainers:
            - name: init
              image: contoso.azurecr.io/init:1.0
              securityContext: { seccompProfile: { type: RuntimeDefault } }
          containers:
            - name: report
              image: contoso.azurecr.io/report:1.0
`,
      errors: [
        {
          messageId: 'podForbidden',
          pointer: '/spec/jobTemplate/spec/template/spec/securityContext/seccompProfile/type',
          data: { type: 'Unconfined' },
        },
        { messageId: 'containerUnset', pointer: '/spec/jobTemplate/spec/template/spec/containers/0', data: { container: 'report' } },
      ],
    },
    {
      name: 'a container sets Unconfined under a RuntimeDefault pod',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    seccompProfile: { type: RuntimeDefault }
  containers:
    - name: app
      image: contoso.azurecr.io/web:1.2.3
      securityContext:
        seccompProfile: { type: Unconfined }
`,
      errors: [
        {
          messageId: 'containerForbidden',
          pointer: '/spec/containers/0/securityContext/seccompProfile/type',
          data: { container: 'app', type: 'Unconfined' },
        },
      ],
    },
  ],
});
