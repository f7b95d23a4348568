import { testControl } from '../../../test/control-tester.js';
import control from './untrusted-registry.js';

testControl(control, {
  valid: [
    {
      name: 'MCR and Azure Container Registries by default',
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
        - name: init
          image: mcr.microsoft.com/azurelinux/base/core:3.0
      containers:
        - name: web
          image: contoso.azurecr.io/web:1.4.2
        - name: sidecar
          image: Fabrikam.AzureCR.io/sidecar:1.0
`,
    },
    {
      name: 'Docker Hub official images when the policy allows them by short name',
      options: { registries: ['nginx', 'contoso.azurecr.io'] },
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: edge, namespace: shop }
spec:
  containers:
    - name: nginx
      image: nginx:1.27
    - name: full
      image: docker.io/library/nginx:1.27
    - name: app
      image: contoso.azurecr.io/app:1
`,
    },
  ],
  invalid: [
    {
      name: 'Docker Hub, look-alike hosts and a private registry with a port',
      yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: ops }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      initContainers:
        - name: setup
          image: busybox:1.36
      containers:
        - name: agent
          image: contoso.azurecr.io.evil.example/agent:1.0
        - name: helper
          image: myreg:5000/helper:2.1
        - name: ghcr
          image: ghcr.io/contoso/tool:0.9
`,
      errors: [
        {
          messageId: 'untrusted',
          pointer: '/spec/template/spec/initContainers/0/image',
          data: { container: 'setup', image: 'busybox:1.36', repository: 'docker.io/library/busybox' },
          line: 12,
        },
        {
          messageId: 'untrusted',
          pointer: '/spec/template/spec/containers/0/image',
          data: { container: 'agent', image: 'contoso.azurecr.io.evil.example/agent:1.0', repository: 'contoso.azurecr.io.evil.example/agent' },
        },
        {
          messageId: 'untrusted',
          pointer: '/spec/template/spec/containers/1/image',
          data: { container: 'helper', image: 'myreg:5000/helper:2.1', repository: 'myreg:5000/helper' },
        },
        { messageId: 'untrusted', pointer: '/spec/template/spec/containers/2/image' },
      ],
    },
    {
      name: 'a repository outside the allowed team path, in a CronJob',
      options: { registries: ['contoso.azurecr.io/team-a/'] },
      yaml: `
apiVersion: batch/v1
kind: CronJob
metadata: { name: sync, namespace: team-b }
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: ok
              image: contoso.azurecr.io/team-a/sync:3.2.0
            - name: other-team
              image: contoso.azurecr.io/team-ab/sync:3.2.0
`,
      errors: [
        {
          messageId: 'untrusted',
          pointer: '/spec/jobTemplate/spec/template/spec/containers/1/image',
          data: { container: 'other-team', image: 'contoso.azurecr.io/team-ab/sync:3.2.0', repository: 'contoso.azurecr.io/team-ab/sync' },
        },
      ],
    },
    {
      name: 'an empty allow-list allows nothing',
      options: { registries: [] },
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: any, namespace: shop }
spec:
  containers:
    - name: app
      image: mcr.microsoft.com/dotnet/aspnet:8.0
`,
      errors: [{ messageId: 'untrusted', pointer: '/spec/containers/0/image', data: { container: 'app', image: 'mcr.microsoft.com/dotnet/aspnet:8.0', repository: 'mcr.microsoft.com/dotnet/aspnet' } }],
    },
  ],
});
