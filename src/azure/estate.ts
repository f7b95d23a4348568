import type {
  AcrRegistrySubject,
  AcrTokenSubject,
  AksClusterSubject,
  AksVersionsSubject,
  RoleAssignmentSubject,
} from '../model/azure.js';
import type { Subject } from '../model/types.js';
import { ACR_PULL_ROLE_GUID } from './normalize.js';
import { parseResourceId } from './resource-id.js';
import type { VersionCalendar } from './calendar.js';

/** What a source knows beyond the resources themselves (the live reader knows which lists it read in full). */
export interface AzureFacts {
  /** Ids of registries whose token list was read, even when it was empty. */
  tokenListsRead?: readonly string[];
}

interface EstateIndex {
  tokensByRegistryId: Map<string, AcrTokenSubject[]>;
  tokensByRegistryName: Map<string, AcrTokenSubject[]>;
  registriesById: Map<string, AcrRegistrySubject>;
  registriesByName: Map<string, AcrRegistrySubject>;
  clustersByKubelet: Map<string, AksClusterSubject[]>;
  clustersByName: Map<string, AksClusterSubject[]>;
}

/** Resource ids compare case-insensitively, without trailing slashes. */
function normId(id: string): string {
  return id.replace(/\/+$/, '').toLowerCase();
}

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
  private pullsByCluster?: Map<AksClusterSubject, RegistryPull[]>;
  private pullsByRegistry?: Map<AcrRegistrySubject, RegistryPull[]>;
  private indexCache?: EstateIndex;

  private readonly tokenListsRead: Set<string>;

  constructor(
    subjects: readonly Subject[],
    /** The AKS version calendar, and where it came from. */
    readonly calendar: VersionCalendar,
    facts: AzureFacts = {},
  ) {
    this.tokenListsRead = new Set((facts.tokenListsRead ?? []).map(normId));
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

  /** The tokens given for a registry, or undefined when no token list for it was given (not the same as none). */
  tokensOf(registry: AcrRegistrySubject): AcrTokenSubject[] | undefined {
    const idx = this.index();
    const mine = (registry.azure.id ? idx.tokensByRegistryId.get(normId(registry.azure.id)) : undefined) ?? idx.tokensByRegistryName.get(registry.azure.name.toLowerCase());
    if (mine && mine.length > 0) return mine;
    // A list read in full that came back empty: the registry has no tokens.
    return registry.azure.id && this.tokenListsRead.has(normId(registry.azure.id)) ? [] : undefined;
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

  /** A registry by resource id (case-insensitive) or by name. */
  registryFor(ref: string): AcrRegistrySubject | undefined {
    const idx = this.index();
    if (ref.startsWith('/')) return idx.registriesById.get(normId(ref)) ?? idx.registriesByName.get(parseResourceId(ref).name?.toLowerCase() ?? '');
    return idx.registriesByName.get(ref.toLowerCase());
  }

  /** Lookups built once: an estate of thousands of clusters must not compare every pair. */
  private index(): EstateIndex {
    if (this.indexCache) return this.indexCache;
    const idx: EstateIndex = {
      tokensByRegistryId: new Map(),
      tokensByRegistryName: new Map(),
      registriesById: new Map(),
      registriesByName: new Map(),
      clustersByKubelet: new Map(),
      clustersByName: new Map(),
    };
    const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
      const list = m.get(k);
      if (list) list.push(v);
      else m.set(k, [v]);
    };
    for (const t of this.tokens) {
      if (t.registryId) push(idx.tokensByRegistryId, normId(t.registryId), t);
      else if (t.registryName) push(idx.tokensByRegistryName, t.registryName.toLowerCase(), t);
    }
    for (const r of this.registries) {
      if (r.azure.id) idx.registriesById.set(normId(r.azure.id), r);
      // By name only where the name is unambiguous: two registries of one name in different groups are told apart by id.
      const name = r.azure.name.toLowerCase();
      if (!idx.registriesByName.has(name)) idx.registriesByName.set(name, r);
    }
    for (const c of this.clusters) {
      const kubelet = c.view.get('identityProfile.kubeletidentity.objectId').value;
      if (typeof kubelet === 'string') push(idx.clustersByKubelet, kubelet.toLowerCase(), c);
      push(idx.clustersByName, c.azure.name.toLowerCase(), c);
    }
    this.indexCache = idx;
    return idx;
  }

  /** Who pulls from where, from AcrPull role assignments whose principal is a cluster's kubelet identity. */
  pulls(): RegistryPull[] {
    if (this.pullsCache) return this.pullsCache;
    const idx = this.index();
    const out: RegistryPull[] = [];
    for (const ra of this.roleAssignments) {
      const isAcrPull = ra.roleDefinitionGuid === ACR_PULL_ROLE_GUID || ra.roleDefinitionName?.toLowerCase() === 'acrpull';
      if (!isAcrPull) continue;
      if (ra.templateHints?.clusterName && ra.templateHints.registryName) {
        for (const cluster of idx.clustersByName.get(ra.templateHints.clusterName.toLowerCase()) ?? []) {
          if (cluster.source.file !== ra.source.file) continue;
          const registry = this.registryFor(ra.templateHints.registryName);
          out.push({ cluster, ...(registry ? { registry } : {}), registryRef: ra.templateHints.registryName, via: 'template-role-assignment', evidence: ra });
        }
        continue;
      }
      if (!ra.principalId || !ra.scope) continue;
      const scope = parseResourceId(ra.scope);
      if (scope.type?.toLowerCase() !== 'microsoft.containerregistry/registries') continue;
      for (const cluster of idx.clustersByKubelet.get(ra.principalId.toLowerCase()) ?? []) {
        const registry = this.registryFor(ra.scope);
        out.push({ cluster, ...(registry ? { registry } : {}), registryRef: ra.scope, via: 'acrpull-role-assignment', evidence: ra });
      }
    }
    this.pullsCache = out;
    this.pullsByCluster = new Map();
    this.pullsByRegistry = new Map();
    for (const p of out) {
      const c = this.pullsByCluster.get(p.cluster);
      if (c) c.push(p);
      else this.pullsByCluster.set(p.cluster, [p]);
      if (!p.registry) continue;
      const r = this.pullsByRegistry.get(p.registry);
      if (r) r.push(p);
      else this.pullsByRegistry.set(p.registry, [p]);
    }
    return out;
  }

  pullsOf(cluster: AksClusterSubject): RegistryPull[] {
    this.pulls();
    return this.pullsByCluster?.get(cluster) ?? [];
  }

  pullersOf(registry: AcrRegistrySubject): RegistryPull[] {
    this.pulls();
    return this.pullsByRegistry?.get(registry) ?? [];
  }
}
