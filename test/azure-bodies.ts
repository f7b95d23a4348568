/**
 * Builders for the Azure resource bodies the AKS and ACR control tests feed in, in the two shapes Palisade
 * reads:
 *
 * - ARM: a GET of the resource (as `az rest` or the REST API returns it), settings under `properties`.
 * - az: what `az aks show` / `az acr show` print: the same settings flattened to the top level, with
 *   `resourceGroup` added (and, for clusters, the type spelled `ManagedClusters`).
 *
 * Each builder returns the JSON text a test case passes as its input; the `…Body` variants return the object,
 * for cases that put several resources in one array. Pointers in findings follow the shape: a setting of an
 * ARM body is at `/properties/<name>`, the same setting of an az body at `/<name>`.
 *
 * Cluster bodies are printed with two-space indentation, registry bodies compactly on one line, as the tests
 * have always written them; `pretty` changes either (it moves the lines findings are reported at).
 */

/** The subscription of the test cluster (the zeroed id of the recordings). */
export const AKS_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
export const AKS_RESOURCE_GROUP = 'rg1';
export const AKS_NAME = 'aks1';
export const AKS_LOCATION = 'westeurope';
export const AKS_ID = `/subscriptions/${AKS_SUBSCRIPTION}/resourceGroups/${AKS_RESOURCE_GROUP}/providers/Microsoft.ContainerService/managedClusters/${AKS_NAME}`;
/** The cluster type as ARM spells it. */
export const AKS_TYPE = 'Microsoft.ContainerService/managedClusters';
/** The cluster type as `az aks show` spells it. */
export const AKS_AZ_TYPE = 'Microsoft.ContainerService/ManagedClusters';

/** The subscription of the test registry (shortened, as the registry tests have always written it). */
export const ACR_SUBSCRIPTION = '0000';
export const ACR_RESOURCE_GROUP = 'rg';
export const ACR_NAME = 'contoso';
export const ACR_ID = `/subscriptions/${ACR_SUBSCRIPTION}/resourceGroups/${ACR_RESOURCE_GROUP}/providers/Microsoft.ContainerRegistry/registries/${ACR_NAME}`;
export const ACR_TYPE = 'Microsoft.ContainerRegistry/registries';
/** The registry sku when a test names none. */
export const ACR_DEFAULT_SKU = 'Premium';

/** What every builder lets a test change. */
export interface BodyOptions {
  /** The resource id (default `AKS_ID` / `ACR_ID`). */
  id?: string;
  /** The resource name (default `AKS_NAME` / `ACR_NAME`). */
  name?: string;
  /** Two-space indentation (true) or one line (false); default: true for clusters, false for registries. */
  pretty?: boolean;
}

/** Options of the az shape. */
export interface AzBodyOptions extends BodyOptions {
  /** The `resourceGroup` field az adds (default `AKS_RESOURCE_GROUP` / `ACR_RESOURCE_GROUP`); null leaves it out. */
  resourceGroup?: string | null;
}

/** A registry sku as ARM and az print it: `name`, often `tier` beside it. */
export interface AcrSku {
  name?: string;
  tier?: string;
}

/** A sku with the tier beside the name, as ARM and az print a registry's: `{ name, tier: name }`. */
export const acrSku = (name: string): AcrSku => ({ name, tier: name });

/** Options of the registry builders. */
export interface AcrBodyOptions extends BodyOptions {
  /**
   * The sku: a name (printed as `{ name }`), the whole object (e.g. {@link acrSku} for name and tier), or null
   * for a body without one. Default `{ name: 'Premium' }`.
   */
  sku?: string | AcrSku | null;
}

export interface AcrAzBodyOptions extends AcrBodyOptions, AzBodyOptions {}

const print = (body: object, pretty: boolean): string => (pretty ? JSON.stringify(body, null, 2) : JSON.stringify(body));

const resourceGroupOf = (o: AzBodyOptions, fallback: string): { resourceGroup?: string } => {
  const rg = o.resourceGroup === undefined ? fallback : o.resourceGroup;
  return rg === null ? {} : { resourceGroup: rg };
};

/**
 * An ARM GET body of the cluster: `properties` holds the settings; `top` adds fields beside it (`identity`,
 * `sku`), placed before `properties`.
 */
export function aksArmBody(properties: object, top: object = {}, o: BodyOptions = {}): Record<string, unknown> {
  return { id: o.id ?? AKS_ID, name: o.name ?? AKS_NAME, type: AKS_TYPE, location: AKS_LOCATION, ...top, properties };
}

/** {@link aksArmBody} as JSON text, indented unless `pretty: false`. */
export function aksArm(properties: object, top: object = {}, o: BodyOptions = {}): string {
  return print(aksArmBody(properties, top, o), o.pretty ?? true);
}

/** `az aks show` output: `fields` flattened beside id, name, type, location and resourceGroup (az acronym case is the caller's). */
export function aksAzBody(fields: object, o: AzBodyOptions = {}): Record<string, unknown> {
  return { id: o.id ?? AKS_ID, name: o.name ?? AKS_NAME, type: AKS_AZ_TYPE, location: AKS_LOCATION, ...resourceGroupOf(o, AKS_RESOURCE_GROUP), ...fields };
}

/** {@link aksAzBody} as JSON text, indented unless `pretty: false`. */
export function aksAz(fields: object, o: AzBodyOptions = {}): string {
  return print(aksAzBody(fields, o), o.pretty ?? true);
}

/** An ARM deployment template declaring the cluster, for settings given as template parameters. */
export function aksTemplate(parameters: object, properties: object): string {
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters,
      resources: [{ type: AKS_TYPE, apiVersion: '2025-10-01', name: AKS_NAME, location: AKS_LOCATION, identity: { type: 'SystemAssigned' }, properties }],
    },
    null,
    2,
  );
}

const skuOf = (o: AcrBodyOptions): { sku?: AcrSku } => {
  const sku = o.sku === undefined ? ACR_DEFAULT_SKU : o.sku;
  if (sku === null) return {};
  return { sku: typeof sku === 'string' ? { name: sku } : sku };
};

/** An ARM GET body of the registry: id, name, type, sku, then `properties`. */
export function acrArmBody(properties: object, o: AcrBodyOptions = {}): Record<string, unknown> {
  return { id: o.id ?? ACR_ID, name: o.name ?? ACR_NAME, type: ACR_TYPE, ...skuOf(o), properties };
}

/** {@link acrArmBody} as JSON text, on one line unless `pretty: true`. */
export function acrArm(properties: object, o: AcrBodyOptions = {}): string {
  return print(acrArmBody(properties, o), o.pretty ?? false);
}

/** `az acr show` output: id, name, type, sku and resourceGroup, then `fields` flattened beside them. */
export function acrAzBody(fields: object, o: AcrAzBodyOptions = {}): Record<string, unknown> {
  return { id: o.id ?? ACR_ID, name: o.name ?? ACR_NAME, type: ACR_TYPE, ...skuOf(o), ...resourceGroupOf(o, ACR_RESOURCE_GROUP), ...fields };
}

/** {@link acrAzBody} as JSON text, on one line unless `pretty: true`. */
export function acrAz(fields: object, o: AcrAzBodyOptions = {}): string {
  return print(acrAzBody(fields, o), o.pretty ?? false);
}
