import type { AzureIdentity, AzureShape, AzureSubject, AksNodePool } from '../model/azure.js';
import type { DocumentSource, InputError, JsonObject, ResourceRef } from '../model/types.js';
import type { ParsedDocument } from '../parse/document.js';
import { joinPointer } from '../parse/lines.js';
import { parseResourceId } from './resource-id.js';
import { TemplateContext, isArmTemplate, referencedNames, templateResources, type TemplateResource } from './template.js';
import { AzNode, isTemplateExpression } from './view.js';

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

export const AKS_TYPE = 'Microsoft.ContainerService/managedClusters';
export const ACR_TYPE = 'Microsoft.ContainerRegistry/registries';
export const ACR_TOKEN_TYPE = 'Microsoft.ContainerRegistry/registries/tokens';
export const ROLE_ASSIGNMENT_TYPE = 'Microsoft.Authorization/roleAssignments';
const AGENT_POOL_TYPE = 'Microsoft.ContainerService/managedClusters/agentPools';
const VERSIONS_TYPE = 'Microsoft.ContainerService/locations/kubernetesVersions';

/** The built-in AcrPull role definition (the role `az aks update --attach-acr` assigns to the kubelet identity). */
export const ACR_PULL_ROLE_GUID = '7f951dda-4ed3-4680-a7ca-43fe172d538d';

const KNOWN_TYPES = [AKS_TYPE, ACR_TYPE, ACR_TOKEN_TYPE, ROLE_ASSIGNMENT_TYPE, VERSIONS_TYPE];

function typeOf(v: Dict): string | undefined {
  if (typeof v.type === 'string' && /^Microsoft\./i.test(v.type)) return v.type;
  if (typeof v.id === 'string' && /\/providers\/Microsoft\./i.test(v.id)) return parseResourceId(v.id).type;
  // `az role assignment list` prints roleDefinitionName and scope without a provider type on old versions.
  if (typeof v.roleDefinitionId === 'string' && typeof v.principalId === 'string' && 'scope' in v) return ROLE_ASSIGNMENT_TYPE;
  return undefined;
}

/** The body of `az aks get-versions` / the ARM kubernetesVersions list. */
function isVersionsList(v: Dict): boolean {
  return Array.isArray(v.values) && v.values.length > 0 && v.values.every((x) => isDict(x) && typeof x.version === 'string');
}

function isAzureResource(v: unknown): boolean {
  return isDict(v) && (typeOf(v) !== undefined || isVersionsList(v));
}

/**
 * True when a parsed document is Azure input rather than Kubernetes: a resource body with a Microsoft.*
 * type or id, a list of them (a JSON array as `az … list` prints, or ARM's `{ "value": [...] }`), an ARM
 * template, or the get-versions body.
 */
export function looksLikeAzure(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && isAzureResource(value.find((x) => isDict(x)));
  if (!isDict(value)) return false;
  if (typeof value.apiVersion === 'string' && typeof value.kind === 'string' && !typeOf(value)) return false;
  if (isArmTemplate(value)) return true;
  if (Array.isArray(value.value) && value.value.some((x) => isAzureResource(x))) return true;
  return isAzureResource(value);
}

export interface AzureNormalizeOutcome {
  subjects: AzureSubject[];
  errors: InputError[];
  /** Resources the input holds that Palisade does not check (a VNet in a template), by type. */
  ignored: number;
}

const sameType = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

function identityOf(body: Dict, view: AzNode, shape: AzureShape, fallbackName: string): AzureIdentity {
  const id = typeof body.id === 'string' && !isTemplateExpression(body.id) ? body.id : undefined;
  const parsed = id ? parseResourceId(id) : undefined;
  const name = typeof body.name === 'string' && body.name ? body.name : (parsed?.name ?? fallbackName);
  const rg = view.get('resourceGroup').value;
  const location = typeof body.location === 'string' && !isTemplateExpression(body.location) ? body.location : parsed?.location;
  return {
    ...(id ? { id } : {}),
    name,
    ...(parsed?.subscriptionId ? { subscriptionId: parsed.subscriptionId } : {}),
    ...(parsed?.resourceGroup ? { resourceGroup: parsed.resourceGroup } : typeof rg === 'string' ? { resourceGroup: rg } : {}),
    ...(location ? { location } : {}),
    shape,
  };
}

function resourceRef(type: string, identity: AzureIdentity, apiVersion?: unknown): ResourceRef {
  return {
    ...(typeof apiVersion === 'string' && !isTemplateExpression(apiVersion) ? { apiVersion } : {}),
    kind: type,
    name: identity.name,
    ...(identity.id ? { id: identity.id } : {}),
  };
}

/**
 * The pools written in the cluster body. A pool list that is a template expression gives none here; the
 * per-pool controls read `agentPoolProfiles` themselves and say they cannot evaluate it.
 */
