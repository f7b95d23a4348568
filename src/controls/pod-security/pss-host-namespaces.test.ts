import { testControl } from '../../../test/control-tester.js';
import control from './pss-host-namespaces.js';

testControl(control, {
  valid: [
    {
      name: 'Deployment without host namespaces',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      containers:
        - name: app
          image: contoso.azurecr.io/web:1.2.3
`,
    },
    {
      name: 'host namespaces explicitly false',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  hostNetwork: false
  hostPID: false
  hostIPC: false
  containers:
    - { name: app, image: contoso.azurecr.io/web:1.2.3 }
`,
    },
  ],
  invalid: [
    {
      name: 'Pod sharing all three host namespaces',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: debug }
spec:
  hostIPC: true
  hostPID: true
  hostNetwork: true
  containers:
    - { name: app, image: contoso.azurecr.io/tools:1.0 }
`,
      errors: [
        { messageId: 'hostNamespace', pointer: '/spec/hostNetwork', data: { field: 'hostNetwork' }, line: 8 },
        { messageId: 'hostNamespace', pointer: '/spec/hostPID', data: { field: 'hostPID' }, line: 7 },
        { messageId: 'hostNamespace', pointer: '/spec/hostIPC', data: { field: 'hostIPC' }, line: 6 },
      ],
    },
    {
      name: 'CronJob with hostPID, at the oldest policy version',
      pssVersion: 0,
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
          hostPID: true
          containers:
            - { name: report, image: contoso.azurecr.io/report:1.0 }
`,
      errors: [{ messageId: 'hostNamespace', pointer: '/spec/jobTemplate/spec/template/spec/hostPID', data: { field: 'hostPID' } }],
    },
  ],
});
