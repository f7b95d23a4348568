import { testControl } from '../../../test/control-tester.js';
import control from './sensitive-host-mounts.js';

testControl(control, {
  valid: [
    {
      name: 'data directories, emptyDir and a ConfigMap',
      yaml: `
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: cache, namespace: shop }
spec:
  serviceName: cache
  selector: { matchLabels: { app: cache } }
  template:
    metadata: { labels: { app: cache } }
    spec:
      containers:
        - name: cache
          image: contoso.azurecr.io/cache:7.2.4
      volumes:
        - { name: tmp, emptyDir: {} }
        - { name: local, hostPath: { path: /mnt/cache } }
        - { name: varlibapp, hostPath: { path: /var/lib/cache-data } }
        - { name: etcish, hostPath: { path: /etcetera } }
        - { name: conf, configMap: { name: cache-conf } }
`,
    },
  ],
  invalid: [
    {
      name: 'a log collector on /var/log, /var/lib/docker/containers and /etc/machine-id',
      yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: fluent-bit, namespace: logging }
spec:
  selector: { matchLabels: { app: fluent-bit } }
  template:
    metadata: { labels: { app: fluent-bit } }
    spec:
      containers:
        - name: fluent-bit
          image: mcr.microsoft.com/oss/fluent/fluent-bit:3.0.4
      volumes:
        - name: varlog
          hostPath: { path: /var/log }
        - name: containers
          hostPath: { path: /var/lib/docker/containers/ }
        - name: machine-id
          hostPath: { path: /etc/machine-id, type: File }
`,
      errors: [
        {
          messageId: 'target',
          pointer: '/spec/template/spec/volumes/0/hostPath/path',
          data: { volume: 'varlog', path: '/var/log', target: '/var/log', what: 'host and pod logs' },
          line: 15,
        },
        {
          messageId: 'target',
          pointer: '/spec/template/spec/volumes/1/hostPath/path',
          data: { volume: 'containers', path: '/var/lib/docker/containers', target: '/var/lib/docker', what: 'Docker state: every container’s file system' },
        },
        { messageId: 'target', pointer: '/spec/template/spec/volumes/2/hostPath/path' },
      ],
    },
    {
      name: 'the root, a parent of kubelet state, and traversal into /etc, in a Job with init containers',
      yaml: `
apiVersion: batch/v1
kind: Job
metadata: { name: node-setup, namespace: ops }
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: prep
          image: contoso.azurecr.io/prep:1.0.0
          volumeMounts: [{ name: host, mountPath: /host }]
      containers:
        - name: setup
          image: contoso.azurecr.io/setup:1.0.0
      volumes:
        - { name: host, hostPath: { path: "/" } }
        - { name: var, hostPath: { path: /var/ } }
        - { name: sneaky, hostPath: { path: /opt/../etc/kubernetes } }
        - { name: proc, hostPath: { path: //proc/1/ns } }
`,
      errors: [
        {
          messageId: 'target',
          pointer: '/spec/template/spec/volumes/0/hostPath/path',
          data: { volume: 'host', path: '/', target: '/', what: 'the host root file system' },
        },
        {
          messageId: 'parent',
          pointer: '/spec/template/spec/volumes/1/hostPath/path',
          data: { volume: 'var', path: '/var', target: '/var/lib/kubelet', what: 'kubelet state: every pod’s volumes, secrets and service-account tokens' },
        },
        {
          messageId: 'target',
          pointer: '/spec/template/spec/volumes/2/hostPath/path',
          data: {
            volume: 'sneaky',
            path: '/etc/kubernetes',
            target: '/etc',
            what: 'host configuration, including kubelet and cloud credentials',
          },
        },
        { messageId: 'target', pointer: '/spec/template/spec/volumes/3/hostPath/path', data: { volume: 'proc', path: '/proc/1/ns', target: '/proc', what: 'host processes' } },
      ],
    },
    {
      name: 'a CSI node plug-in on kubelet state and devices',
      yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: csi-node, namespace: kube-system }
spec:
  selector: { matchLabels: { app: csi-node } }
  template:
    metadata: { labels: { app: csi-node } }
    spec:
      containers:
        - name: driver
          image: mcr.microsoft.com/oss/kubernetes-csi/azuredisk-csi:v1.30.1
      volumes:
        - { name: kubelet, hostPath: { path: /var/lib/kubelet, type: Directory } }
        - { name: dev, hostPath: { path: /dev } }
        - { name: sys, hostPath: { path: /sys/fs/cgroup } }
`,
      errors: [
        { messageId: 'target', pointer: '/spec/template/spec/volumes/0/hostPath/path' },
        { messageId: 'target', pointer: '/spec/template/spec/volumes/1/hostPath/path' },
        { messageId: 'target', pointer: '/spec/template/spec/volumes/2/hostPath/path', data: { volume: 'sys', path: '/sys/fs/cgroup', target: '/sys', what: 'host kernel and cgroup settings' } },
      ],
    },
    {
      name: 'an extra sensitive path from the policy, and a PersistentVolume on /etc',
      options: { extraPaths: ['/srv/secrets/'] },
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: reader, namespace: ops }
spec:
  containers:
    - name: reader
      image: contoso.azurecr.io/reader:1.0.0
  volumes:
    - { name: secrets, hostPath: { path: /srv/secrets/app } }
---
apiVersion: v1
kind: PersistentVolume
metadata: { name: host-etc }
spec:
  capacity: { storage: 1Gi }
  accessModes: [ReadOnlyMany]
  hostPath: { path: /etc }
`,
      errors: [
        {
          messageId: 'target',
          pointer: '/spec/volumes/0/hostPath/path',
          data: { volume: 'secrets', path: '/srv/secrets/app', target: '/srv/secrets', what: 'a path listed in the policy' },
        },
        { messageId: 'target', pointer: '/spec/hostPath/path', data: { volume: 'host-etc', path: '/etc', target: '/etc', what: 'host configuration, including kubelet and cloud credentials' } },
      ],
    },
  ],
});
