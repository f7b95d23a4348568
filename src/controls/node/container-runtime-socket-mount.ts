import { hostPathControl, type HostPathTarget } from './host-path-template.js';

/** Where container runtimes listen on Linux nodes (both /run and its /var/run alias) and on Windows nodes. */
const SOCKETS: readonly HostPathTarget[] = [
  ...['/run', '/var/run'].flatMap((dir) => [
    // containerd first: it is the runtime of AKS and most clusters, so a parent mount names its socket.
    { path: `${dir}/containerd/containerd.sock`, label: 'the containerd socket' },
    { path: `${dir}/docker.sock`, label: 'the Docker socket' },
    { path: `${dir}/docker/containerd/containerd.sock`, label: "Docker's containerd socket" },
    { path: `${dir}/crio/crio.sock`, label: 'the CRI-O socket' },
    { path: `${dir}/cri-dockerd.sock`, label: 'the cri-dockerd socket' },
    { path: `${dir}/dockershim.sock`, label: 'the dockershim socket' },
    { path: `${dir}/podman/podman.sock`, label: 'the Podman socket' },
    { path: `${dir}/k3s/containerd/containerd.sock`, label: 'the k3s containerd socket' },
  ]),
  { path: '/var/snap/microk8s/common/run/containerd.sock', label: 'the MicroK8s containerd socket' },
  { path: '\\\\.\\pipe\\docker_engine', label: 'the Docker engine pipe' },
  { path: '\\\\.\\pipe\\containerd-containerd', label: 'the containerd pipe' },
];

export default hostPathControl({
  id: 'NOD-010',
  name: 'container-runtime-socket-mount',
  severity: 'critical',
  docs: {
    summary: 'Pods do not mount the container runtime socket (Docker, containerd, CRI-O, cri-dockerd) or a directory that contains it.',
    rationale:
      'Whoever can talk to the runtime socket can start a privileged container with the host file system mounted, read every ' +
      "other container's memory and secrets, and stop or replace workloads, all without going through the Kubernetes API, " +
      'its admission controls or its audit log. It is root on the node. Mounting a parent directory such as /run, /var/run or ' +
      '/run/containerd hands over the socket just the same, and readOnly: true does not help: connecting to a socket is ' +
      'allowed on a read-only mount.',
    remediation:
      'Remove the hostPath volume. Build images in CI or with a daemonless builder (BuildKit rootless, Kaniko-style builders, ' +
      'ACR Tasks) instead of Docker-in-Docker; read container metadata from the Kubernetes API or the kubelet instead of the ' +
      'runtime. For node agents that truly need it (security sensors, log collectors from a vendor you trust), record a ' +
      'time-limited exemption for that DaemonSet and image, with an owner.',
  },
  frameworks: {
    seed: ['B4', 'N4', 'N5'],
    'cis-kubernetes': ['5.2.12'],
    'azure-policy': ['098fc59e-46c7-4d99-9b16-64990e543d75'],
  },
  targets: SOCKETS,
  matchDescendants: false,
  messages: {
    target: "Volume '{{volume}}' mounts {{what}} ({{path}}) from the host: full control of every container on the node.",
    parent: "Volume '{{volume}}' mounts host directory '{{path}}', which contains {{what}} ({{target}}): full control of every container on the node.",
  },
  extraPathsDescription: 'More runtime sockets or named pipes to treat as the container runtime, e.g. a custom containerd address.',
});