function poolsOf(view: AzNode): AksNodePool[] {
  const list = view.get('agentPoolProfiles');
  if (isTemplateExpression(list.value)) return [];
  return list.items().map((n, i) => {
    const name = n.get('name').value;
    return { name: typeof name === 'string' && !isTemplateExpression(name) ? name : `pool-${i}`, view: n };
  });
}

/**
 * One Azure resource body into a subject. `rootPointer` is where the body sits relative to `source.basePointer`
 * (templates keep the whole document as base so that node pools declared as separate resources can be pointed at).
 */
function subjectOf(
  body: Dict,
  type: string,
  shape: AzureShape,
  source: DocumentSource,
  rootPointer: string,
  original: Dict,
): AzureSubject | undefined {
  const view = AzNode.root(body, rootPointer);
  const identity = identityOf(body, view, shape, type.split('/').pop() ?? 'resource');
  const base = { object: original as JsonObject, azure: identity, view, source, resource: resourceRef(type, identity, body.apiVersion) };
  if (sameType(type, AKS_TYPE)) return { ...base, resource: resourceRef(AKS_TYPE, identity, body.apiVersion), type: 'azure.aks', pools: poolsOf(view) };
  if (sameType(type, ACR_TYPE)) return { ...base, resource: resourceRef(ACR_TYPE, identity, body.apiVersion), type: 'azure.acr' };
  if (sameType(type, ACR_TOKEN_TYPE)) {
    const parsed = identity.id ? parseResourceId(identity.id) : undefined;
    const registryName = parsed?.names[0] ?? (identity.name.includes('/') ? identity.name.split('/')[0] : undefined);
    const tokenName = identity.name.includes('/') ? (identity.name.split('/').pop() as string) : identity.name;
    const azure = { ...identity, name: tokenName };
    return {
      ...base,
      azure,
      resource: resourceRef(ACR_TOKEN_TYPE, azure, body.apiVersion),
      type: 'azure.acr-token',
      ...(parsed?.parentId ? { registryId: parsed.parentId } : {}),
      ...(registryName ? { registryName } : {}),
    };
  }
  if (sameType(type, ROLE_ASSIGNMENT_TYPE)) {
    const str = (n: AzNode) => (typeof n.value === 'string' && !isTemplateExpression(n.value) ? n.value : undefined);
    // The role is the last GUID of roleDefinitionId; in a template it sits inside an expression such as
    // subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-…'), which is read as text.
    const roleDefinitionRaw = view.get('roleDefinitionId').value;
    const guids = typeof roleDefinitionRaw === 'string' ? roleDefinitionRaw.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) : null;
    const guid = guids?.[guids.length - 1];
    const principalId = str(view.get('principalId'));
    const scope = str(view.get('scope')) ?? (identity.id?.replace(/\/providers\/Microsoft\.Authorization\/roleAssignments\/[^/]+$/i, '') || undefined);
    const roleName = str(view.get('roleDefinitionName'));
    return {
      ...base,
      type: 'azure.role-assignment',
      ...(principalId ? { principalId } : {}),
      ...(guid ? { roleDefinitionGuid: guid.toLowerCase() } : {}),
      ...(roleName ? { roleDefinitionName: roleName } : {}),
      ...(scope && scope !== identity.id ? { scope } : {}),
    };
  }
  if (sameType(type, VERSIONS_TYPE) || isVersionsList(body)) {
    return { ...base, resource: resourceRef(VERSIONS_TYPE, identity), type: 'azure.aks-versions' };
  }
  return undefined;
}

function shapeOf(body: Dict): AzureShape {
  return isDict(body.properties) ? 'arm' : 'az';
}

/** Turns one parsed Azure document into subjects (see looksLikeAzure for what is recognised). */
export function normalizeAzure(doc: ParsedDocument, file: string): AzureNormalizeOutcome {
  const out: AzureNormalizeOutcome = { subjects: [], errors: [], ignored: 0 };
  const base = doc.basePointer ?? '';
  const source: DocumentSource = { file, documentIndex: doc.documentIndex, basePointer: base, positions: doc.positions };
  const value = doc.value;

  const one = (body: unknown, rootPointer: string): void => {
    if (!isDict(body)) return;
    const type = typeOf(body) ?? (isVersionsList(body) ? VERSIONS_TYPE : undefined);
    if (!type || !KNOWN_TYPES.some((t) => sameType(type, t))) {
      out.ignored++;
      return;
    }
    const s = subjectOf(body, type, shapeOf(body), source, rootPointer, body);
    if (s) out.subjects.push(s);
  };

  if (Array.isArray(value)) value.forEach((item, i) => one(item, joinPointer('', i)));
  else if (isDict(value) && isArmTemplate(value)) fromTemplate(value, source, out);
  else if (isDict(value) && Array.isArray(value.value) && !typeOf(value)) value.value.forEach((item, i) => one(item, joinPointer('', 'value', i)));
  else one(value, '');

  if (out.subjects.length === 0) {
    const pos = doc.positions.locate(base);
    out.errors.push({
      file,
      ...(pos ?? {}),
      documentIndex: doc.documentIndex,
      code: 'not-kubernetes',
      message: 'Azure input holds no resource Palisade checks (managed clusters, registries, registry tokens, role assignments, AKS versions)',
    });
  }
  return out;
}

