import { testControl } from '../../../test/control-tester.js';
import control from './aks-node-ssh-disabled.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`). */
const arm = (properties: object, extra: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...extra, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    {
      name: 'ARM: SSH disabled on every pool',
      file: 'aks.json',
      yaml: arm({ agentPoolProfiles: [{ name: 'system', securityProfile: { sshAccess: 'Disabled' } }, { name: 'user', securityProfile: { sshAccess: 'Disabled' } }] }),
    },
    {
      name: 'az: EntraId (docs print EntraID) is compliant: pass with no finding',
      file: 'aks.json',
      yaml: az({ agentPoolProfiles: [{ name: 'system', securityProfile: { sshAccess: 'EntraID', enableVtpm: true } }, { name: 'user', securityProfile: { sshAccess: 'disabled' } }] }),
    },
  ],
  invalid: [
    {
      name: 'ARM: no sshAccess field (the AKS Automatic recording) means LocalUser',
      file: 'aks.json',
      yaml: arm({ agentPoolProfiles: [{ name: 'nodepool1', securityProfile: { enableVTPM: false, enableSecureBoot: false } }] }),
      errors: [{ messageId: 'localUser', pointer: '/properties/agentPoolProfiles/0/securityProfile', data: { nodePool: 'nodepool1', sshAccess: 'absent, so LocalUser' } }],
    },
    {
      name: 'ARM: no securityProfile at all',
      file: 'aks.json',
      yaml: arm({ agentPoolProfiles: [{ name: 'nodepool1' }] }),
      errors: [{ messageId: 'localUser', pointer: '/properties/agentPoolProfiles/0' }],
    },
    {
      name: 'az: explicit LocalUser on one pool of two',
      file: 'aks.json',
      yaml: az({ agentPoolProfiles: [{ name: 'system', securityProfile: { sshAccess: 'Disabled' } }, { name: 'debug', securityProfile: { sshAccess: 'localuser' } }] }),
      errors: [{ messageId: 'localUser', pointer: '/agentPoolProfiles/1/securityProfile/sshAccess', data: { nodePool: 'debug', sshAccess: "'localuser'" } }],
    },
  ],
});
