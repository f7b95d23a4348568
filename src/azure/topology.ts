import type { AzureEstate } from './estate.js';

/** One "cluster pulls from registry" relation, as reports print it. */
export interface PullRelation {
  cluster: string;
  clusterId?: string;
  registry: string;
  registryId?: string;
  /** How it is known: an AcrPull role assignment on the kubelet identity, or one declared in a template. */
  via: 'acrpull-role-assignment' | 'template-role-assignment';
  /** Whether the registry itself was among the inputs (its configuration could be checked). */
  registryScanned: boolean;
}

/** What the Azure part of a scan covered, for the JSON `azure` section and the text report. */
export interface EstateReport {
  clusters: number;
  registries: number;
  pulls: PullRelation[];
  calendar: { origin: string; snapshotDate: string };
}

export function describeEstate(estate: AzureEstate): EstateReport {
  return {
    clusters: estate.clusters.length,
    registries: estate.registries.length,
    pulls: estate.pulls().map((p) => ({
      cluster: p.cluster.azure.name,
      ...(p.cluster.azure.id ? { clusterId: p.cluster.azure.id } : {}),
      registry: p.registry?.azure.name ?? p.registryRef.split('/').pop() ?? p.registryRef,
      ...(p.registry?.azure.id ? { registryId: p.registry.azure.id } : p.registryRef.startsWith('/') ? { registryId: p.registryRef } : {}),
      via: p.via,
      registryScanned: p.registry !== undefined,
    })),
    calendar: { origin: estate.calendar.origin, snapshotDate: estate.calendar.snapshotDate },
  };
}
