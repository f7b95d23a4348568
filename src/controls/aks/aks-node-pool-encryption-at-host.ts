import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'NOD-120',
    name: 'aks-node-pool-encryption-at-host',
    surface: 'node',
    severity: 'medium',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Every AKS node pool encrypts its temp disk, OS and data disk caches at the VM host.',
      rationale:
        'Without encryption at host, the node temp disk (emptyDir volumes, container layers, swap of secrets mounted ' +
        'into pods) and the disk caches are stored unencrypted on the host; server-side encryption covers only the managed ' +
        'disks themselves. Azure Policy 41425d9f counts pools whose enableEncryptionAtHost is absent, empty or false, ' +
        'and the setting is off unless asked for.',
      remediation:
        'Register the EncryptionAtHost feature (`az feature register --namespace Microsoft.Compute --name EncryptionAtHost`), ' +
        'then create pools with `az aks nodepool add … --enable-encryption-at-host` (ARM: ' +
        '`agentPoolProfiles[].enableEncryptionAtHost: true`) and move workloads off the old pools.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-020',
      seed: seedFromDesign(['C3', 'C6']),
      azurePolicy: ['41425d9f-d1a5-499a-9932-f8ed8453932c'],
      mcsb: ['DP-4'],
    }),
    messages: {
      notEncrypted:
        "Node pool '{{nodePool}}' does not encrypt at host: its temp disk and disk caches, where pod data and container layers land, are stored unencrypted.",
    },
  },
  check(cluster, ctx) {
    // An unresolvable pool list (a template expression) is not evaluated, never a pass.
    cluster.view.get('agentPoolProfiles').str();
    for (const pool of cluster.pools) {
      const setting = pool.view.get('enableEncryptionAtHost');
      if (setting.bool() !== true) ctx.report({ messageId: 'notEncrypted', pointer: setting.pointer, data: { nodePool: pool.name } });
    }
  },
});
