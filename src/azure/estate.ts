import type {
  AcrRegistrySubject,
  AcrTokenSubject,
  AksClusterSubject,
  AksVersionsSubject,
  AzureSubject,
  RoleAssignmentSubject,
} from '../model/azure.js';
import type { Subject } from '../model/types.js';
import { ACR_PULL_ROLE_GUID } from './normalize.js';
import { parseResourceId, sameResourceId } from './resource-id.js';
import type { VersionCalendar } from './calendar.js';

/** One pull relation: a cluster's kubelet identity may pull from a registry. */
export interface RegistryPull {
  cluster: AksClusterSubject;
  /** The registry when it was scanned too; otherwise only its id or name is known. */
  registry?: AcrRegistrySubject;
  registryRef: string;
  /** How the relation is known. */
  via: 'acrpull-role-assignment' | 'template-role-assignment';
  evidence: RoleAssignmentSubject;
}

/**
 * Everything scanned together, for the controls that need more than one resource: a registry's tokens,
 * the region's AKS versions, the pull relations between clusters and registries. Side inputs can come in
 * any order and any file, which is why Azure subjects are evaluated after every input has been read.
 */
export class AzureEstate {
  readonly clusters: AksClusterSubject[] = [];
  readonly registries: AcrRegistrySubject[] = [];
  readonly tokens: AcrTokenSubject[] = [];
  readonly versions: AksVersionsSubject[] = [];
  readonly roleAssignments: RoleAssignmentSubject[] = [];
  private pullsCache?: RegistryPull[];

  constructor(
    subjects: readonly Subject[],
    /** The AKS version calendar, and where it came from. */
    readonly calendar: VersionCalendar,
  ) {
    for (const s of subjects) {
      switch (s.type) {
        case 'azure.aks': this.clusters.push(s); break;
        case 'azure.acr': this.registries.push(s); break;
        case 'azure.acr-token': this.tokens.push(s); break;
        case 'azure.aks-versions': this.versions.push(s); break;
        case 'azure.role-assignment': this.roleAssignments.push(s); break;
        default: break;
      }
    }
  }

  static isAzure(s: Subject): s is AzureSubject {
    return s.type.startsWith('azure.');
  }

  /** The tokens given for a registry, or undefined when no token list for it was given (not the same as none). */
  tokensOf(registry: AcrRegistrySubject): AcrTokenSubject[] | undefined {
    const mine = this.tokens.filter((t) =>
      registry.azure.id && t.registryId ? sameResourceId(t.registryId, registry.azure.id) : t.registryName?.toLowerCase() === registry.azure.name.toLowerCase(),
    );
    return mine.length > 0 ? mine : undefined;
  }

  /**
   * The get-versions body for a cluster's region: one whose id names the cluster's location, else the only
   * one given without a location (the user ran get-versions for the region they care about).
   */
  versionsFor(cluster: AksClusterSubject): AksVersionsSubject | undefined {
    const loc = cluster.azure.location?.toLowerCase().replace(/\s+/g, '');
    const located = this.versions.find((v) => v.azure.location && v.azure.location.toLowerCase().replace(/\s+/g, '') === loc);
    if (located) return located;
    const unlocated = this.versions.filter((v) => !v.azure.location);
    return unlocated.length === 1 ? unlocated[0] : undefined;
  }

  registryFor(ref: string): AcrRegistrySubject | undefined {
    if (ref.startsWith('/')) return this.registries.find((r) => sameResourceId(r.azure.id, ref)) ?? this.registries.find((r) => r.azure.name.toLowerCase() === parseResourceId(ref).name?.toLowerCase() && !r.azure.id);
    return this.registries.find((r) => r.azure.name.toLowerCase() === ref.toLowerCase());
  }

  /** Who pulls from where, from AcrPull role assignments whose principal is a cluster's kubelet identity. */
  pulls(): RegistryPull[] {
    if (this.pullsCache) return this.pullsCache;
    const out: RegistryPull[] = [];
    for (const ra of this.roleAssignments) {
      const isAcrPull = ra.roleDefinitionGuid === ACR_PULL_ROLE_GUID || ra.roleDefinitionName?.toLowerCase() === 'acrpull';
      if (!isAcrPull) continue;
      if (ra.templateHints?.clusterName && ra.templateHints.registryName) {
        const cluster = this.clusters.find((c) => c.azure.name.toLowerCase() === ra.templateHints?.clusterName?.toLowerCase());
        if (!cluster) continue;
        const registry = this.registryFor(ra.templateHints.registryName);
        out.push({ cluster, ...(registry ? { registry } : {}), registryRef: ra.templateHints.registryName, via: 'template-role-assignment', evidence: ra });
        continue;
      }
      if (!ra.principalId || !ra.scope) continue;
      const scope = parseResourceId(ra.scope);
      if (scope.type?.toLowerCase() !== 'microsoft.containerregistry/registries') continue;
      for (const cluster of this.clusters) {
        const kubelet = cluster.view.get('identityProfile.kubeletidentity.objectId').value;
        if (typeof kubelet !== 'string' || kubelet.toLowerCase() !== ra.principalId.toLowerCase()) continue;
        const registry = this.registryFor(ra.scope);
        out.push({ cluster, ...(registry ? { registry } : {}), registryRef: ra.scope, via: 'acrpull-role-assignment', evidence: ra });
      }
    }
    this.pullsCache = out;
    return out;
  }

  pullsOf(cluster: AksClusterSubject): RegistryPull[] {
    return this.pulls().filter((p) => p.cluster === cluster);
  }

  pullersOf(registry: AcrRegistrySubject): RegistryPull[] {
    return this.pulls().filter((p) => p.registry === registry);
  }
}
