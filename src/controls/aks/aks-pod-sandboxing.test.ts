import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-pod-sandboxing.js';

testControl(control, {
  valid: [
    {
      name: 'ARM: a Kata VM isolation pool',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'system', mode: 'System' }, { name: 'sandbox', osSKU: 'AzureLinux', workloadRuntime: 'KataVmIsolation' }] }),
    },
    { name: 'az: the preview runtime name', file: 'aks.json', yaml: aksAz({ agentPoolProfiles: [{ name: 'sandbox', workloadRuntime: 'KataMshvVmIsolation' }] }) },
  ],
  invalid: [
    {
      name: 'ARM: only OCI containers',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', workloadRuntime: 'OCIContainer' }] }),
      errors: [{ messageId: 'noSandbox', pointer: '/properties/agentPoolProfiles', severity: 'info' }],
    },
    { name: 'az: no workloadRuntime anywhere', file: 'aks.json', yaml: aksAz({ agentPoolProfiles: [{ name: 'nodepool1' }] }), errors: [{ messageId: 'noSandbox', pointer: '/agentPoolProfiles' }] },
  ],
});
