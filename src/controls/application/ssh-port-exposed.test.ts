import { testControl } from '../../../test/control-tester.js';
import control from './ssh-port-exposed.js';

testControl(control, {
  valid: [
    {
      name: 'web ports on a Deployment and its Service',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: contoso.azurecr.io/web:1.0.0
          ports:
            - { name: http, containerPort: 8080 }
            - { name: metrics, containerPort: 9090 }
            - { containerPort: 2222 }
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec:
  type: LoadBalancer
  selector: { app: web }
  ports:
    - { name: http, port: 80, targetPort: http }
    - { name: https, port: 443, targetPort: 8443 }
`,
    },
  ],
  invalid: [
    {
      name: 'port 22 and a port named ssh, including an init container',
      yaml: `
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: sftp, namespace: files }
spec:
  serviceName: sftp
  selector: { matchLabels: { app: sftp } }
  template:
    metadata: { labels: { app: sftp } }
    spec:
      initContainers:
        - name: keys
          image: contoso.azurecr.io/keys:1.0.0
          ports: [{ containerPort: 22 }]
      containers:
        - name: sftp
          image: contoso.azurecr.io/sftp:2.1.0
          ports:
            - name: ssh
              containerPort: 2222
            - containerPort: 2200
              hostPort: 22
`,
      errors: [
        {
          messageId: 'containerPort',
          pointer: '/spec/template/spec/initContainers/0/ports/0/containerPort',
          data: { container: 'keys', port: 22 },
          line: 14,
        },
        {
          messageId: 'containerPortName',
          pointer: '/spec/template/spec/containers/0/ports/0/name',
          data: { container: 'sftp', name: 'ssh', port: 2222 },
          line: 19,
        },
        { messageId: 'containerPort', pointer: '/spec/template/spec/containers/0/ports/1/hostPort', data: { container: 'sftp', port: 22 } },
      ],
    },
    {
      name: 'Services that forward SSH by port, target port and name',
      yaml: `
apiVersion: v1
kind: Service
metadata: { name: bastion, namespace: ops }
spec:
  type: LoadBalancer
  selector: { app: bastion }
  ports:
    - { name: admin, port: 22 }
    - { name: alt, port: 2022, targetPort: 22 }
    - { name: named, port: 2023, targetPort: ssh }
---
apiVersion: v1
kind: Service
metadata: { name: git, namespace: dev }
spec:
  selector: { app: git }
  ports:
    - { name: ssh, port: 7999, targetPort: 7999 }
`,
      errors: [
        { messageId: 'servicePort', pointer: '/spec/ports/0/port', data: { type: 'LoadBalancer', service: 'bastion', port: 22, targetPort: 22 }, line: 9 },
        { messageId: 'servicePort', pointer: '/spec/ports/1/targetPort', data: { type: 'LoadBalancer', service: 'bastion', port: 2022, targetPort: 22 } },
        { messageId: 'servicePort', pointer: '/spec/ports/2/targetPort', data: { type: 'LoadBalancer', service: 'bastion', port: 2023, targetPort: 'ssh' } },
        { messageId: 'servicePort', pointer: '/spec/ports/0/name', data: { type: 'ClusterIP', service: 'git', port: 7999, targetPort: 7999 } },
      ],
    },
  ],
});
