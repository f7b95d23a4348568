import { testControl } from '../../../test/control-tester.js';
import control from './aks-fips-nodes.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`). */
const arm = (properties: object, extra: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...extra, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: every pool FIPS', file: 'aks.json', yaml: arm({ agentPoolProfiles: [{ name: 'system', enableFIPS: true }, { name: 'win', osType: 'Windows', enableFIPS: true }] }) },
    { name: 'az: enableFips (az acronym case)', file: 'aks.json', yaml: az({ agentPoolProfiles: [{ name: 'system', enableFips: true }] }) },
  ],
  invalid: [
    {
      name: 'ARM: enableFIPS false (the AKS Automatic recording)',
      file: 'aks.json',
      yaml: arm({ agentPoolProfiles: [{ name: 'nodepool1', enableFIPS: false }] }),
      errors: [{ messageId: 'notFips', pointer: '/properties/agentPoolProfiles/0/enableFIPS', severity: 'info', data: { nodePool: 'nodepool1' } }],
    },
    {
      name: 'az: absent on one pool',
      file: 'aks.json',
      yaml: az({ agentPoolProfiles: [{ name: 'system', enableFips: true }, { name: 'user' }] }),
      errors: [{ messageId: 'notFips', pointer: '/agentPoolProfiles/1', data: { nodePool: 'user' } }],
    },
  ],
});
