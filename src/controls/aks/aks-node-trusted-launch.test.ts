import { testControl } from '../../../test/control-tester.js';
import control from './aks-node-trusted-launch.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`). */
const arm = (properties: object, extra: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...extra, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: Secure Boot and vTPM', file: 'aks.json', yaml: arm({ agentPoolProfiles: [{ name: 'system', securityProfile: { enableSecureBoot: true, enableVTPM: true } }] }) },
    { name: 'az: enableVtpm (az acronym case)', file: 'aks.json', yaml: az({ agentPoolProfiles: [{ name: 'system', securityProfile: { enableSecureBoot: true, enableVtpm: true, sshAccess: 'Disabled' } }] }) },
  ],
  invalid: [
    {
      name: 'ARM: both off (the AKS Automatic recording)',
      file: 'aks.json',
      yaml: arm({ agentPoolProfiles: [{ name: 'nodepool1', securityProfile: { enableVTPM: false, enableSecureBoot: false } }] }),
      errors: [{ messageId: 'notTrusted', pointer: '/properties/agentPoolProfiles/0/securityProfile/enableSecureBoot', data: { nodePool: 'nodepool1', missing: 'Secure Boot and vTPM' } }],
    },
    {
      name: 'absent securityProfile',
      file: 'aks.json',
      yaml: arm({ agentPoolProfiles: [{ name: 'nodepool1' }] }),
      errors: [{ messageId: 'notTrusted', pointer: '/properties/agentPoolProfiles/0', data: { nodePool: 'nodepool1', missing: 'Secure Boot and vTPM' } }],
    },
    {
      name: 'az: Secure Boot without vTPM',
      file: 'aks.json',
      yaml: az({ agentPoolProfiles: [{ name: 'system', securityProfile: { enableSecureBoot: true, enableVtpm: null } }] }),
      errors: [{ messageId: 'notTrusted', pointer: '/agentPoolProfiles/0/securityProfile', data: { nodePool: 'system', missing: 'vTPM' } }],
    },
  ],
});
