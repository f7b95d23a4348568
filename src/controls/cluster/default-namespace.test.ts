import { testControl } from '../../../test/control-tester.js';
import control from './default-namespace.js';

testControl(control, {
  valid: [
    {
      name: 'objects in their own namespace, and cluster-scoped kinds',
      yaml: `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: contoso.azurecr.io/web:1.0.0 }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: reader }
rules: []
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: premium }
provisioner: disk.csi.azure.com
---
apiVersion: cert-manager.io/v1
kind: ClusterIssuer
metadata: { name: letsencrypt }
spec: {}
---
apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sAzureV2BlockDefault
metadata: { name: block-default }
spec: {}
`,
    },
    {
      name: 'what Kubernetes itself keeps in default, seen by an audit',
      yaml: `
apiVersion: v1
kind: Service
metadata: { name: kubernetes, namespace: default }
spec:
  ports: [{ name: https, port: 443, targetPort: 6443 }]
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: default, namespace: default }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: kube-root-ca.crt, namespace: default }
data: { ca.crt: "cert" }
`,
    },
    {
      name: 'a custom cluster-scoped kind named in the policy',
      options: { clusterScopedKinds: ['GlobalConfig'] },
      yaml: `
apiVersion: example.contoso.com/v1
kind: GlobalConfig
metadata: { name: settings }
spec: {}
`,
    },
    {
      name: 'a Deployment without namespace is not evaluated, never passed',
      notEvaluated: true,
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: contoso.azurecr.io/web:1.0.0 }]
`,
    },
    {
      name: 'a ConfigMap without namespace is not evaluated either',
      notEvaluated: true,
      yaml: `
apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
data: { mode: prod }
`,
    },
  ],
  invalid: [
    {
      name: 'workloads, a Service and a ConfigMap in default',
      yaml: `
apiVersion: batch/v1
kind: CronJob
metadata:
  name: cleanup
  namespace: default
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{ name: c, image: contoso.azurecr.io/cleanup:1.0.0 }]
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: default }
spec:
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: default }
data: { mode: prod }
`,
      errors: [
        { messageId: 'defaultNamespace', pointer: '/metadata/namespace', data: { kind: 'CronJob', name: 'cleanup' }, line: 6 },
        { messageId: 'defaultNamespace', pointer: '/metadata/namespace', data: { kind: 'Service', name: 'web' }, line: 18 },
        { messageId: 'defaultNamespace', pointer: '/metadata/namespace', data: { kind: 'ConfigMap', name: 'settings' }, line: 24 },
      ],
    },
    {
      name: 'missing namespaces are findings when the policy says so',
      options: { flagMissingNamespace: true },
      yaml: `
apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers: [{ name: c, image: contoso.azurecr.io/debug:1.0.0 }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: readers }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader }
`,
      errors: [{ messageId: 'noNamespace', pointer: '/metadata', data: { kind: 'Pod', name: 'debug' }, line: 4 }],
    },
  ],
});
