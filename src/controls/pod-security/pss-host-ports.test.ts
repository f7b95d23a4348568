import { testControl } from '../../../test/control-tester.js';
import control from './pss-host-ports.js';

testControl(control, {
  valid: [
    {
      name: 'containerPort only, and hostPort 0',
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
          ports:
            - containerPort: 8080
            - containerPort: 9090
              hostPort: 0
`,
    },
  ],
  invalid: [
    {
      name: 'hostPort on a container and an init container of a DaemonSet',
      yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: ingress, namespace: edge }
spec:
  template:
    spec:
      initContainers:
        - name: warmup
          image: contoso.azurecr.io/warmup:1.0
          ports:
            - { containerPort: 8081, hostPort: 8081 }
      containers:
        - name: proxy
          image: contoso.azurecr.io/proxy:3.1
          ports:
            - containerPort: 80
              hostPort: 80
            - containerPort: 9113
`,
      errors: [
        {
          messageId: 'hostPort',
          pointer: '/spec/template/spec/initContainers/0/ports/0/hostPort',
          data: { container: 'warmup', hostPort: 8081 },
        },
        {
          messageId: 'hostPort',
          pointer: '/spec/template/spec/containers/0/ports/0/hostPort',
          data: { container: 'proxy', hostPort: 80 },
          line: 18,
        },
      ],
    },
  ],
});
