import { testControl } from '../../../test/control-tester.js';
import control from './aks-api-server-access-restricted.js';

const arm = (apiServerAccessProfile?: unknown) =>
  JSON.stringify(
    {
      id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerService/managedClusters/aks1',
      name: 'aks1',
      type: 'Microsoft.ContainerService/ManagedClusters',
      properties: { kubernetesVersion: '1.35', ...(apiServerAccessProfile === undefined ? {} : { apiServerAccessProfile }) },
    },
    null,
    2,
  );

/** `az aks show` output: flattened, `authorizedIpRanges`, unset values printed as null. */
const az = (apiServerAccessProfile: unknown) =>
  JSON.stringify(
    {
      id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerService/managedClusters/aks1',
      name: 'aks1',
      type: 'Microsoft.ContainerService/ManagedClusters',
      resourceGroup: 'g',
      kubernetesVersion: '1.35',
      apiServerAccessProfile,
    },
    null,
    2,
  );

testControl(control, {
  valid: [
    { name: 'private cluster (ARM)', file: 'aks.json', yaml: arm({ enablePrivateCluster: true }) },
    { name: 'private cluster (az)', file: 'aks.json', yaml: az({ enablePrivateCluster: true, authorizedIpRanges: null }) },
    { name: 'authorized ranges (ARM)', file: 'aks.json', yaml: arm({ authorizedIPRanges: ['203.0.113.0/24', '198.51.100.7/32'] }) },
    { name: 'authorized ranges (az key case)', file: 'aks.json', yaml: az({ enablePrivateCluster: false, authorizedIpRanges: ['10.0.0.0/8'] }) },
    { name: "0.0.0.0/32 means only the cluster's own outbound IP", file: 'aks.json', yaml: arm({ authorizedIPRanges: ['0.0.0.0/32'] }) },
    {
      name: 'a template whose private flag is an expression cannot be decided',
      file: 'main.json',
      notEvaluated: true,
      yaml: JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        resources: [
          { type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2025-09-01', name: 'aks1', properties: { apiServerAccessProfile: { enablePrivateCluster: "[equals(parameters('env'), 'prod')]" } } },
        ],
      }),
    },
  ],
  invalid: [
    { name: 'no apiServerAccessProfile at all: public, unfiltered', file: 'aks.json', yaml: arm(), errors: [{ messageId: 'public', pointer: '/properties' }] },
    {
      name: 'VNet integration alone does not restrict access (AKS Automatic)',
      file: 'aks.json',
      yaml: arm({ enablePrivateCluster: false, enableVnetIntegration: true, subnetId: '' }),
      errors: [{ messageId: 'public', pointer: '/properties/apiServerAccessProfile' }],
    },
    { name: 'az shape with null ranges', file: 'aks.json', yaml: az({ enablePrivateCluster: false, authorizedIpRanges: null }), errors: [{ messageId: 'public', pointer: '/apiServerAccessProfile' }] },
    {
      name: 'wildcard and too-wide ranges',
      file: 'aks.json',
      yaml: arm({ authorizedIPRanges: ['203.0.113.0/24', '0.0.0.0/0', '::/0', '10.0.0.0/7'] }),
      errors: [
        { messageId: 'wildcard', pointer: '/properties/apiServerAccessProfile/authorizedIPRanges/1', data: { range: '0.0.0.0/0' } },
        { messageId: 'wildcard', pointer: '/properties/apiServerAccessProfile/authorizedIPRanges/2', data: { range: '::/0' } },
        { messageId: 'wildcard', pointer: '/properties/apiServerAccessProfile/authorizedIPRanges/3', data: { range: '10.0.0.0/7' } },
      ],
    },
  ],
});
