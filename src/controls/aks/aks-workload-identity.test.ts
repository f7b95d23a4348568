import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-workload-identity.js';

testControl(control, {
  valid: [
    {
      name: 'ARM: workload identity and OIDC issuer on',
      file: 'aks.json',
      yaml: aksArm({ securityProfile: { workloadIdentity: { enabled: true } }, oidcIssuerProfile: { enabled: true, issuerURL: 'https://westus2.oic.prod-aks.azure.com/t/c/' } }),
    },
    {
      name: 'az: both on (az case issuerUrl)',
      file: 'aks.json',
      yaml: aksAz({ securityProfile: { workloadIdentity: { enabled: true }, defender: null }, oidcIssuerProfile: { enabled: true, issuerUrl: 'https://westus2.oic.prod-aks.azure.com/t/c/' } }),
    },
  ],
  invalid: [
    {
      name: 'ARM: workload identity on but no OIDC issuer (the securityprofile example)',
      file: 'aks.json',
      yaml: aksArm({ securityProfile: { workloadIdentity: { enabled: true } } }),
      errors: [{ messageId: 'oidcIssuerOff', pointer: '/properties' }],
    },
    {
      name: 'az: OIDC issuer on but workload identity off',
      file: 'aks.json',
      yaml: aksAz({ securityProfile: { workloadIdentity: { enabled: false } }, oidcIssuerProfile: { enabled: true } }),
      errors: [{ messageId: 'workloadIdentityOff', pointer: '/securityProfile/workloadIdentity/enabled' }],
    },
    {
      name: 'ARM: neither half (empty securityProfile): one finding per missing half',
      file: 'aks.json',
      yaml: aksArm({ securityProfile: {}, oidcIssuerProfile: { enabled: false } }),
      errors: [
        { messageId: 'workloadIdentityOff', pointer: '/properties/securityProfile' },
        { messageId: 'oidcIssuerOff', pointer: '/properties/oidcIssuerProfile/enabled' },
      ],
    },
  ],
});
