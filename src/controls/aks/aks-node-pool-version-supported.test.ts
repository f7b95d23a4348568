import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-node-pool-version-supported.js';

const at = (date: string) => new Date(`${date}T00:00:00Z`);
const premiumLts = { sku: { name: 'Base', tier: 'Premium' } };

/** A template whose second pool is declared as its own agentPools resource. */
const template = (poolVersion: string): string =>
  JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { k8s: { type: 'string', defaultValue: '1.36' } },
      resources: [
        {
          type: 'Microsoft.ContainerService/managedClusters',
          apiVersion: '2025-10-01',
          name: 'aks1',
          location: 'westeurope',
          properties: { kubernetesVersion: "[parameters('k8s')]", agentPoolProfiles: [{ name: 'system', mode: 'System', orchestratorVersion: "[parameters('k8s')]" }] },
        },
        {
          type: 'Microsoft.ContainerService/managedClusters/agentPools',
          apiVersion: '2025-10-01',
          name: 'aks1/user',
          dependsOn: ["[resourceId('Microsoft.ContainerService/managedClusters', 'aks1')]"],
          properties: { mode: 'User', orchestratorVersion: poolVersion },
        },
      ],
    },
    null,
    2,
  );

testControl(control, {
  valid: [
    {
      name: 'ARM: pools on the control plane version, in support',
      file: 'aks.json',
      yaml: aksArm({
        currentKubernetesVersion: '1.36.2',
        agentPoolProfiles: [
          { name: 'system', orchestratorVersion: '1.36', currentOrchestratorVersion: '1.36.2' },
          { name: 'user', orchestratorVersion: '1.35.4' },
        ],
      }),
    },
    {
      name: 'az: a pool without a version follows the control plane',
      file: 'aks.json',
      yaml: aksAz({ currentKubernetesVersion: '1.35.3', agentPoolProfiles: [{ name: 'system', mode: 'System', osSku: 'AzureLinux' }] }),
    },
    {
      name: 'LTS Premium: a pool 3 minors behind a 1.34 control plane is within skew (1.31 LTS until 2026-11-30)',
      file: 'aks.json',
      yaml: aksArm(
        { currentKubernetesVersion: '1.34.2', supportPlan: 'AKSLongTermSupport', agentPoolProfiles: [{ name: 'legacy', currentOrchestratorVersion: '1.31.8' }] },
        premiumLts,
      ),
      now: at('2026-06-01'),
    },
    { name: 'template: the agentPools resource on the parameter default 1.36', file: 'aks.json', yaml: template("[parameters('k8s')]") },
  ],
  invalid: [
    {
      name: 'ARM: the AKS Automatic recording pool on 1.32.6 is out of all support on 2026-11-29',
      file: 'aks.json',
      yaml: aksArm({
        kubernetesVersion: '1.32',
        currentKubernetesVersion: '1.32.6',
        agentPoolProfiles: [{ name: 'nodepool1', orchestratorVersion: '1.32', currentOrchestratorVersion: '1.32.6' }],
      }),
      errors: [
        {
          messageId: 'unsupported',
          pointer: '/properties/agentPoolProfiles/0/currentOrchestratorVersion',
          severity: 'critical',
          data: { nodePool: 'nodepool1', version: '1.32.6', minor: '1.32', plan: 'community', endOfSupport: '2026-03-31', daysLeft: -243 },
        },
      ],
    },
    {
      name: 'az: one pool of two ends within warnDays',
      file: 'aks.json',
      yaml: aksAz({
        currentKubernetesVersion: '1.36.1',
        agentPoolProfiles: [
          { name: 'system', currentOrchestratorVersion: '1.36.1' },
          { name: 'batch', currentOrchestratorVersion: '1.34.6' },
        ],
      }),
      errors: [
        {
          messageId: 'ending',
          pointer: '/agentPoolProfiles/1/currentOrchestratorVersion',
          severity: 'medium',
          data: { nodePool: 'batch', version: '1.34.6', minor: '1.34', plan: 'community', endOfSupport: '2026-11-30', daysLeft: 1 },
        },
      ],
    },
    {
      name: 'LTS Premium: a pool 4 minors behind a 1.35 control plane is outside the skew even while 1.31 has LTS',
      file: 'aks.json',
      yaml: aksArm(
        { currentKubernetesVersion: '1.35.2', supportPlan: 'AKSLongTermSupport', agentPoolProfiles: [{ name: 'legacy', currentOrchestratorVersion: '1.31.8' }] },
        premiumLts,
      ),
      now: at('2026-06-01'),
      errors: [
        {
          messageId: 'skew',
          pointer: '/properties/agentPoolProfiles/0/currentOrchestratorVersion',
          severity: 'high',
          data: { nodePool: 'legacy', poolMinor: '1.31', controlPlaneMinor: '1.35', skew: 4, maxSkew: 3 },
        },
      ],
    },
    {
      name: 'below 1.28 the skew limit is 2; 1.24 in 2023-08 is also N-3 (platform support)',
      file: 'aks.json',
      yaml: aksArm({ currentKubernetesVersion: '1.27.3', agentPoolProfiles: [{ name: 'old', orchestratorVersion: '1.24.15' }] }),
      now: at('2023-08-01'),
      errors: [
        { messageId: 'platformSupport', pointer: '/properties/agentPoolProfiles/0/orchestratorVersion', severity: 'high' },
        {
          messageId: 'skew',
          pointer: '/properties/agentPoolProfiles/0/orchestratorVersion',
          data: { nodePool: 'old', poolMinor: '1.24', controlPlaneMinor: '1.27', skew: 3, maxSkew: 2 },
        },
      ],
    },
    {
      name: 'a pool newer than the control plane',
      file: 'aks.json',
      yaml: aksArm({ kubernetesVersion: '1.35.1', agentPoolProfiles: [{ name: 'ahead', orchestratorVersion: '1.36.0' }] }),
      errors: [
        {
          messageId: 'newerThanControlPlane',
          pointer: '/properties/agentPoolProfiles/0/orchestratorVersion',
          data: { nodePool: 'ahead', poolMinor: '1.36', controlPlaneMinor: '1.35' },
        },
      ],
    },
    {
      name: 'template: a separately declared agentPools resource below the calendar',
      file: 'aks.json',
      yaml: template('1.21.2'),
      errors: [
        { messageId: 'belowCalendar', pointer: '/resources/1/properties/orchestratorVersion', severity: 'critical', data: { nodePool: 'user', version: '1.21.2', minor: '1.21', plan: 'community', oldest: '1.22' } },
        { messageId: 'skew', pointer: '/resources/1/properties/orchestratorVersion', data: { nodePool: 'user', poolMinor: '1.21', controlPlaneMinor: '1.36', skew: 15, maxSkew: 3 } },
      ],
    },
  ],
});
