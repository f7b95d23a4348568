import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-130',
    name: 'aks-cluster-auto-upgrade',
    surface: 'cluster',
    severity: 'medium',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The cluster has a Kubernetes auto-upgrade channel (patch, stable or rapid).',
      rationale:
        'Kubernetes patch releases carry CVE fixes, and AKS minors leave support every few months. Without an auto-upgrade ' +
        'channel (upgradeChannel absent or "none") the cluster stays on whatever it was created with until someone ' +
        'upgrades by hand, and drifts out of support (AKS-028). "patch" applies the latest patch of the current minor; ' +
        '"stable" and "rapid" also move minors. "node-image" is a legacy channel that only upgrades node images (use ' +
        'nodeOSUpgradeChannel instead). Azure Policy 5c345cdf flags an absent channel or one outside its ' +
        'allowedClusterAutoUpgradeChannels parameter, mirrored by the option of the same name.',
      remediation:
        '`az aks update -g <rg> -n <cluster> --auto-upgrade-channel patch` (or `stable`), with a planned maintenance window ' +
        '(`az aks maintenanceconfiguration add --name aksManagedAutoUpgradeSchedule …`); ARM: ' +
        '`autoUpgradeProfile.upgradeChannel`.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-030',
      seed: seedFromDesign(['C10']),
      azurePolicy: ['5c345cdf-2049-47e0-b8fe-b0e96bc2df35'],
      mcsb: ['PV-7'],
    }),
    options: {
      allowedClusterAutoUpgradeChannels: {
        type: 'string[]',
        description: 'Cluster auto-upgrade channels that pass (case-insensitive), as the Azure Policy parameter of the same name.',
        default: ['patch', 'stable', 'rapid'],
      },
    },
    messages: {
      none: 'No cluster auto-upgrade channel is set ({{channel}}): Kubernetes patches and minor upgrades are never applied automatically.',
      nodeImage: "upgradeChannel 'node-image' is legacy and upgrades only node images, never Kubernetes itself: use patch or stable, and nodeOSUpgradeChannel for images.",
      notAllowed: "upgradeChannel '{{channel}}' is not one of the allowed channels ({{allowed}}).",
    },
  },
  check(cluster, ctx) {
    const node = cluster.view.get('autoUpgradeProfile.upgradeChannel');
    const channel = node.str();
    const allowed = Array.isArray(ctx.options.allowedClusterAutoUpgradeChannels) ? (ctx.options.allowedClusterAutoUpgradeChannels as string[]) : [];
    if (channel !== undefined && allowed.some((a) => a.toLowerCase() === channel.toLowerCase())) return;
    if (channel === undefined || node.is('none')) {
      ctx.report({ messageId: 'none', pointer: node.pointer, data: { channel: channel === undefined ? 'absent' : `'${channel}'` } });
    } else if (node.is('node-image')) {
      ctx.report({ messageId: 'nodeImage', pointer: node.pointer, severity: 'medium' });
    } else {
      ctx.report({ messageId: 'notAllowed', pointer: node.pointer, data: { channel, allowed: allowed.join(', ') || 'none' } });
    }
  },
});
