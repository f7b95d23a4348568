import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-node-pool-encryption-at-host.js';

testControl(control, {
  valid: [
    {
      name: 'ARM: every pool encrypts at host',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'system', enableEncryptionAtHost: true }, { name: 'user', enableEncryptionAtHost: true }] }),
    },
    { name: 'az: string "true" is accepted', file: 'aks.json', yaml: aksAz({ agentPoolProfiles: [{ name: 'system', enableEncryptionAtHost: 'true' }] }) },
    { name: 'no pools declared (nothing to judge)', file: 'aks.json', yaml: aksArm({ dnsPrefix: 'aks1' }) },
    {
      name: 'template: a pool list that is an unresolvable expression is not evaluated, never a pass',
      file: 'aks.json',
      yaml: JSON.stringify(
        {
          $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
          contentVersion: '1.0.0.0',
          parameters: { ha: { type: 'bool', defaultValue: true } },
          resources: [
            {
              type: 'Microsoft.ContainerService/managedClusters',
              apiVersion: '2025-10-01',
              name: 'aks1',
              location: 'westeurope',
              properties: { agentPoolProfiles: "[if(parameters('ha'), variables('haPools'), variables('pools'))]" },
            },
          ],
        },
        null,
        2,
      ),
      notEvaluated: true,
    },
  ],
  invalid: [
    {
      name: 'ARM: the AKS Automatic recording sets it false',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', enableEncryptionAtHost: false }] }),
      errors: [{ messageId: 'notEncrypted', pointer: '/properties/agentPoolProfiles/0/enableEncryptionAtHost', data: { nodePool: 'nodepool1' } }],
    },
    {
      name: 'ARM: absent means false, reported per pool (only the failing one)',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'system', enableEncryptionAtHost: true }, { name: 'user', mode: 'User' }] }),
      errors: [{ messageId: 'notEncrypted', pointer: '/properties/agentPoolProfiles/1', data: { nodePool: 'user' } }],
    },
    {
      name: 'az: null and empty string (as Azure Policy 41425d9f counts them)',
      file: 'aks.json',
      yaml: aksAz({ agentPoolProfiles: [{ name: 'a', enableEncryptionAtHost: null }, { name: 'b', enableEncryptionAtHost: '' }] }),
      errors: [
        { messageId: 'notEncrypted', pointer: '/agentPoolProfiles/0', data: { nodePool: 'a' } },
        { messageId: 'notEncrypted', pointer: '/agentPoolProfiles/1/enableEncryptionAtHost', data: { nodePool: 'b' } },
      ],
    },
    {
      name: 'template: a pool declared as its own agentPools resource',
      file: 'aks.json',
      yaml: JSON.stringify(
        {
          $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
          contentVersion: '1.0.0.0',
          resources: [
            { type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2025-10-01', name: 'aks1', location: 'westeurope', properties: { agentPoolProfiles: [{ name: 'system', enableEncryptionAtHost: true }] } },
            { type: 'Microsoft.ContainerService/managedClusters/agentPools', apiVersion: '2025-10-01', name: 'aks1/user', properties: { mode: 'User' } },
          ],
        },
        null,
        2,
      ),
      errors: [{ messageId: 'notEncrypted', pointer: '/resources/1/properties', data: { nodePool: 'user' } }],
    },
  ],
});
