import { testControl } from '../../../test/control-tester.js';
import control from './aks-no-http-application-routing.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: no such add-on', file: 'aks.json', yaml: arm({ addonProfiles: { azurepolicy: { enabled: true } } }) },
    { name: 'az: add-on disabled (lower-case key)', file: 'aks.json', yaml: az({ addonProfiles: { httpapplicationrouting: { enabled: false, config: null } } }) },
    { name: 'ARM: the supported application routing add-on is fine', file: 'aks.json', yaml: arm({ ingressProfile: { webAppRouting: { enabled: true } } }) },
  ],
  invalid: [
    {
      name: 'ARM: retired add-on enabled',
      file: 'aks.json',
      yaml: arm({ addonProfiles: { httpApplicationRouting: { enabled: true, config: { HTTPApplicationRoutingZoneName: 'abc.westeurope.aksapp.io' } } } }),
      errors: [{ messageId: 'enabled', pointer: '/properties/addonProfiles/httpApplicationRouting/enabled' }],
    },
    {
      name: 'az: retired add-on enabled, key in lower case',
      file: 'aks.json',
      yaml: az({ addonProfiles: { httpapplicationrouting: { enabled: true } } }),
      errors: [{ messageId: 'enabled', pointer: '/addonProfiles/httpapplicationrouting/enabled' }],
    },
  ],
});
