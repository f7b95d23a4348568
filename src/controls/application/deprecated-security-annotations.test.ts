import { testControl } from '../../../test/control-tester.js';
import control from './deprecated-security-annotations.js';

testControl(control, {
  valid: [
    {
      name: 'profiles set with the securityContext fields; other annotations ignored',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: runtime/default
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata:
      labels: { app: web }
      annotations:
        prometheus.io/scrape: "true"
    spec:
      securityContext:
        seccompProfile: { type: RuntimeDefault }
        appArmorProfile: { type: RuntimeDefault }
      containers:
        - name: web
          image: contoso.azurecr.io/web:1.0.0
`,
    },
  ],
  invalid: [
    {
      name: 'annotations alone, in a Deployment template',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata:
      labels: { app: api }
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: runtime/default
        container.apparmor.security.beta.kubernetes.io/api: localhost/k8s-api-profile
    spec:
      containers:
        - name: api
          image: contoso.azurecr.io/api:2.0.0
`,
      errors: [
        {
          messageId: 'deprecated',
          pointer: '/spec/template/metadata/annotations/seccomp.security.alpha.kubernetes.io~1pod',
          data: {
            annotation: 'seccomp.security.alpha.kubernetes.io/pod',
            value: 'runtime/default',
            field: "the pod's securityContext.seccompProfile",
            expected: 'RuntimeDefault',
          },
          line: 11,
        },
        {
          messageId: 'deprecated',
          pointer: '/spec/template/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1api',
          data: {
            annotation: 'container.apparmor.security.beta.kubernetes.io/api',
            value: 'localhost/k8s-api-profile',
            field: "securityContext.appArmorProfile of container 'api'",
            expected: 'Localhost (k8s-api-profile)',
          },
          line: 12,
        },
      ],
    },
    {
      name: 'annotation and field disagree, agree, or name a missing container, in a Pod with an init container',
      yaml: `
apiVersion: v1
kind: Pod
metadata:
  name: worker
  namespace: shop
  annotations:
    container.seccomp.security.alpha.kubernetes.io/worker: unconfined
    container.seccomp.security.alpha.kubernetes.io/setup: docker/default
    container.apparmor.security.beta.kubernetes.io/worker: runtime/default
    container.apparmor.security.beta.kubernetes.io/sidecar: unconfined
spec:
  securityContext:
    seccompProfile: { type: RuntimeDefault }
  initContainers:
    - name: setup
      image: contoso.azurecr.io/setup:1.0.0
  containers:
    - name: worker
      image: contoso.azurecr.io/worker:1.0.0
      securityContext:
        appArmorProfile: { type: Unconfined }
`,
      errors: [
        {
          messageId: 'conflict',
          pointer: '/metadata/annotations/container.seccomp.security.alpha.kubernetes.io~1worker',
          data: {
            annotation: 'container.seccomp.security.alpha.kubernetes.io/worker',
            value: 'unconfined',
            field: "the pod's securityContext.seccompProfile",
            fieldValue: 'RuntimeDefault',
          },
          line: 8,
        },
        {
          messageId: 'redundant',
          pointer: '/metadata/annotations/container.seccomp.security.alpha.kubernetes.io~1setup',
          data: {
            annotation: 'container.seccomp.security.alpha.kubernetes.io/setup',
            field: "the pod's securityContext.seccompProfile",
            fieldValue: 'RuntimeDefault',
          },
        },
        {
          messageId: 'conflict',
          pointer: '/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1worker',
          data: {
            annotation: 'container.apparmor.security.beta.kubernetes.io/worker',
            value: 'runtime/default',
            field: "securityContext.appArmorProfile of container 'worker'",
            fieldValue: 'Unconfined',
          },
        },
        {
          messageId: 'unknownContainer',
          pointer: '/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1sidecar',
          data: { annotation: 'container.apparmor.security.beta.kubernetes.io/sidecar', container: 'sidecar' },
        },
      ],
    },
    {
      name: 'a localhost profile that differs from the field, in a CronJob',
      yaml: `
apiVersion: batch/v1
kind: CronJob
metadata: { name: audit, namespace: ops }
spec:
  schedule: "0 4 * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            seccomp.security.alpha.kubernetes.io/pod: localhost/profiles/strict.json
        spec:
          restartPolicy: Never
          securityContext:
            seccompProfile: { type: Localhost, localhostProfile: profiles/audit.json }
          containers:
            - name: audit
              image: contoso.azurecr.io/audit:1.0.0
`,
      errors: [
        {
          messageId: 'conflict',
          pointer: '/spec/jobTemplate/spec/template/metadata/annotations/seccomp.security.alpha.kubernetes.io~1pod',
          data: {
            annotation: 'seccomp.security.alpha.kubernetes.io/pod',
            value: 'localhost/profiles/strict.json',
            field: "the pod's securityContext.seccompProfile",
            fieldValue: 'Localhost (profiles/audit.json)',
          },
        },
      ],
    },
  ],
});
