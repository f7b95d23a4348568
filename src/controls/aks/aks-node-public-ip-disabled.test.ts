import { testControl } from '../../../test/control-tester.js';
import control from './aks-node-public-ip-disabled.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`). */
const arm = (properties: object, extra: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...extra, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: explicitly false', file: 'aks.json', yaml: arm({ agentPoolProfiles: [{ name: 'nodepool1', enableNodePublicIP: false }] }) },
    { name: 'ARM: absent means false (the legacy REST example)', file: 'aks.json', yaml: arm({ agentPoolProfiles: [{ name: 'nodepool1', vmSize: 'Standard_DS1_v2' }] }) },
    { name: 'az: enableNodePublicIp null', file: 'aks.json', yaml: az({ agentPoolProfiles: [{ name: 'nodepool1', enableNodePublicIp: null }] }) },
  ],
  invalid: [
    {
      name: 'ARM: the security-profile REST example has node public IPs',
      file: 'aks.json',
      yaml: arm({ agentPoolProfiles: [{ name: 'nodepool1', enableNodePublicIP: true }] }),
      errors: [{ messageId: 'publicIp', pointer: '/properties/agentPoolProfiles/0/enableNodePublicIP', data: { nodePool: 'nodepool1' } }],
    },
    {
      name: 'az: enableNodePublicIp on the second pool only',
      file: 'aks.json',
      yaml: az({ agentPoolProfiles: [{ name: 'system', enableNodePublicIp: false }, { name: 'edge', enableNodePublicIp: 'true' }] }),
      errors: [{ messageId: 'publicIp', pointer: '/agentPoolProfiles/1/enableNodePublicIp', data: { nodePool: 'edge' } }],
    },
  ],
});
