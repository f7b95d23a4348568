import { testControl } from '../../../test/control-tester.js';
import control from './read-only-root-filesystem.js';

testControl(control, {
  valid: [
    {
      name: 'every container read-only',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: contoso.azurecr.io/init@sha256:${'a'.repeat(64)}
          securityContext: { readOnlyRootFilesystem: true }
      containers:
        - name: app
          image: contoso.azurecr.io/web:1.2.3
          securityContext:
            readOnlyRootFilesystem: true
`,
    },
  ],
  invalid: [
    {
      name: 'missing and false, in a CronJob',
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
          containers:
            - name: a
              image: contoso.azurecr.io/report:1.0
            - name: b
              image: contoso.azurecr.io/report:1.0
              securityContext:
                readOnlyRootFilesystem: false
`,
      errors: [
        { messageId: 'writable', pointer: '/spec/jobTemplate/spec/template/spec/containers/0', data: { container: 'a' }, line: 12 },
        { messageId: 'writable', pointer: '/spec/jobTemplate/spec/template/spec/containers/1/securityContext/readOnlyRootFilesystem', line: 17 },
      ],
    },
  ],
});
