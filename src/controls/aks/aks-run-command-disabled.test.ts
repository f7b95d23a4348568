import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-run-command-disabled.js';

testControl(control, {
  valid: [
    { name: 'ARM: run command disabled', file: 'aks.json', yaml: aksArm({ apiServerAccessProfile: { enablePrivateCluster: true, disableRunCommand: true } }) },
    { name: 'az: run command disabled', file: 'aks.json', yaml: aksAz({ apiServerAccessProfile: { disableRunCommand: true } }) },
  ],
  invalid: [
    {
      name: 'ARM: absent means enabled (the AKS Automatic recording)',
      file: 'aks.json',
      yaml: aksArm({ apiServerAccessProfile: { enablePrivateCluster: false, enableVnetIntegration: true } }),
      errors: [{ messageId: 'enabled', pointer: '/properties/apiServerAccessProfile' }],
    },
    {
      name: 'az: explicitly false',
      file: 'aks.json',
      yaml: aksAz({ apiServerAccessProfile: { disableRunCommand: false } }),
      errors: [{ messageId: 'enabled', pointer: '/apiServerAccessProfile/disableRunCommand' }],
    },
    { name: 'az: no apiServerAccessProfile', file: 'aks.json', yaml: aksAz({ dnsPrefix: 'aks1' }), errors: [{ messageId: 'enabled', pointer: '' }] },
  ],
});
