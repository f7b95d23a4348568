import { testControl } from '../../../test/control-tester.js';
import control from './acr-private-link-approved.js';

const ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';
const PE = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe1';
const arm = (props: Record<string, unknown>, sku = 'Premium') =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: sku, tier: sku }, properties: props });
const az = (props: Record<string, unknown>, sku = 'Premium') =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: sku, tier: sku }, resourceGroup: 'rg', ...props });
/** A connection as ARM returns it (state inside the connection's own properties). */
const armConnection = (status: string) => ({
  id: `${ID}/privateEndpointConnections/pe1`,
  name: 'pe1',
  type: 'Microsoft.ContainerRegistry/registries/privateEndpointConnections',
  properties: { privateEndpoint: { id: PE }, privateLinkServiceConnectionState: { status, description: '' }, provisioningState: 'Succeeded' },
});
/** The same as az prints it (inner properties flattened). */
const azConnection = (status: string) => ({
  id: `${ID}/privateEndpointConnections/pe1`,
  name: 'pe1',
  privateEndpoint: { id: PE },
  privateLinkServiceConnectionState: { status, description: '', actionsRequired: 'None' },
  provisioningState: 'Succeeded',
  resourceGroup: 'rg',
});

testControl(control, {
  valid: [
    { name: 'ARM: one approved connection', file: 'acr.json', yaml: arm({ privateEndpointConnections: [armConnection('Approved')] }) },
    {
      name: 'az shape: one pending, one approved (lower case)',
      file: 'acr.json',
      yaml: az({ privateEndpointConnections: [azConnection('Pending'), azConnection('approved')] }),
    },
  ],
  invalid: [
    {
      name: 'ARM: Premium, empty list',
      file: 'acr.json',
      yaml: arm({ privateEndpointConnections: [], publicNetworkAccess: 'Disabled' }),
      errors: [{ messageId: 'noPrivateEndpoint', pointer: '/properties/privateEndpointConnections', severity: 'medium' }],
    },
    {
      name: 'ARM: only pending and rejected connections',
      file: 'acr.json',
      yaml: arm({ privateEndpointConnections: [armConnection('Pending'), armConnection('Rejected')] }),
      errors: [{ messageId: 'noneApproved', pointer: '/properties/privateEndpointConnections', data: { states: 'Pending, Rejected' } }],
    },
    {
      name: 'az shape: a disconnected connection',
      file: 'acr.json',
      yaml: az({ privateEndpointConnections: [azConnection('Disconnected')] }),
      errors: [{ messageId: 'noneApproved', pointer: '/privateEndpointConnections', data: { states: 'Disconnected' } }],
    },
    {
      name: 'ARM: Basic registry, which cannot have private endpoints (the policy still reports it)',
      file: 'acr.json',
      yaml: arm({ privateEndpointConnections: [] }, 'Basic'),
      errors: [{ messageId: 'notPremium', pointer: '/properties/privateEndpointConnections', data: { sku: 'Basic' } }],
    },
    {
      name: 'az shape: Standard, list absent',
      file: 'acr.json',
      yaml: az({ privateEndpointConnections: null }, 'Standard'),
      errors: [{ messageId: 'notPremium', pointer: '', data: { sku: 'Standard' } }],
    },
  ],
});