function fromTemplate(template: Dict, source: DocumentSource, out: AzureNormalizeOutcome): void {
  const resources = templateResources(template);
  const ctx = new TemplateContext(template, resources);
  const clusters = new Map<string, AksNodePool[]>();
  for (const r of resources) {
    if (sameType(r.type, AGENT_POOL_TYPE)) continue;
    const known = KNOWN_TYPES.some((t) => sameType(r.type, t));
    if (!known) {
      out.ignored++;
      continue;
    }
    const body = { ...r.body, name: r.name };
    if (sameType(r.type, ACR_TYPE)) withTemplatePrivateEndpoints(body, r.name, resources, ctx);
    const s = subjectOf(body, r.type, 'template', source, r.pointer, r.raw);
    if (!s) continue;
    if (s.type === 'azure.aks') clusters.set(r.name.toLowerCase(), s.pools);
    if (s.type === 'azure.role-assignment') s.templateHints = relationHints(r, ctx);
    out.subjects.push(s);
  }
  // Node pools declared as their own resources belong to their cluster's pool list.
  for (const r of resources) {
    if (!sameType(r.type, AGENT_POOL_TYPE)) continue;
    const [clusterName, poolName] = r.name.includes('/') ? (r.name.split('/') as [string, string]) : [undefined, r.name];
    const parentFromScope = clusterName ?? referencedNames(String(r.raw.parent ?? ''), 'managedClusters', ctx)[0];
    const pools = parentFromScope ? clusters.get(parentFromScope.toLowerCase()) : clusters.size === 1 ? [...clusters.values()][0] : undefined;
    if (pools) pools.push({ name: poolName, view: AzNode.root(r.body, r.pointer) });
    else out.ignored++;
  }
}

const PRIVATE_ENDPOINT_TYPE = 'Microsoft.Network/privateEndpoints';

/**
 * A registry's `privateEndpointConnections` is read-only: in a template, Private Link shows up as a
 * separate private endpoint resource whose `privateLinkServiceConnections` target the registry. Those are
 * approved automatically when the endpoint is created (manual connections wait for approval, so they are
 * recorded as Pending). The registry's view gets them as the connections the deployment will create.
 */
function withTemplatePrivateEndpoints(body: Dict, registryName: string, resources: TemplateResource[], ctx: TemplateContext): void {
  const connections: Dict[] = [];
  for (const r of resources) {
    if (!sameType(r.type, PRIVATE_ENDPOINT_TYPE)) continue;
    const props = isDict(r.raw.properties) ? r.raw.properties : {};
    for (const [key, status] of [['privateLinkServiceConnections', 'Approved'], ['manualPrivateLinkServiceConnections', 'Pending']] as const) {
      const list = Array.isArray(props[key]) ? (props[key] as unknown[]) : [];
      for (const c of list) {
        const target = isDict(c) && isDict(c.properties) ? String(c.properties.privateLinkServiceId ?? '') : '';
        const names = referencedNames(target, 'registries', ctx);
        if (!names.some((n) => n.toLowerCase() === registryName.toLowerCase())) continue;
        connections.push({ name: r.name, properties: { privateEndpoint: { id: r.name }, privateLinkServiceConnectionState: { status, description: 'declared in the template' } } });
      }
    }
  }
  if (connections.length === 0) return;
  const props = isDict(body.properties) ? { ...body.properties } : {};
  const existing = Array.isArray(props.privateEndpointConnections) ? props.privateEndpointConnections : [];
  props.privateEndpointConnections = [...existing, ...connections];
  body.properties = props;
}

/** Which cluster and registry a template role assignment refers to, read from its expressions. */
function relationHints(r: TemplateResource, ctx: TemplateContext): { clusterName?: string; registryName?: string } {
  const props = isDict(r.raw.properties) ? r.raw.properties : {};
  const principal = String(props.principalId ?? '');
  const scope = String(r.raw.scope ?? '');
  const clusterName = referencedNames(principal, 'managedClusters', ctx)[0];
  const registryName = referencedNames(scope, 'registries', ctx)[0];
  return { ...(clusterName ? { clusterName } : {}), ...(registryName ? { registryName } : {}) };
}
