import { acrAzBody, acrSku, aksArmBody } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-registry-landing-zone.js';

const SUB_A = '11111111-1111-4111-8111-111111111111';
const SUB_B = '22222222-2222-4222-8222-222222222222';
const KUBELET_A = 'aaaaaaaa-0000-4000-8000-00000000000a';
const KUBELET_B = 'bbbbbbbb-0000-4000-8000-00000000000b';
const ACR_PULL = '7f951dda-4ed3-4680-a7ca-43fe172d538d';

const clusterId = (sub: string, name: string) => `/subscriptions/${sub}/resourceGroups/rg-${name}/providers/Microsoft.ContainerService/managedClusters/${name}`;
const registryId = (sub: string, name: string) => `/subscriptions/${sub}/resourceGroups/rg-${name}/providers/Microsoft.ContainerRegistry/registries/${name}`;

/** An ARM GET body of a cluster with its kubelet identity. */
const cluster = (sub: string, name: string, kubelet: string) =>
  aksArmBody({ identityProfile: { kubeletidentity: { objectId: kubelet } } }, {}, { id: clusterId(sub, name), name });

/** `az acr show` output (flattened, here without resourceGroup), private or public. */
const registry = (sub: string, name: string, isPrivate: boolean) =>
  acrAzBody(
    {
      publicNetworkAccess: isPrivate ? 'Disabled' : 'Enabled',
      privateEndpointConnections: isPrivate
        ? [{ name: 'pe', privateLinkServiceConnectionState: { status: 'Approved' }, type: 'Microsoft.ContainerRegistry/registries/privateEndpointConnections' }]
        : [],
    },
    { id: registryId(sub, name), name, sku: acrSku('Premium'), resourceGroup: null },
  );

/** One item of `az role assignment list` output. */
const acrPull = (kubelet: string, scope: string) => ({
  id: `${scope}/providers/Microsoft.Authorization/roleAssignments/0f0f0f0f-0000-4000-8000-${kubelet.slice(-12)}`,
  principalId: kubelet,
  principalType: 'ServicePrincipal',
  roleDefinitionId: `/subscriptions/${SUB_A}/providers/Microsoft.Authorization/roleDefinitions/${ACR_PULL}`,
  roleDefinitionName: 'AcrPull',
  scope,
  type: 'Microsoft.Authorization/roleAssignments',
});

const json = (v: unknown) => JSON.stringify(v, null, 2);

testControl(control, {
  valid: [
    {
      name: 'a cluster pulling only from a private registry in its own subscription',
      file: 'estate.json',
      yaml: json([cluster(SUB_A, 'aks-a', KUBELET_A), registry(SUB_A, 'cra', true), acrPull(KUBELET_A, registryId(SUB_A, 'cra'))]),
    },
    {
      name: 'a cluster alone: which registries it pulls from is unknown, so not evaluated',
      file: 'aks.json',
      notEvaluated: true,
      yaml: json(cluster(SUB_A, 'aks-a', KUBELET_A)),
    },
    {
      name: 'an AcrPull assignment on a registry that was not scanned is not evaluated',
      file: 'estate.json',
      notEvaluated: true,
      yaml: json([cluster(SUB_A, 'aks-a', KUBELET_A), acrPull(KUBELET_A, registryId(SUB_A, 'cra'))]),
    },
    {
      name: 'role assignments of other principals and other roles do not count',
      file: 'estate.json',
      notEvaluated: true,
      yaml: json([
        cluster(SUB_A, 'aks-a', KUBELET_A),
        registry(SUB_B, 'crb', false),
        acrPull(KUBELET_B, registryId(SUB_B, 'crb')),
        { ...acrPull(KUBELET_A, registryId(SUB_B, 'crb')), roleDefinitionName: 'AcrPush', roleDefinitionId: `/subscriptions/${SUB_B}/providers/Microsoft.Authorization/roleDefinitions/8311e382-0749-4cb8-b61a-304f252e45ec` },
      ]),
    },
    {
      name: 'a template with a private registry, its private endpoint and the AcrPull assignment',
      file: 'main.json',
      yaml: json({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        parameters: { acrName: { type: 'string', defaultValue: 'crlz' }, aksName: { type: 'string', defaultValue: 'aks-lz' } },
        resources: [
          { type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2025-04-01', name: "[parameters('acrName')]", sku: { name: 'Premium' }, properties: { publicNetworkAccess: 'Disabled' } },
          {
            type: 'Microsoft.Network/privateEndpoints',
            apiVersion: '2024-05-01',
            name: 'pe-acr',
            properties: { privateLinkServiceConnections: [{ name: 'acr', properties: { privateLinkServiceId: "[resourceId('Microsoft.ContainerRegistry/registries', parameters('acrName'))]", groupIds: ['registry'] } }] },
          },
          { type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2025-09-01', name: "[parameters('aksName')]", identity: { type: 'SystemAssigned' }, properties: {} },
          {
            type: 'Microsoft.Authorization/roleAssignments',
            apiVersion: '2022-04-01',
            scope: "[format('Microsoft.ContainerRegistry/registries/{0}', parameters('acrName'))]",
            name: "[guid(parameters('acrName'))]",
            properties: {
              roleDefinitionId: `[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${ACR_PULL}')]`,
              principalId: "[reference(resourceId('Microsoft.ContainerService/managedClusters', parameters('aksName')), '2025-09-01').identityProfile.kubeletidentity.objectId]",
            },
          },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'a public registry in another subscription, shared with another landing zone',
      file: 'estate.json',
      yaml: json([
        cluster(SUB_A, 'aks-a', KUBELET_A),
        cluster(SUB_B, 'aks-b', KUBELET_B),
        registry(SUB_B, 'crshared', false),
        acrPull(KUBELET_A, registryId(SUB_B, 'crshared')),
        acrPull(KUBELET_B, registryId(SUB_B, 'crshared')),
      ]),
      errors: [
        { messageId: 'notPrivate', pointer: '/0', data: { registry: 'crshared', gaps: 'public network access is enabled and no approved private endpoint' } },
        { messageId: 'otherSubscription', pointer: '/0', severity: 'medium' },
        { messageId: 'shared', pointer: '/0', data: { registry: 'crshared', others: SUB_B } },
        { messageId: 'notPrivate', pointer: '/1' },
        // aks-b is in the registry's own subscription, but shares it with aks-a's landing zone.
        { messageId: 'shared', pointer: '/1', data: { registry: 'crshared', others: SUB_A } },
      ],
    },
    {
      name: 'a template registry left public, without a private endpoint',
      file: 'main.json',
      yaml: json({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        resources: [
          { type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2025-04-01', name: 'crpublic', sku: { name: 'Standard' }, properties: {} },
          { type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2025-09-01', name: 'aks-t', properties: {} },
          {
            type: 'Microsoft.Authorization/roleAssignments',
            apiVersion: '2022-04-01',
            scope: "[resourceId('Microsoft.ContainerRegistry/registries', 'crpublic')]",
            name: 'ra',
            properties: {
              roleDefinitionId: `[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${ACR_PULL}')]`,
              principalId: "[reference(resourceId('Microsoft.ContainerService/managedClusters', 'aks-t')).identityProfile.kubeletidentity.objectId]",
            },
          },
        ],
      }),
      errors: [{ messageId: 'notPrivate', pointer: '/resources/1', data: { registry: 'crpublic', gaps: 'public network access is enabled and no approved private endpoint' } }],
    },
  ],
});
