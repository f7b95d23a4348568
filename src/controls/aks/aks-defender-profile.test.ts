import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-defender-profile.js';

const WORKSPACE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.OperationalInsights/workspaces/ws1';

testControl(control, {
  valid: [
    {
      name: 'ARM: Defender sensor on',
      file: 'aks.json',
      yaml: aksArm({ securityProfile: { defender: { logAnalyticsWorkspaceResourceId: WORKSPACE, securityMonitoring: { enabled: true } } } }),
    },
    { name: 'az: Defender sensor on', file: 'aks.json', yaml: aksAz({ securityProfile: { defender: { logAnalyticsWorkspaceResourceId: WORKSPACE, securityMonitoring: { enabled: true } } } }) },
  ],
  invalid: [
    {
      name: 'ARM: securityProfile without defender (the AKS Automatic recording)',
      file: 'aks.json',
      yaml: aksArm({ securityProfile: { imageCleaner: { enabled: true, intervalHours: 168 } } }),
      errors: [{ messageId: 'disabled', pointer: '/properties/securityProfile' }],
    },
    {
      name: 'az: sensor explicitly off',
      file: 'aks.json',
      yaml: aksAz({ securityProfile: { defender: { logAnalyticsWorkspaceResourceId: null, securityMonitoring: { enabled: false } } } }),
      errors: [{ messageId: 'disabled', pointer: '/securityProfile/defender/securityMonitoring/enabled' }],
    },
    { name: 'ARM: no securityProfile', file: 'aks.json', yaml: aksArm({ enableRBAC: true }), errors: [{ messageId: 'disabled', pointer: '/properties' }] },
  ],
});
