import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'NOD-131',
    name: 'aks-node-os-upgrade-channel',
    surface: 'node',
    severity: 'high',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Node OS security patches are applied automatically (nodeOSUpgradeChannel NodeImage or SecurityPatch).',
      rationale:
        'Node OS vulnerabilities (kernel, container runtime, OpenSSL) are fixed in weekly node images and security ' +
        'patches. nodeOSUpgradeChannel "NodeImage" rolls nodes onto the new image weekly; "SecurityPatch" applies ' +
        'AKS-tested security patches (with live patching, reimaging only when needed). "Unmanaged" leaves Linux ' +
        'unattended-upgrades on but reboots to you (kured), and on Windows behaves like "None", which applies nothing. ' +
        'The default is NodeImage only for clusters created with API 2023-06-01 or later, so an absent value is unknown. ' +
        'The legacy cluster channel "node-image" forces NodeImage. Azure Policy 04408ca5 mirrors this; its ' +
        'allowedNodeOsUpgradeChannels parameter is the option of the same name.',
      remediation:
        '`az aks update -g <rg> -n <cluster> --node-os-upgrade-channel NodeImage` (or `SecurityPatch`) with a ' +
        '`aksManagedNodeOSUpgradeSchedule` maintenance window; ARM: `autoUpgradeProfile.nodeOSUpgradeChannel`.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-031',
      seed: seedFromDesign(['N3', 'D11']),
      azurePolicy: ['04408ca5-aa10-42ce-8536-98955cdddd4c', '40f1aee2-4db4-4b74-acb1-c6972e24cca8'],
      mcsb: ['PV-6'],
    }),
    options: {
      allowedNodeOsUpgradeChannels: {
        type: 'string[]',
        description: 'Node OS upgrade channels that pass (case-insensitive), as the Azure Policy parameter of the same name.',
        default: ['NodeImage', 'SecurityPatch'],
      },
    },
    messages: {
      unknown:
        'nodeOSUpgradeChannel is not set: clusters created before API 2023-06-01 default to no automatic node OS patching; set NodeImage or SecurityPatch explicitly.',
      unmanaged:
        "nodeOSUpgradeChannel is 'Unmanaged': Linux nodes install updates but nothing reboots them (kured is needed) and node images are never refreshed.",
      unmanagedWindows:
        "Node pool '{{nodePool}}' runs Windows, where nodeOSUpgradeChannel 'Unmanaged' applies no patches at all.",
      none: "nodeOSUpgradeChannel is 'None': node OS security patches are never applied.",
      notAllowed: "nodeOSUpgradeChannel '{{channel}}' is not one of the allowed channels ({{allowed}}).",
    },
  },
  check(cluster, ctx) {
    const profile = cluster.view.get('autoUpgradeProfile');
    const node = profile.get('nodeOSUpgradeChannel');
    const channel = node.str();
    const allowed = Array.isArray(ctx.options.allowedNodeOsUpgradeChannels) ? (ctx.options.allowedNodeOsUpgradeChannels as string[]) : [];
    if (channel === undefined) {
      // The legacy cluster channel node-image pins the node OS channel to NodeImage (Azure Policy 04408ca5 passes it).
      if (profile.get('upgradeChannel').is('node-image') && allowed.some((a) => a.toLowerCase() === 'nodeimage')) return;
      ctx.report({ messageId: 'unknown', pointer: node.pointer, severity: 'medium' });
      return;
    }
    if (allowed.some((a) => a.toLowerCase() === channel.toLowerCase())) return;
    if (node.is('Unmanaged')) {
      ctx.report({ messageId: 'unmanaged', pointer: node.pointer, severity: 'medium' });
      for (const pool of cluster.pools) {
        const os = pool.view.get('osType');
        if (os.is('Windows')) ctx.report({ messageId: 'unmanagedWindows', pointer: os.pointer, data: { nodePool: pool.name } });
      }
    } else if (node.is('None')) {
      ctx.report({ messageId: 'none', pointer: node.pointer });
    } else {
      ctx.report({ messageId: 'notAllowed', pointer: node.pointer, data: { channel, allowed: allowed.join(', ') || 'none' } });
    }
  },
});
