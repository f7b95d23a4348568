import { compareMinor, minorOf } from '../../azure/calendar.js';
import type { AzNode } from '../../azure/view.js';
import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

/** What a node pool's OS is, and when it leaves support (catalog §3 OS retirements). */
interface NodeOs {
  os: string;
  /** End of support; undefined when none is announced. */
  endOfSupport?: string;
  /** Out of support for long (no date needed). */
  longRetired?: boolean;
  kind: 'optimised' | 'general' | 'preview' | 'windows';
}

const UBUNTU: Record<string, Omit<NodeOs, 'kind'>> = {
  '1604': { os: 'Ubuntu 16.04', longRetired: true },
  '1804': { os: 'Ubuntu 18.04', endOfSupport: '2025-06-17' },
  '2004': { os: 'Ubuntu 20.04', endOfSupport: '2027-03-17' },
  '2204': { os: 'Ubuntu 22.04', endOfSupport: '2027-06-30' },
  '2404': { os: 'Ubuntu 24.04' },
};

const AZURE_LINUX_2: NodeOs = { os: 'Azure Linux 2.0 (CBL-Mariner)', endOfSupport: '2025-11-30', kind: 'optimised' };

function poolMinor(pool: AzNode, cluster: AzNode): string | undefined {
  for (const [view, names] of [
    [pool, ['currentOrchestratorVersion', 'orchestratorVersion']],
    [cluster, ['currentKubernetesVersion', 'kubernetesVersion']],
  ] as const) {
    for (const n of names) {
      const v = view.get(n);
      if (v.exists) return minorOf(v.str());
    }
  }
  return undefined;
}

/** The pool's OS from osType, osSKU, the node image name and (for defaults) its Kubernetes minor. */
export function nodeOsOf(pool: AzNode, cluster: AzNode): NodeOs | undefined {
  const sku = pool.get('osSKU');
  const skuValue = sku.str()?.toLowerCase();
  const image = pool.get('nodeImageVersion').str() ?? '';
  const minor = poolMinor(pool, cluster);
  const below = (m: string) => minor !== undefined && compareMinor(minor, m) < 0;

  if (pool.get('osType').is('Windows')) {
    if (skuValue === 'windowsannual') return { os: 'Windows Annual Channel', endOfSupport: '2026-05-15', kind: 'windows' };
    const is2019 = skuValue === 'windows2019' || (skuValue === undefined && (/2019/.test(image) || (!image && below('1.25'))));
    if (is2019) return { os: 'Windows Server 2019', endOfSupport: '2026-03-01', kind: 'windows' };
    if (skuValue === 'windows2022' || (skuValue === undefined && /2022/.test(image))) return { os: 'Windows Server 2022', endOfSupport: '2028-06-30', kind: 'windows' };
    return undefined;
  }
  if (skuValue === 'cblmariner' || skuValue === 'mariner' || /mariner|azurelinux-?v2/i.test(image)) return AZURE_LINUX_2;
  if (skuValue === 'azurelinux' && !image && below('1.32')) return AZURE_LINUX_2; // AzureLinux means 2.0 before Kubernetes 1.32
  if (skuValue !== undefined && /^azurelinux|^azurecontainerlinux$/.test(skuValue)) return { os: sku.str() as string, kind: 'optimised' };
  if (skuValue === 'flatcar') return { os: 'Flatcar Container Linux', kind: 'preview' };
  if (skuValue === undefined || skuValue.startsWith('ubuntu')) {
    const release = /ubuntu(\d{4})/.exec(skuValue ?? '')?.[1] ?? /ubuntu[-:_]?(\d{4})/i.exec(image)?.[1] ?? (!image && below('1.25') ? '1804' : undefined);
    const known = release ? UBUNTU[release] : undefined;
    return known ? { ...known, kind: 'general' } : { os: 'Ubuntu', kind: 'general' };
  }
  return undefined;
}

export default defineControl({
  meta: {
    id: 'NOD-133',
    name: 'aks-node-os-supported',
    surface: 'node',
    severity: 'medium',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Node pools run a supported node OS, preferably a container-optimised one (Azure Linux).',
      rationale:
        'A retired node OS gets no security updates and its images are removed: Azure Linux 2.0 (CBL-Mariner) ended ' +
        '2025-11-30, Ubuntu 18.04 2025-06-17, Ubuntu 20.04 ends 2027-03-17 and 22.04 2027-06-30, Windows Server 2019 ' +
        'ended 2026-03-01 and the Windows Annual Channel 2026-05-15 (dates as of the evaluation date). osSKU AzureLinux ' +
        'means Azure Linux 2.0 before Kubernetes 1.32. Azure Linux, Azure Container Linux (immutable /usr, dm-verity, ' +
        'SELinux) and Azure Linux OS Guard are container-optimised; Ubuntu is supported but general-purpose (reported ' +
        'as info).',
      remediation:
        'Add a pool with a supported OS, e.g. `az aks nodepool add … --os-sku AzureLinux` (or `AzureContainerLinux`; ' +
        'Windows: `--os-sku Windows2022`), move workloads and delete the old pool; Kubernetes upgrades also move ' +
        'AzureLinux pools to 3.0 and Ubuntu pools to newer releases.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-033',
      seed: seedFromDesign(['N2', 'N3']),
      mcsb: ['PV-5'],
    }),
    messages: {
      retired: "Node pool '{{nodePool}}' runs {{os}}, out of support since {{endOfSupport}}: its nodes get no security updates.",
      longRetired: "Node pool '{{nodePool}}' runs {{os}}, long out of support: its nodes get no security updates.",
      generalPurpose:
        "Node pool '{{nodePool}}' runs {{os}} (support ends {{endOfSupport}}), a general-purpose OS: Azure Linux is container-optimised with a smaller attack surface.",
      preview: "Node pool '{{nodePool}}' runs {{os}}, a preview node OS superseded by Azure Container Linux.",
    },
  },
  check(cluster, ctx) {
    // An unresolvable pool list (a template expression) is not evaluated, never a pass.
    cluster.view.get('agentPoolProfiles').str();
    const today = ctx.now.toISOString().slice(0, 10);
    for (const pool of cluster.pools) {
      const os = nodeOsOf(pool.view, cluster.view);
      if (!os) continue;
      const sku = pool.view.get('osSKU');
      const pointer = sku.exists ? sku.pointer : pool.view.get('nodeImageVersion').pointer;
      const data = { nodePool: pool.name, os: os.os, endOfSupport: os.endOfSupport ?? 'not announced' };
      if (os.longRetired) ctx.report({ messageId: 'longRetired', pointer, data });
      else if (os.endOfSupport && today > os.endOfSupport) ctx.report({ messageId: 'retired', pointer, data });
      else if (os.kind === 'general') ctx.report({ messageId: 'generalPurpose', pointer, data, severity: 'info' });
      else if (os.kind === 'preview') ctx.report({ messageId: 'preview', pointer, data, severity: 'info' });
    }
  },
});
