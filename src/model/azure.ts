import type { AzNode } from '../azure/view.js';
import type { DocumentSource, JsonObject, ResourceRef } from './types.js';

/** Where an Azure resource body came from; the view hides the difference, reports say it. */
export type AzureShape = 'arm' | 'az' | 'template';

/** What every Azure subject knows about its resource, from its id or the template. */
export interface AzureIdentity {
  /** Full resource id, when the input has one (templates do not). */
  id?: string;
  name: string;
  subscriptionId?: string;
  resourceGroup?: string;
  location?: string;
  shape: AzureShape;
}

interface AzureSubjectBase {
  resource: ResourceRef;
  object: JsonObject;
  azure: AzureIdentity;
  /** The resource body through the case-insensitive, `properties`-flattening view. */
  view: AzNode;
  source: DocumentSource;
}

/** One node pool of a cluster, as controls that work per pool see it. */
export interface AksNodePool {
  name: string;
  view: AzNode;
}

/** A `Microsoft.ContainerService/managedClusters` resource (ARM GET, `az aks show`, or a template resource). */
export interface AksClusterSubject extends AzureSubjectBase {
  type: 'azure.aks';
  pools: AksNodePool[];
}

/** A `Microsoft.ContainerRegistry/registries` resource. */
export interface AcrRegistrySubject extends AzureSubjectBase {
  type: 'azure.acr';
}

/** A `Microsoft.ContainerRegistry/registries/tokens` child resource (one item of `az acr token list`). */
export interface AcrTokenSubject extends AzureSubjectBase {
  type: 'azure.acr-token';
  /** The registry the token belongs to: resource id when known, else its name. */
  registryId?: string;
  registryName?: string;
}

/** `az aks get-versions -l <region>` output (the ARM `kubernetesVersions` list body). */
export interface AksVersionsSubject extends AzureSubjectBase {
  type: 'azure.aks-versions';
}

/** A role assignment (`az role assignment list` item, ARM GET body or template resource). */
export interface RoleAssignmentSubject extends AzureSubjectBase {
  type: 'azure.role-assignment';
  principalId?: string;
  /** Role definition: the GUID at the end of roleDefinitionId, lower case, when known. */
  roleDefinitionGuid?: string;
  roleDefinitionName?: string;
  scope?: string;
  /** In a template: the cluster and registry the expressions refer to, by name. */
  templateHints?: { clusterName?: string; registryName?: string };
}

/** Azure subjects are evaluated after every input is read, with the estate (see evaluateDeferred). */
export function isAzureSubject(s: { type: string }): s is AzureSubject {
  return s.type.startsWith('azure.');
}

export type AzureSubject =
  | AksClusterSubject
  | AcrRegistrySubject
  | AcrTokenSubject
  | AksVersionsSubject
  | RoleAssignmentSubject;
