import { daysBetween } from '../../azure/calendar.js';
import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

/**
 * The build date embedded in a node image version (catalog §3): "…-202508.06.0" (YYYYMM.DD.n),
 * "…-2022.04.27" (YYYY.MM.DD) and Windows "…-20348.2227.240104" (.YYMMDD). Undefined when none matches
 * or the date is not a real one.
 */
export function imageDate(version: string): string | undefined {
  const v = version.trim();
  let m = /(\d{4})(\d{2})\.(\d{2})\.\d+$/.exec(v);
  let ymd: [string, string, string] | undefined = m ? [m[1] as string, m[2] as string, m[3] as string] : undefined;
  if (!ymd && (m = /(\d{4})\.(\d{2})\.(\d{2})$/.exec(v))) ymd = [m[1] as string, m[2] as string, m[3] as string];
  if (!ymd && (m = /\.(\d{2})(\d{2})(\d{2})$/.exec(v))) ymd = [`20${m[1] as string}`, m[2] as string, m[3] as string];
  if (!ymd) return undefined;
  const iso = `${ymd[0]}-${ymd[1]}-${ymd[2]}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso ? undefined : iso;
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
}

export default defineControl({
  meta: {
    id: 'NOD-132',
    name: 'aks-node-image-fresh',
    surface: 'node',
    severity: 'medium',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Every node pool runs a recent node image (built within the last 30 days; 60 at the most).',
      rationale:
        'AKS publishes Linux node images weekly and Windows images monthly, each with the OS security fixes of the ' +
        'period. The image build date is part of nodeImageVersion (e.g. AKSAzureLinux-V3gen2-202508.06.0 is from ' +
        '2025-08-06). An image older than warnDays (30) days has missed several security releases; older than failDays ' +
        '(60) it means node image upgrades are not happening (see AKS-031). Templates carry no nodeImageVersion, so ' +
        'the age needs the deployed cluster (`az aks show`).',
      remediation:
        '`az aks nodepool upgrade -g <rg> --cluster-name <cluster> -n <pool> --node-image-only`, and set ' +
        '`az aks update --node-os-upgrade-channel NodeImage` so it keeps happening.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-032',
      seed: seedFromDesign(['N3', 'A1']),
      mcsb: ['PV-6'],
    }),
    options: {
      warnDays: { type: 'number', description: 'Warn when the node image is older than this many days.', default: 30 },
      failDays: { type: 'number', description: 'Fail when the node image is older than this many days.', default: 60 },
    },
    messages: {
      stale:
        "Node pool '{{nodePool}}' runs node image {{imageVersion}} built {{imageDate}}, {{ageDays}} days ago: it lacks the OS security fixes of every image since.",
      aging: "Node pool '{{nodePool}}' runs node image {{imageVersion}} built {{imageDate}}, {{ageDays}} days ago: upgrade the node image soon.",
    },
  },
  check(cluster, ctx) {
    // An unresolvable pool list (a template expression) is not evaluated, never a pass.
    cluster.view.get('agentPoolProfiles').str();
    const warnDays = num(ctx.options.warnDays, 30);
    const failDays = num(ctx.options.failDays, 60);
    const unknown: string[] = [];
    for (const pool of cluster.pools) {
      const node = pool.view.get('nodeImageVersion');
      const imageVersion = node.str();
      const date = imageVersion === undefined ? undefined : imageDate(imageVersion);
      if (imageVersion === undefined || date === undefined) {
        unknown.push(imageVersion === undefined ? `'${pool.name}' (no nodeImageVersion)` : `'${pool.name}' (${imageVersion}: no build date)`);
        continue;
      }
      const ageDays = -daysBetween(ctx.now, date);
      const data = { nodePool: pool.name, imageVersion, imageDate: date, ageDays };
      if (ageDays > failDays) ctx.report({ messageId: 'stale', pointer: node.pointer, data });
      else if (ageDays > warnDays) ctx.report({ messageId: 'aging', pointer: node.pointer, data, severity: 'medium' });
    }
    if (unknown.length > 0) {
      const rg = cluster.azure.resourceGroup ?? '<rg>';
      ctx.notEvaluated(
        `node image age unknown for node pool(s) ${unknown.join(', ')}: needs the deployed cluster, \`az aks show -g ${rg} -n ${cluster.azure.name} -o json\``,
      );
    }
  },
});
