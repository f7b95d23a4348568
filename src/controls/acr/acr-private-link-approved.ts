import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'REG-108',
    name: 'acr-private-link-approved',
    surface: 'registry',
    severity: 'medium',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The registry has at least one approved private endpoint connection (Private Link).',
      rationale:
        'A private endpoint gives the registry an address inside your virtual network, so AKS nodes and build agents pull ' +
        'and push without crossing the Internet, and public access can then be disabled (REG-106). Azure Policy e8eef0a8 ' +
        'is non-compliant when fewer than one privateEndpointConnections[*].privateLinkServiceConnectionState.status is ' +
        'Approved; pending or rejected connections carry no traffic. Private Link is a Premium feature: on Basic and ' +
        'Standard the policy still reports the registry, and the fix starts with the SKU (REG-109). ARM nests the state ' +
        'in each connection\'s properties, az prints it flattened; both are read.',
      remediation:
        '`az network private-endpoint create -g <rg> -n <name> --vnet-name <vnet> --subnet <subnet> ' +
        '--private-connection-resource-id <registry id> --group-id registry --connection-name <name>`, with the ' +
        'privatelink.azurecr.io DNS zone, and approve pending connections with `az acr private-endpoint-connection approve`.',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-008',
      seed: seedFromDesign(['D15', 'D14']),
      azurePolicy: ['e8eef0a8-67cf-4eb4-9386-14b0e78733d4', 'd85c6833-7d33-4cf5-a915-aaa2de84405f', 'e9585a95-5b8c-4d03-b193-dc7eb5ac4c32'],
      defender: ['13e7d036-6903-821c-6018-962938929bf0'],
      mcsb: ['NS-2'],
    }),
    messages: {
      noPrivateEndpoint: 'The registry has no private endpoint: every client reaches it over its public endpoint.',
      noneApproved:
        'None of the registry\'s private endpoint connections is approved ({{states}}): no traffic flows through Private Link yet.',
      notPremium:
        'The registry has no private endpoint and its SKU {{sku}} cannot have one (Private Link is Premium only): every client reaches it over its public endpoint.',
    },
  },
  check(registry, ctx) {
    const v = registry.view;
    const connections = v.get('privateEndpointConnections');
    const states = connections.items().map((c) => c.get('privateLinkServiceConnectionState.status').str() ?? 'unknown');
    if (states.some((s) => s.toLowerCase() === 'approved')) return;
    if (states.length > 0) {
      ctx.report({ messageId: 'noneApproved', pointer: connections.pointer, data: { states: states.join(', ') } });
      return;
    }
    const sku = v.get('sku.name').str() ?? v.get('sku.tier').str();
    if (sku !== undefined && sku.toLowerCase() !== 'premium') {
      ctx.report({ messageId: 'notPremium', pointer: connections.pointer, data: { sku } });
      return;
    }
    ctx.report({ messageId: 'noPrivateEndpoint', pointer: connections.pointer });
  },
});
