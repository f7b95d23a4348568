import { describe, expect, it } from 'vitest';
import { testControl } from '../../../test/control-tester.js';
import control from './container-runtime-socket-mount.js';
import { normalizeHostPath } from './host-path-template.js';

describe('normalizeHostPath', () => {
  it.each([
    ['/var/run/docker.sock', '/var/run/docker.sock'],
    ['/var/run/', '/var/run'],
    ['//run//containerd/./containerd.sock', '/run/containerd/containerd.sock'],
    ['/var/lib/../run/crio/', '/var/run/crio'],
    ['/../../etc', '/etc'],
    ['/', '/'],
    ['///', '/'],
    ['etc/kubernetes', '/etc/kubernetes'],
    ['\\\\.\\pipe\\Docker_Engine', '\\\\.\\pipe\\docker_engine'],
    ['//./pipe/docker_engine', '\\\\.\\pipe\\docker_engine'],
  ])('%s → %s', (raw, normalized) => expect(normalizeHostPath(raw)).toBe(normalized));
});

testControl(control, {
  valid: [
    {
      name: 'ordinary volumes and a hostPath outside runtime directories',
      yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: monitoring }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers:
        - name: agent
          image: contoso.azurecr.io/agent:1.4.2
          volumeMounts:
            - { name: scratch, mountPath: /tmp }
            - { name: data, mountPath: /data }
      volumes:
        - name: scratch
          emptyDir: {}
        - name: data
          hostPath: { path: /mnt/agent-data, type: DirectoryOrCreate }
        - name: other-run
          hostPath: { path: /run/flannel }
`,
    },
    {
      name: 'a PersistentVolume on a data directory',
      yaml: `
apiVersion: v1
kind: PersistentVolume
metadata: { name: local-data }
spec:
  capacity: { storage: 10Gi }
  accessModes: [ReadWriteOnce]
  hostPath: { path: /mnt/disks/ssd1 }
`,
    },
  ],
  invalid: [
    {
      name: 'the Docker socket in a DaemonSet, read-only does not help',
      yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: log-shipper, namespace: logging }
spec:
  selector: { matchLabels: { app: log-shipper } }
  template:
    metadata: { labels: { app: log-shipper } }
    spec:
      containers:
        - name: shipper
          image: contoso.azurecr.io/shipper:2.0.1
          volumeMounts:
            - { name: docker, mountPath: /var/run/docker.sock, readOnly: true }
      volumes:
        - name: docker
          hostPath:
            path: /var/run/docker.sock
            type: Socket
`,
      errors: [
        {
          messageId: 'target',
          pointer: '/spec/template/spec/volumes/0/hostPath/path',
          data: { volume: 'docker', path: '/var/run/docker.sock', target: '/var/run/docker.sock', what: 'the Docker socket' },
          line: 18,
        },
      ],
    },
    {
      name: 'directories that contain sockets, written untidily, in a CronJob',
      yaml: `
apiVersion: batch/v1
kind: CronJob
metadata: { name: image-prune, namespace: ops }
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: prune
              image: contoso.azurecr.io/crictl:1.30.0
          volumes:
            - name: run
              hostPath: { path: /var/run/ }
            - name: containerd
              hostPath: { path: "//run//containerd/./" }
            - name: crio
              hostPath: { path: /var/lib/../run/crio }
`,
      errors: [
        {
          messageId: 'parent',
          pointer: '/spec/jobTemplate/spec/template/spec/volumes/0/hostPath/path',
          data: { volume: 'run', path: '/var/run', target: '/var/run/containerd/containerd.sock', what: 'the containerd socket' },
        },
        {
          messageId: 'parent',
          pointer: '/spec/jobTemplate/spec/template/spec/volumes/1/hostPath/path',
          data: { volume: 'containerd', path: '/run/containerd', target: '/run/containerd/containerd.sock', what: 'the containerd socket' },
        },
        {
          messageId: 'parent',
          pointer: '/spec/jobTemplate/spec/template/spec/volumes/2/hostPath/path',
          data: { volume: 'crio', path: '/var/run/crio', target: '/var/run/crio/crio.sock', what: 'the CRI-O socket' },
        },
      ],
    },
    {
      name: 'the host root, containerd and cri-dockerd sockets in a Pod',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: debug, namespace: ops }
spec:
  containers:
    - name: shell
      image: mcr.microsoft.com/azurelinux/base/core:3.0
  volumes:
    - { name: host, hostPath: { path: / } }
    - { name: sock, hostPath: { path: /run/containerd/containerd.sock } }
    - { name: cri, hostPath: { path: /var/run/cri-dockerd.sock } }
`,
      errors: [
        { messageId: 'parent', pointer: '/spec/volumes/0/hostPath/path', data: { volume: 'host', path: '/', target: '/run/containerd/containerd.sock', what: 'the containerd socket' } },
        { messageId: 'target', pointer: '/spec/volumes/1/hostPath/path' },
        { messageId: 'target', pointer: '/spec/volumes/2/hostPath/path', data: { volume: 'cri', path: '/var/run/cri-dockerd.sock', target: '/var/run/cri-dockerd.sock', what: 'the cri-dockerd socket' } },
      ],
    },
    {
      name: 'the Docker engine named pipe on a Windows node',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: win-builder, namespace: ci }
spec:
  selector: { matchLabels: { app: win-builder } }
  template:
    metadata: { labels: { app: win-builder } }
    spec:
      nodeSelector: { kubernetes.io/os: windows }
      containers:
        - name: builder
          image: mcr.microsoft.com/windows/servercore:ltsc2022
      volumes:
        - name: engine
          hostPath: { path: '\\\\.\\pipe\\docker_engine' }
`,
      errors: [
        {
          messageId: 'target',
          pointer: '/spec/template/spec/volumes/0/hostPath/path',
          data: { volume: 'engine', path: '\\\\.\\pipe\\docker_engine', target: '\\\\.\\pipe\\docker_engine', what: 'the Docker engine pipe' },
        },
      ],
    },
    {
      name: 'a custom runtime socket from the policy',
      options: { extraPaths: ['/run/custom-runtime/runtime.sock'] },
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: probe, namespace: ops }
spec:
  containers:
    - name: probe
      image: contoso.azurecr.io/probe:0.3.0
  volumes:
    - { name: rt, hostPath: { path: /run/custom-runtime } }
`,
      errors: [
        {
          messageId: 'parent',
          pointer: '/spec/volumes/0/hostPath/path',
          data: { volume: 'rt', path: '/run/custom-runtime', target: '/run/custom-runtime/runtime.sock', what: 'a path listed in the policy' },
        },
      ],
    },
    {
      name: 'a PersistentVolume on the Docker socket',
      yaml: `
apiVersion: v1
kind: PersistentVolume
metadata: { name: docker-sock }
spec:
  capacity: { storage: 1Mi }
  accessModes: [ReadWriteOnce]
  hostPath: { path: /var/run/docker.sock }
`,
      errors: [{ messageId: 'target', pointer: '/spec/hostPath/path', data: { volume: 'docker-sock', path: '/var/run/docker.sock', target: '/var/run/docker.sock', what: 'the Docker socket' } }],
    },
  ],
});
