import { hostPathControl, type HostPathTarget } from './host-path-template.js';

/** Host paths whose contents control the node or hold its credentials, and directories of runtime state. */
const SENSITIVE: readonly HostPathTarget[] = [
  { path: '/', label: 'the host root file system' },
  { path: '/etc', label: 'host configuration, including kubelet and cloud credentials' },
  { path: '/root', label: "the host root user's home" },
  { path: '/home', label: 'host user homes and their SSH keys' },
  { path: '/boot', label: 'the host boot partition' },
  { path: '/proc', label: 'host processes' },
  { path: '/sys', label: 'host kernel and cgroup settings' },
  { path: '/dev', label: 'host devices' },
  { path: '/usr', label: 'host binaries' },
  { path: '/bin', label: 'host binaries' },
  { path: '/sbin', label: 'host binaries' },
  { path: '/lib', label: 'host libraries and kernel modules' },
  { path: '/lib64', label: 'host libraries' },
  { path: '/var/lib/kubelet', label: 'kubelet state: every pod’s volumes, secrets and service-account tokens' },
  { path: '/var/lib/docker', label: 'Docker state: every container’s file system' },
  { path: '/var/lib/containerd', label: 'containerd state: every container’s file system' },
  { path: '/var/lib/containers', label: 'CRI-O and Podman state: every container’s file system' },
  { path: '/var/lib/etcd', label: 'etcd data: the whole cluster state' },
  { path: '/var/lib/waagent', label: 'the Azure VM agent’s provisioning data and extension settings' },
  { path: '/var/log', label: 'host and pod logs' },
  { path: '/run/containerd', label: 'containerd run-time state' },
  { path: '/var/run/containerd', label: 'containerd run-time state' },
  { path: '/run/crio', label: 'CRI-O run-time state' },
  { path: '/var/run/crio', label: 'CRI-O run-time state' },
  { path: '/run/docker', label: 'Docker run-time state' },
  { path: '/var/run/docker', label: 'Docker run-time state' },
  { path: '/opt/cni', label: 'CNI plug-in binaries' },
];

export default hostPathControl({
  id: 'NOD-011',
  name: 'sensitive-host-mounts',
  severity: 'high',
  docs: {
    summary: 'Pods do not mount sensitive host directories (/, /etc, /proc, /sys, /dev, /boot, /root, /var/lib/kubelet, runtime state, /var/log …) or their parents.',
    rationale:
      'A hostPath volume bypasses every isolation the container has. Through /etc a pod reads the kubelet and Azure ' +
      'credentials (/etc/kubernetes/azure.json) and can add users or cron jobs; through /var/lib/kubelet it reads every ' +
      "other pod's secrets and service-account tokens; /proc, /sys and /dev expose host processes, kernel settings and " +
      'devices; /var/lib/containerd and /var/lib/docker hold every container’s file system. Writing to any of them changes ' +
      'the node itself. Mounting a parent (/, /var, /var/lib) exposes the same paths, and a subdirectory (/etc/kubernetes, ' +
      '/var/log/pods) is just as sensitive as the directory that holds it. readOnly: true reduces but does not remove the ' +
      'exposure: credentials can still be read.',
    remediation:
      'Replace the hostPath volume with what the workload really needs: an emptyDir for scratch space, a PersistentVolumeClaim ' +
      'for data, a ConfigMap or Secret (or the Key Vault CSI driver) for configuration, the downward API for pod metadata. ' +
      'Node agents (CSI node plug-ins, CNI, log and metrics collectors) that must read host paths should mount the narrowest ' +
      'path read-only and carry a time-limited exemption with an owner.',
  },
  frameworks: {
    seed: ['B4', 'N5'],
    'cis-kubernetes': ['5.2.12'],
    'azure-policy': ['098fc59e-46c7-4d99-9b16-64990e543d75'],
  },
  targets: SENSITIVE,
  matchDescendants: true,
  messages: {
    target: "Volume '{{volume}}' mounts host path '{{path}}', which exposes {{what}} ({{target}}).",
    parent: "Volume '{{volume}}' mounts host directory '{{path}}', which contains {{target}}: {{what}}.",
  },
  extraPathsDescription: 'More host paths to treat as sensitive (absolute paths; a mount of the path, inside it or of a parent is reported).',
});
