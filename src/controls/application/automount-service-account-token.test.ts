import { testControl } from '../../../test/control-tester.js';
import control from './automount-service-account-token.js';

testControl(control, {
  valid: [
    {
      name: 'default service account with the token switched off',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      automountServiceAccountToken: false
      containers: [{ name: web, image: contoso.azurecr.io/web:1.0.0 }]
`,
    },
    {
      name: 'a named service account is assumed to need the API',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: operator, namespace: ops }
spec:
  selector: { matchLabels: { app: operator } }
  template:
    metadata: { labels: { app: operator } }
    spec:
      serviceAccountName: operator
      containers: [{ name: operator, image: contoso.azurecr.io/operator:2.0.0 }]
`,
    },
    {
      name: 'a named service account with the token on explicitly, even when flagging named accounts',
      options: { flagNamedServiceAccounts: true },
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: controller, namespace: ops }
spec:
  serviceAccountName: controller
  automountServiceAccountToken: true
  containers: [{ name: c, image: contoso.azurecr.io/controller:1.0.0 }]
`,
    },
  ],
  invalid: [
    {
      name: 'service account unset in a CronJob',
      yaml: `
apiVersion: batch/v1
kind: CronJob
metadata: { name: report, namespace: shop }
spec:
  schedule: "0 6 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: report, image: contoso.azurecr.io/report:1.0.0 }]
`,
      errors: [
        { messageId: 'defaultServiceAccount', pointer: '/spec/jobTemplate/spec/template/spec', data: { serviceAccount: 'default' }, line: 10 },
      ],
    },
    {
      name: "'default' named explicitly with the token on",
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop }
spec:
  serviceAccountName: default
  automountServiceAccountToken: true
  containers: [{ name: web, image: contoso.azurecr.io/web:1.0.0 }]
`,
      errors: [{ messageId: 'defaultServiceAccount', pointer: '/spec/automountServiceAccountToken', data: { serviceAccount: 'default' }, line: 7 }],
    },
    {
      name: 'a named service account through the deprecated field, when the policy flags named accounts',
      options: { flagNamedServiceAccounts: true },
      yaml: `
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: queue, namespace: shop }
spec:
  serviceName: queue
  selector: { matchLabels: { app: queue } }
  template:
    metadata: { labels: { app: queue } }
    spec:
      serviceAccount: queue
      containers: [{ name: queue, image: contoso.azurecr.io/queue:3.1.0 }]
`,
      errors: [{ messageId: 'namedServiceAccount', pointer: '/spec/template/spec', data: { serviceAccount: 'queue' } }],
    },
  ],
});
