import { testControl } from '../../../test/control-tester.js';
import control from './aks-run-command-disabled.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: run command disabled', file: 'aks.json', yaml: arm({ apiServerAccessProfile: { enablePrivateCluster: true, disableRunCommand: true } }) },
    { name: 'az: run command disabled', file: 'aks.json', yaml: az({ apiServerAccessProfile: { disableRunCommand: true } }) },
  ],
  invalid: [
    {
      name: 'ARM: absent means enabled (the AKS Automatic recording)',
      file: 'aks.json',
      yaml: arm({ apiServerAccessProfile: { enablePrivateCluster: false, enableVnetIntegration: true } }),
      errors: [{ messageId: 'enabled', pointer: '/properties/apiServerAccessProfile' }],
    },
    {
      name: 'az: explicitly false',
      file: 'aks.json',
      yaml: az({ apiServerAccessProfile: { disableRunCommand: false } }),
      errors: [{ messageId: 'enabled', pointer: '/apiServerAccessProfile/disableRunCommand' }],
    },
    { name: 'az: no apiServerAccessProfile', file: 'aks.json', yaml: az({ dnsPrefix: 'aks1' }), errors: [{ messageId: 'enabled', pointer: '' }] },
  ],
});
