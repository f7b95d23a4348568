/**
 * The Azure estate the live tests serve: the recorded ARM bodies of /work/shared/data/azure/examples at the
 * routes ARM serves them from, as paged lists, plus refusals (403, 404) the way ARM words them.
 *
 * Subscription SUB_RECORDED (the recordings' own, zeroed id) holds three clusters over two list pages,
 * three registries over two pages, the recorded token under myRegistry, an AcrPull role assignment on it
 * (constructed in the ARM shape: no recording of one exists among the examples), and the get-versions body
 * for both cluster regions. One registry's token list is refused (403). SUB_FORBIDDEN answers 403
 * AuthorizationFailed to everything; SUB_MISSING does not exist (404 SubscriptionNotFound).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { armError, type ArmHandler, type Reply } from './azure-live-server.js';
import { sharedDir } from './shared.js';

export const SUB_RECORDED = '00000000-0000-0000-0000-000000000000';
export const SUB_FORBIDDEN = '11111111-2222-3333-4444-555555555555';
export const SUB_MISSING = '99999999-8888-7777-6666-555555555555';

export const CLUSTER_FILES = ['aks-cli-recording-automatic-2025.json', 'aks-cli-recording-entra-azurerbac-2022.json', 'aks-arm-rest-get-legacy-insecure.json'];
export const REGISTRY_FILES = ['acr-cli-recording-basic-abac-2025.json', 'acr-arm-rest-get-standard-2025-04-01.json', 'acr-cli-recording-premium-cmk-2022.json'];
export const TOKEN_FILE = 'acr-token-arm-rest-get-2025-04-01.json';
export const VERSIONS_FILE = 'aks-get-versions-arm-rest-2025-10-01.json';

type Dict = Record<string, unknown>;

export function examplesDir(): string {
  return path.join(sharedDir(), 'data', 'azure', 'examples');
}

export function example(file: string): Dict {
  return JSON.parse(readFileSync(path.join(examplesDir(), file), 'utf8')) as Dict;
}

const ACR_PULL = '7f951dda-4ed3-4680-a7ca-43fe172d538d';
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';

/** A role assignment body as `GET …/providers/Microsoft.Authorization/roleAssignments` lists it (api-version 2022-04-01). */
export function roleAssignment(scope: string, roleGuid: string, principalId: string, name: string): Dict {
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: {
      roleDefinitionId: `/subscriptions/${SUB_RECORDED}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`,
      principalId,
      principalType: 'ServicePrincipal',
      scope,
      condition: null,
      conditionVersion: null,
      createdOn: '2025-08-26T10:00:00.0000000Z',
      updatedOn: '2025-08-26T10:00:00.0000000Z',
      createdBy: null,
      updatedBy: null,
      delegatedManagedIdentityResourceId: null,
      description: null,
    },
  };
}

export function registryId(file: string): string {
  return example(file).id as string;
}

/** The AcrPull assignment on myRegistry, and a subscription-wide Reader one that a scope listing also returns. */
export function myRegistryAssignments(): { acrPull: Dict; inheritedReader: Dict } {
  const reg = registryId('acr-arm-rest-get-standard-2025-04-01.json');
  return {
    acrPull: roleAssignment(reg, ACR_PULL, '5a6f2e3c-1111-4a2b-9c3d-0123456789ab', 'b3c2a1d0-0000-4000-8000-00000000a001'),
    inheritedReader: roleAssignment(`/subscriptions/${SUB_RECORDED}`, READER, '0f0f0f0f-2222-4a2b-9c3d-0123456789ab', 'b3c2a1d0-0000-4000-8000-00000000a002'),
  };
}

const ok = (body: unknown): Reply => ({ status: 200, body });

function forbidden(action: string, scope: string): Reply {
  return armError(
    403,
    'AuthorizationFailed',
    `The client '5f3e1c8a-0000-4000-8000-00000000c11e' with object id '5f3e1c8a-0000-4000-8000-00000000c11e' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}

/** Two pages: the first with a nextLink back to the same route (as ARM writes them: absolute, api-version and $skiptoken). */
function paged(items: unknown[], route: string, query: Record<string, string>, base: string): Reply {
  const half = Math.ceil(items.length / 2);
  if (query.$skiptoken === 'page2') return ok({ value: items.slice(half) });
  if (items.length < 2) return ok({ value: items });
  return ok({ value: items.slice(0, half), nextLink: `${base}${route}?api-version=${encodeURIComponent(query['api-version'] ?? '')}&$skiptoken=page2` });
}

/** The routes of the recorded estate. */
export function recordedEstate(): ArmHandler {
  const clusters = CLUSTER_FILES.map(example);
  const registries = REGISTRY_FILES.map(example);
  const versions = example(VERSIONS_FILE);
  const token = example(TOKEN_FILE);
  const ras = myRegistryAssignments();
  const lower = (s: string) => s.toLowerCase();
  const sub = `/subscriptions/${SUB_RECORDED}`;

  return (route, query, base) => {
    const p = lower(route);
    if (p.startsWith(lower(`/subscriptions/${SUB_FORBIDDEN}`))) {
      const action = /microsoft\.containerregistry/.test(p) ? 'Microsoft.ContainerRegistry/registries/read' : 'Microsoft.ContainerService/managedClusters/read';
      return forbidden(action, `/subscriptions/${SUB_FORBIDDEN}`);
    }
    if (p.startsWith(lower(`/subscriptions/${SUB_MISSING}`))) return armError(404, 'SubscriptionNotFound', `The subscription '${SUB_MISSING}' could not be found.`);
    if (!p.startsWith(lower(sub))) return undefined;

    if (p === lower(`${sub}/providers/Microsoft.ContainerService/managedClusters`)) return paged(clusters, route, query, base);
    if (p === lower(`${sub}/providers/Microsoft.ContainerRegistry/registries`)) return paged(registries, route, query, base);
    const rgClusters = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)\/providers\/microsoft\.containerservice\/managedclusters$/.exec(p);
    const rgRegistries = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)\/providers\/microsoft\.containerregistry\/registries$/.exec(p);
    const rg = rgClusters?.[1] ?? rgRegistries?.[1];
    if (rg) {
      const inRg = (list: Dict[]) => list.filter((x) => lower(String(x.id)).includes(`/resourcegroups/${rg}/`));
      const all = rgClusters ? inRg(clusters) : inRg(registries);
      if (all.length === 0 && ![...clusters, ...registries].some((x) => lower(String(x.id)).includes(`/resourcegroups/${rg}/`))) {
        return armError(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`);
      }
      return paged(all, route, query, base);
    }
    const loc = /\/providers\/microsoft\.containerservice\/locations\/([^/]+)\/kubernetesversions$/.exec(p)?.[1];
    if (loc) return loc === 'westus2' || loc === 'location1' ? ok(versions) : armError(404, 'NoRegisteredProviderFound', `No registered resource provider found for location '${loc}'.`);
    for (const r of registries) {
      const id = lower(String(r.id));
      if (p === `${id}/tokens`) {
        if (id.endsWith('/testreg000006')) return forbidden('Microsoft.ContainerRegistry/registries/tokens/read', String(r.id));
        return ok({ value: id.endsWith('/myregistry') ? [token] : [] });
      }
      if (p === `${id}/providers/microsoft.authorization/roleassignments`) {
        return paged(id.endsWith('/myregistry') ? [ras.acrPull, ras.inheritedReader] : [ras.inheritedReader], route, query, base);
      }
    }
    return undefined;
  };
}
