import { defineControl } from '../define.js';
import { joinPointer } from '../../parse/lines.js';
import { isSet, PSS_APPLIES_TO, PSS_STAGES, RESTRICTED_VOLUME_SOURCES, volumes } from './shared.js';

export default defineControl({
  meta: {
    id: 'APP-007',
    name: 'pss-restricted-volumes',
    surface: 'application',
    severity: 'medium',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'restricted', checkId: 'restrictedVolumes', since: 0 },
    docs: {
      summary:
        'Pods use only the restricted volume types: configMap, csi, downwardAPI, emptyDir, ephemeral, image, ' +
        'persistentVolumeClaim, projected and secret.',
      rationale:
        'Inline volume sources such as hostPath, nfs, iscsi, rbd, cephfs, flexVolume, azureDisk or azureFile let the pod ' +
        'author reach storage directly, with node-level mounts and credentials, bypassing the PersistentVolume and ' +
        'StorageClass objects that the platform team controls. gitRepo runs git on the node. The restricted level allows ' +
        'only sources whose access is mediated by the cluster.',
      remediation:
        'Replace the inline source with a PersistentVolumeClaim bound to a StorageClass (Azure Disk and Azure Files CSI ' +
        'drivers on AKS), or with a ConfigMap, Secret, projected or emptyDir volume. Clone repositories in an init ' +
        'container instead of gitRepo.',
    },
    frameworks: {
      seed: ['B4', 'N5'],
      pss: ['restrictedVolumes'],
      'azure-policy': ['16697877-1118-4fb1-9b65-9898ec2509ec'],
    },
    messages: {
      volumeType: "Volume '{{volume}}' uses '{{type}}', which is not one of the restricted volume types.",
    },
  },
  check(w, ctx) {
    for (const { index, volume, name } of volumes(w)) {
      for (const [key, value] of Object.entries(volume)) {
        if (key === 'name' || !isSet(value) || RESTRICTED_VOLUME_SOURCES.includes(key)) continue;
        ctx.report({
          messageId: 'volumeType',
          pointer: joinPointer(w.podSpecPointer, 'volumes', index),
          data: { volume: name, type: key },
        });
      }
    }
  },
});
