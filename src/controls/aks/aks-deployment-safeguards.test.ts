import { testControl } from '../../../test/control-tester.js';
import control from './aks-deployment-safeguards.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM (old preview): Enforcement', file: 'aks.json', yaml: arm({ safeguardsProfile: { level: 'Enforcement', version: 'v1.0.0', excludedNamespaces: ['ns1'] } }) },
    { name: 'az: Enforce with Restricted pod security', file: 'aks.json', yaml: az({ safeguardsProfile: { level: 'enforce', pssLevel: 'Restricted' } }) },
    {
      name: 'ARM: no safeguardsProfile: the side input is needed, not evaluated',
      file: 'aks.json',
      yaml: arm({ addonProfiles: { azurepolicy: { enabled: true } } }),
      notEvaluated: true,
    },
    { name: 'az: an unknown level is not evaluated, not passed', file: 'aks.json', yaml: az({ safeguardsProfile: { level: 'Audit' } }), notEvaluated: true },
  ],
  invalid: [
    {
      name: 'ARM: Off',
      file: 'aks.json',
      yaml: arm({ safeguardsProfile: { level: 'Off' } }),
      errors: [{ messageId: 'off', pointer: '/properties/safeguardsProfile/level', data: { level: 'Off' }, severity: 'medium' }],
    },
    {
      name: 'az: Warning (old preview spelling): a warning',
      file: 'aks.json',
      yaml: az({ safeguardsProfile: { level: 'Warning', excludedNamespaces: null } }),
      errors: [{ messageId: 'warn', pointer: '/safeguardsProfile/level', data: { level: 'Warning' }, severity: 'medium' }],
    },
    {
      name: 'ARM: Enforce with the Privileged pod security level',
      file: 'aks.json',
      yaml: arm({ safeguardsProfile: { level: 'Enforce', podSecurityStandardsLevel: 'Privileged' } }),
      errors: [{ messageId: 'privilegedPss', pointer: '/properties/safeguardsProfile/podSecurityStandardsLevel', data: { pssLevel: 'Privileged' } }],
    },
  ],
});
