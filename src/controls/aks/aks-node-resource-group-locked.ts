import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'NOD-138',
    name: 'aks-node-resource-group-locked',
    surface: 'node',
    severity: 'low',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The node resource group (MC_…) is read-only to everyone but AKS.',
      rationale:
        'The node resource group holds the VM scale sets, disks, NICs and load balancers of the cluster. Anyone with ' +
        'rights on it can run extensions or commands on node VMs, attach disks or change networking directly, bypassing ' +
        'Kubernetes RBAC and AKS. nodeResourceGroupProfile.restrictionLevel "ReadOnly" puts a deny assignment on the group ' +
        'so that only AKS changes it; absent means Unrestricted.',
      remediation:
        '`az aks update -g <rg> -n <cluster> --nrg-lockdown-restriction-level ReadOnly`; ARM: ' +
        '`nodeResourceGroupProfile.restrictionLevel: "ReadOnly"`.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-038',
      seed: seedFromDesign(['N4', 'C8']),
      mcsb: ['PA-7'],
    }),
    messages: {
      unrestricted:
        'The node resource group is not locked down (restrictionLevel {{level}}): anyone with rights on it can change node VMs directly, bypassing Kubernetes RBAC.',
    },
  },
  check(cluster, ctx) {
    const level = cluster.view.get('nodeResourceGroupProfile.restrictionLevel');
    if (level.is('ReadOnly')) return;
    const value = level.str();
    ctx.report({ messageId: 'unrestricted', pointer: level.pointer, data: { level: value === undefined ? 'absent, so Unrestricted' : `'${value}'` } });
  },
});
