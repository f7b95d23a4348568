import { defineControl } from '../define.js';
import { joinPointer } from '../../parse/lines.js';
import { dig, isObject, PSS_APPLIES_TO, PSS_STAGES, show, volumes } from './shared.js';

export default defineControl({
  meta: {
    id: 'NOD-003',
    name: 'pss-host-path-volumes',
    surface: 'node',
    severity: 'high',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'baseline', checkId: 'hostPathVolumes', since: 0 },
    docs: {
      summary: 'Pods do not mount directories or files of the node (hostPath volumes).',
      rationale:
        'A hostPath volume gives the container a path on the node: the container runtime socket, /var/lib/kubelet with the ' +
        'service-account tokens of every pod, /etc, or the root file system itself. Read access leaks credentials of other ' +
        'workloads; write access changes what the node runs. Even a "harmless" path can be escaped through symlinks.',
      remediation:
        'Replace the hostPath volume with an emptyDir, a ConfigMap/Secret, a PersistentVolumeClaim or a CSI driver. Log ' +
        'and monitoring agents that must read node paths belong in a dedicated, exempted namespace, mounted read-only.',
    },
    frameworks: {
      seed: ['B4', 'N5'],
      pss: ['hostPathVolumes'],
      'cis-kubernetes': ['5.2.12'],
      'azure-policy': ['098fc59e-46c7-4d99-9b16-64990e543d75'],
    },
    messages: {
      hostPath: "Volume '{{volume}}' is a hostPath volume mounting '{{path}}' from the node.",
    },
  },
  check(w, ctx) {
    for (const { index, volume, name } of volumes(w)) {
      if (!isObject(volume.hostPath)) continue;
      const path = dig(volume, 'hostPath', 'path');
      ctx.report({
        messageId: 'hostPath',
        pointer: joinPointer(w.podSpecPointer, 'volumes', index),
        data: { volume: name, path: path === undefined ? '' : show(path) },
      });
    }
  },
});
