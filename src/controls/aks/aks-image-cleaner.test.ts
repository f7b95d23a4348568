import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-image-cleaner.js';

testControl(control, {
  valid: [
    { name: 'ARM: enabled weekly', file: 'aks.json', yaml: aksArm({ securityProfile: { imageCleaner: { enabled: true, intervalHours: 168 } } }) },
    { name: 'az: enabled daily', file: 'aks.json', yaml: aksAz({ securityProfile: { imageCleaner: { enabled: true, intervalHours: 24 } } }) },
    { name: 'ARM: enabled, interval absent (CLI default one week)', file: 'aks.json', yaml: aksArm({ securityProfile: { imageCleaner: { enabled: true } } }) },
  ],
  invalid: [
    {
      name: 'ARM: disabled',
      file: 'aks.json',
      yaml: aksArm({ securityProfile: { imageCleaner: { enabled: false, intervalHours: 168 } } }),
      errors: [{ messageId: 'disabled', pointer: '/properties/securityProfile/imageCleaner/enabled', severity: 'low' }],
    },
    { name: 'az: absent', file: 'aks.json', yaml: aksAz({ securityProfile: {} }), errors: [{ messageId: 'disabled', pointer: '/securityProfile' }] },
    {
      name: 'az: enabled but only every 30 days: a warning',
      file: 'aks.json',
      yaml: aksAz({ securityProfile: { imageCleaner: { enabled: true, intervalHours: 720 } } }),
      errors: [{ messageId: 'longInterval', pointer: '/securityProfile/imageCleaner/intervalHours', data: { hours: 720 }, severity: 'low' }],
    },
  ],
});
