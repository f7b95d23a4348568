import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-azure-cni.js';

testControl(control, {
  valid: [
    { name: 'ARM: Azure CNI Overlay', file: 'aks.json', yaml: aksArm({ networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay' } }) },
    { name: 'az: Azure CNI (VNet), case-insensitive', file: 'aks.json', yaml: aksAz({ networkProfile: { networkPlugin: 'Azure' } }) },
  ],
  invalid: [
    {
      name: 'ARM: kubenet (the 2022 recordings) retires 2028-03-31',
      file: 'aks.json',
      yaml: aksArm({ networkProfile: { networkPlugin: 'kubenet' } }),
      errors: [{ messageId: 'kubenet', pointer: '/properties/networkProfile/networkPlugin', data: { when: 'retires', retires: '2028-03-31' } }],
    },
    {
      name: 'az: kubenet after its retirement',
      file: 'aks.json',
      yaml: aksAz({ networkProfile: { networkPlugin: 'kubenet' } }),
      now: new Date('2028-06-01T00:00:00Z'),
      errors: [{ messageId: 'kubenet', pointer: '/networkProfile/networkPlugin', data: { when: 'retired', retires: '2028-03-31' } }],
    },
    {
      name: 'bring-your-own CNI ("none") is flagged like Azure Policy 46238e2f does',
      file: 'aks.json',
      yaml: aksArm({ networkProfile: { networkPlugin: 'none' } }),
      errors: [{ messageId: 'other', pointer: '/properties/networkProfile/networkPlugin', data: { networkPlugin: 'none' } }],
    },
    { name: 'not set', file: 'aks.json', yaml: aksArm({ networkProfile: { networkPolicy: 'calico' } }), errors: [{ messageId: 'unset', pointer: '/properties/networkProfile' }] },
  ],
});
