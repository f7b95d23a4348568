import { ACR_ID, acrArm, acrAz, acrSku } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './acr-private-link-approved.js';

const PE = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe1';
/** A connection as ARM returns it (state inside the connection's own properties). */
const armConnection = (status: string) => ({
  id: `${ACR_ID}/privateEndpointConnections/pe1`,
  name: 'pe1',
  type: 'Microsoft.ContainerRegistry/registries/privateEndpointConnections',
  properties: { privateEndpoint: { id: PE }, privateLinkServiceConnectionState: { status, description: '' }, provisioningState: 'Succeeded' },
});
/** The same as az prints it (inner properties flattened). */
const azConnection = (status: string) => ({
  id: `${ACR_ID}/privateEndpointConnections/pe1`,
  name: 'pe1',
  privateEndpoint: { id: PE },
  privateLinkServiceConnectionState: { status, description: '', actionsRequired: 'None' },
  provisioningState: 'Succeeded',
  resourceGroup: 'rg',
});

testControl(control, {
  valid: [
    { name: 'ARM: one approved connection', file: 'acr.json', yaml: acrArm({ privateEndpointConnections: [armConnection('Approved')] }, { sku: acrSku('Premium') }) },
    {
      name: 'az shape: one pending, one approved (lower case)',
      file: 'acr.json',
      yaml: acrAz({ privateEndpointConnections: [azConnection('Pending'), azConnection('approved')] }, { sku: acrSku('Premium') }),
    },
  ],
  invalid: [
    {
      name: 'ARM: Premium, empty list',
      file: 'acr.json',
      yaml: acrArm({ privateEndpointConnections: [], publicNetworkAccess: 'Disabled' }, { sku: acrSku('Premium') }),
      errors: [{ messageId: 'noPrivateEndpoint', pointer: '/properties/privateEndpointConnections', severity: 'medium' }],
    },
    {
      name: 'ARM: only pending and rejected connections',
      file: 'acr.json',
      yaml: acrArm({ privateEndpointConnections: [armConnection('Pending'), armConnection('Rejected')] }, { sku: acrSku('Premium') }),
      errors: [{ messageId: 'noneApproved', pointer: '/properties/privateEndpointConnections', data: { states: 'Pending, Rejected' } }],
    },
    {
      name: 'az shape: a disconnected connection',
      file: 'acr.json',
      yaml: acrAz({ privateEndpointConnections: [azConnection('Disconnected')] }, { sku: acrSku('Premium') }),
      errors: [{ messageId: 'noneApproved', pointer: '/privateEndpointConnections', data: { states: 'Disconnected' } }],
    },
    {
      name: 'ARM: Basic registry, which cannot have private endpoints (the policy still reports it)',
      file: 'acr.json',
      yaml: acrArm({ privateEndpointConnections: [] }, { sku: acrSku('Basic') }),
      errors: [{ messageId: 'notPremium', pointer: '/properties/privateEndpointConnections', data: { sku: 'Basic' } }],
    },
    {
      name: 'az shape: Standard, list absent',
      file: 'acr.json',
      yaml: acrAz({ privateEndpointConnections: null }, { sku: acrSku('Standard') }),
      errors: [{ messageId: 'notPremium', pointer: '', data: { sku: 'Standard' } }],
    },
  ],
});
