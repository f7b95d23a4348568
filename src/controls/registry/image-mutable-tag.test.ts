import { testControl } from '../../../test/control-tester.js';
import control from './image-mutable-tag.js';

const SHA = 'sha256:' + 'b'.repeat(64);

testControl(control, {
  valid: [
    {
      name: 'release tags and digests, including latest pinned by digest',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      initContainers:
        - name: migrate
          image: contoso.azurecr.io/migrate@${SHA}
      containers:
        - name: web
          image: contoso.azurecr.io/web:1.4.2
        - name: proxy
          image: mcr.microsoft.com/oss/envoyproxy/envoy:latest@${SHA}
        - name: registry-port
          image: myreg:5000/tools/sidecar:2024.06.1
`,
    },
    {
      name: 'a templated image cannot be judged',
      notEvaluated: true,
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: tpl, namespace: shop }
spec:
  containers:
    - name: app
      image: \${IMAGE}
`,
    },
  ],
  invalid: [
    {
      name: 'no tag in a CronJob, latest in an init container',
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
          restartPolicy: OnFailure
          initContainers:
            - name: fetch
              image: contoso.azurecr.io/fetch:latest
          containers:
            - name: report
              image: nginx
`,
      errors: [
        {
          messageId: 'latestTag',
          pointer: '/spec/jobTemplate/spec/template/spec/initContainers/0/image',
          data: { container: 'fetch', image: 'contoso.azurecr.io/fetch:latest' },
          line: 14,
        },
        {
          messageId: 'noTag',
          pointer: '/spec/jobTemplate/spec/template/spec/containers/0/image',
          data: { container: 'report', image: 'nginx' },
          line: 17,
        },
      ],
    },
    {
      name: 'a registry port is not a tag',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: tools, namespace: ops }
spec:
  containers:
    - name: tools
      image: myreg:5000/tools
`,
      errors: [{ messageId: 'noTag', pointer: '/spec/containers/0/image', data: { container: 'tools', image: 'myreg:5000/tools' } }],
    },
  ],
});
