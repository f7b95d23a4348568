import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-121',
    name: 'aks-disk-encryption-cmk',
    surface: 'cluster',
    severity: 'low',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Node OS and data disks are encrypted with a customer-managed key (disk encryption set).',
      rationale:
        'Managed disks are always encrypted, by default with platform-managed keys. A customer-managed key through a ' +
        'disk encryption set (diskEncryptionSetID) lets you rotate and revoke the key and prove who controls it, which ' +
        'some compliance regimes require. Defender lists the matching Azure Policy 7d7be79c as "enable if required": ' +
        'this is a compliance-driven control, so it is low severity; turn it off in the policy where platform keys are accepted.',
      remediation:
        'Create a disk encryption set on a Key Vault key and grant it access, then create the cluster with ' +
        '`az aks create … --node-osdisk-diskencryptionset-id <desId>` (ARM: `properties.diskEncryptionSetID`). The setting ' +
        'applies at creation; existing clusters need new clusters or pools.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-021',
      seed: seedFromDesign(['C3']),
      azurePolicy: ['7d7be79c-23ba-4033-84dd-45e2a5ccdd67'],
      mcsb: ['DP-5'],
    }),
    messages: {
      platformKeys: 'No disk encryption set is configured: node OS and data disks use platform-managed keys that you cannot rotate or revoke.',
    },
  },
  check(cluster, ctx) {
    const des = cluster.view.get('diskEncryptionSetID');
    const id = des.str();
    if (id === undefined || id.trim() === '') ctx.report({ messageId: 'platformKeys', pointer: des.pointer });
  },
});
