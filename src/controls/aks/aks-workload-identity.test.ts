import { testControl } from '../../../test/control-tester.js';
import control from './aks-workload-identity.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    {
      name: 'ARM: workload identity and OIDC issuer on',
      file: 'aks.json',
      yaml: arm({ securityProfile: { workloadIdentity: { enabled: true } }, oidcIssuerProfile: { enabled: true, issuerURL: 'https://westus2.oic.prod-aks.azure.com/t/c/' } }),
    },
    {
      name: 'az: both on (az case issuerUrl)',
      file: 'aks.json',
      yaml: az({ securityProfile: { workloadIdentity: { enabled: true }, defender: null }, oidcIssuerProfile: { enabled: true, issuerUrl: 'https://westus2.oic.prod-aks.azure.com/t/c/' } }),
    },
  ],
  invalid: [
    {
      name: 'ARM: workload identity on but no OIDC issuer (the securityprofile example)',
      file: 'aks.json',
      yaml: arm({ securityProfile: { workloadIdentity: { enabled: true } } }),
      errors: [{ messageId: 'oidcIssuerOff', pointer: '/properties' }],
    },
    {
      name: 'az: OIDC issuer on but workload identity off',
      file: 'aks.json',
      yaml: az({ securityProfile: { workloadIdentity: { enabled: false } }, oidcIssuerProfile: { enabled: true } }),
      errors: [{ messageId: 'workloadIdentityOff', pointer: '/securityProfile/workloadIdentity/enabled' }],
    },
    {
      name: 'ARM: neither half (empty securityProfile): one finding per missing half',
      file: 'aks.json',
      yaml: arm({ securityProfile: {}, oidcIssuerProfile: { enabled: false } }),
      errors: [
        { messageId: 'workloadIdentityOff', pointer: '/properties/securityProfile' },
        { messageId: 'oidcIssuerOff', pointer: '/properties/oidcIssuerProfile/enabled' },
      ],
    },
  ],
});
