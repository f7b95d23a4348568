import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-standard-load-balancer.js';

testControl(control, {
  valid: [
    { name: 'ARM: standard', file: 'aks.json', yaml: aksArm({ networkProfile: { networkPlugin: 'azure', loadBalancerSku: 'standard' } }) },
    { name: 'az: Standard (enum case differs)', file: 'aks.json', yaml: aksAz({ networkProfile: { loadBalancerSku: 'Standard' } }) },
    { name: 'ARM: absent means standard on current API versions', file: 'aks.json', yaml: aksArm({ networkProfile: { networkPlugin: 'azure' } }) },
    { name: 'az: no networkProfile', file: 'aks.json', yaml: aksAz({ enableRbac: true }) },
  ],
  invalid: [
    {
      name: 'ARM: basic (the securityprofile example)',
      file: 'aks.json',
      yaml: aksArm({ networkProfile: { networkPlugin: 'kubenet', loadBalancerSku: 'basic', outboundType: 'loadBalancer' } }),
      errors: [{ messageId: 'basic', pointer: '/properties/networkProfile/loadBalancerSku', data: { sku: 'basic' }, severity: 'info' }],
    },
    {
      name: 'az: Basic',
      file: 'aks.json',
      yaml: aksAz({ networkProfile: { loadBalancerSku: 'Basic' } }),
      errors: [{ messageId: 'basic', pointer: '/networkProfile/loadBalancerSku', data: { sku: 'Basic' } }],
    },
  ],
});
