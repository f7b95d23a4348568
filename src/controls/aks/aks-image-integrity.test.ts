import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-image-integrity.js';

testControl(control, {
  valid: [
    { name: 'ARM (preview API): enabled', file: 'aks.json', yaml: aksArm({ securityProfile: { imageIntegrity: { enabled: true } } }) },
    { name: 'az: enabled', file: 'aks.json', yaml: aksAz({ securityProfile: { imageIntegrity: { enabled: true }, workloadIdentity: { enabled: true } } }) },
  ],
  invalid: [
    {
      name: 'ARM: absent (stable API versions do not show it): information only',
      file: 'aks.json',
      yaml: aksArm({ securityProfile: { workloadIdentity: { enabled: true } } }),
      errors: [{ messageId: 'notEnabled', pointer: '/properties/securityProfile', severity: 'info' }],
    },
    {
      name: 'az: explicitly disabled',
      file: 'aks.json',
      yaml: aksAz({ securityProfile: { imageIntegrity: { enabled: false } } }),
      errors: [{ messageId: 'notEnabled', pointer: '/securityProfile/imageIntegrity/enabled', severity: 'info' }],
    },
  ],
});
