import { testControl } from '../../../test/control-tester.js';
import control from './pss-host-path-volumes.js';

testControl(control, {
  valid: [
    {
      name: 'emptyDir, configMap and PVC volumes',
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
      volumes:
        - name: cache
          emptyDir: {}
        - name: config
          configMap: { name: web-config }
        - name: data
          persistentVolumeClaim: { claimName: web-data }
`,
    },
  ],
  invalid: [
    {
      name: 'container runtime socket mounted from the node',
      yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: monitoring }
spec:
  template:
    spec:
      containers:
        - name: agent
          image: contoso.azurecr.io/agent:2.0
      volumes:
        - name: cache
          emptyDir: {}
        - name: containerd
          hostPath:
            path: /run/containerd/containerd.sock
            type: Socket
`,
      errors: [
        {
          messageId: 'hostPath',
          pointer: '/spec/template/spec/volumes/1',
          data: { volume: 'containerd', path: '/run/containerd/containerd.sock' },
          line: 14,
        },
      ],
    },
    {
      name: 'two hostPath volumes in a Pod, at policy v1.10',
      pssVersion: 10,
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: backup }
spec:
  containers:
    - { name: backup, image: contoso.azurecr.io/backup:1.0 }
  volumes:
    - { name: etc, hostPath: { path: /etc } }
    - { name: logs, hostPath: { path: /var/log } }
`,
      errors: [
        { messageId: 'hostPath', pointer: '/spec/volumes/0', data: { volume: 'etc', path: '/etc' } },
        { messageId: 'hostPath', pointer: '/spec/volumes/1', data: { volume: 'logs', path: '/var/log' } },
      ],
    },
  ],
});
