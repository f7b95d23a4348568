import { testControl } from '../../../test/control-tester.js';
import control from './resource-limits.js';

testControl(control, {
  valid: [
    {
      name: 'limits on every container and init container; ephemeral containers skipped',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop }
spec:
  initContainers:
    - name: migrate
      image: contoso.azurecr.io/migrate:1.0.0
      resources:
        limits: { cpu: 500m, memory: 256Mi }
  containers:
    - name: web
      image: contoso.azurecr.io/web:1.0.0
      resources:
        requests: { cpu: 100m, memory: 128Mi }
        limits: { cpu: 1, memory: 512Mi }
  ephemeralContainers:
    - name: debugger
      image: mcr.microsoft.com/azurelinux/busybox:1.36
`,
    },
  ],
  invalid: [
    {
      name: 'no resources, requests only, and a memory limit alone',
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
          image: contoso.azurecr.io/wait:1.0.0
      containers:
        - name: api
          image: contoso.azurecr.io/api:2.0.0
          resources:
            requests: { cpu: 100m, memory: 128Mi }
        - name: sidecar
          image: contoso.azurecr.io/sidecar:1.0.0
          resources:
            limits:
              memory: 64Mi
`,
      errors: [
        { messageId: 'noCpuLimit', pointer: '/spec/template/spec/initContainers/0', data: { container: 'wait' }, line: 11 },
        { messageId: 'noMemoryLimit', pointer: '/spec/template/spec/initContainers/0', data: { container: 'wait' }, line: 11 },
        { messageId: 'noCpuLimit', pointer: '/spec/template/spec/containers/0/resources', data: { container: 'api' } },
        { messageId: 'noMemoryLimit', pointer: '/spec/template/spec/containers/0/resources', data: { container: 'api' } },
        { messageId: 'noCpuLimit', pointer: '/spec/template/spec/containers/1/resources/limits', data: { container: 'sidecar' }, line: 21 },
      ],
    },
    {
      name: 'a CronJob with an empty CPU limit',
      yaml: `
apiVersion: batch/v1
kind: CronJob
metadata: { name: nightly, namespace: shop }
spec:
  schedule: "0 1 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: job
              image: contoso.azurecr.io/job:1.0.0
              resources:
                limits: { cpu: "", memory: 1Gi }
`,
      errors: [{ messageId: 'noCpuLimit', pointer: '/spec/jobTemplate/spec/template/spec/containers/0/resources/limits', data: { container: 'job' } }],
    },
  ],
});
