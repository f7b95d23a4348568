import { daysBetween, minorOf, supportOf } from '../../azure/calendar.js';
import type { AzureEstate } from '../../azure/estate.js';
import type { AzNode } from '../../azure/view.js';
import type { AksClusterSubject } from '../../model/azure.js';
import type { Severity } from '../../model/types.js';
import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl, type OptionSpec } from '../define.js';

/*
 * The version support check of catalog §4, shared by AKS-028 (control plane) and AKS-029 (node pools).
 */

export const LTS_PLAN = 'AKSLongTermSupport';

/** The `warnDays` option both version controls take. */
export const warnDaysOption: OptionSpec = {
  type: 'number',
  description: 'Warn when a Kubernetes minor leaves support within this many days of the evaluation date.',
  default: 60,
};

/** The outcome ids both version controls declare messages for. */
export type SupportMessage = 'platformSupport' | 'unsupported' | 'belowCalendar' | 'ending' | 'newerThanCalendar';

export interface SupportOutcome {
  messageId: SupportMessage;
  severity: Severity;
  data: Record<string, string | number>;
}

/** The first of `names` that is set (current*Version before the requested *Version). */
export function firstSet(view: AzNode, ...names: string[]): AzNode {
  for (const n of names) {
    const node = view.get(n);
    if (node.exists) return node;
  }
  return view.get(names[names.length - 1] as string);
}

/** Whether the cluster asks for long-term support (`supportPlan: AKSLongTermSupport`). */
export function ltsRequested(cluster: AksClusterSubject): boolean {
  return cluster.view.get('supportPlan').is(LTS_PLAN);
}

/** The region's `az aks get-versions` entry of a minor, or undefined when the region does not offer it. */
export function offeredMinor(region: AzNode, minor: string): AzNode | undefined {
  return region.get('values').items().find((v) => minorOf(v.get('version').str()) === minor);
}

/** Whether the region offers LTS for a minor (only `capabilities.supportPlan` containing AKSLongTermSupport counts). */
export function regionOffersLts(entry: AzNode): boolean {
  return entry.get('capabilities.supportPlan').strings().some((p) => p.toLowerCase() === LTS_PLAN.toLowerCase());
}

export function warnDaysOf(options: Readonly<Record<string, unknown>>): number {
  const v = options.warnDays;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 60;
}

/**
 * Steps 2–4 of §4 for one version: nothing when supported, otherwise the finding to report. Past the end
 * of support, N-3 is high ("platform support only") and N-4 or older critical; within `warnDays` of the
 * end it is a medium warning; below the calendar critical; above it an info to refresh the calendar.
 */
export function supportOutcome(version: string, minor: string, lts: boolean, now: Date, estate: AzureEstate, warnDays: number): SupportOutcome | undefined {
  const verdict = supportOf(minor, lts, now, estate.calendar, warnDays);
  const plan = verdict.plan === 'lts' ? 'long-term' : 'community';
  const base = { version, minor, plan };
  switch (verdict.status) {
    case 'supported':
      return undefined;
    case 'ending':
      return { messageId: 'ending', severity: 'medium', data: { ...base, endOfSupport: verdict.endOfSupport, daysLeft: verdict.daysLeft } };
    case 'platform-support':
      return {
        messageId: 'platformSupport',
        severity: 'high',
        data: { ...base, endOfSupport: verdict.endOfSupport, daysLeft: daysBetween(now, verdict.endOfSupport) },
      };
    case 'unsupported':
      if (!verdict.endOfSupport) {
        const oldest = estate.calendar.versions[0]?.minor ?? '?';
        return { messageId: 'belowCalendar', severity: 'critical', data: { ...base, oldest } };
      }
      return { messageId: 'unsupported', severity: 'critical', data: { ...base, endOfSupport: verdict.endOfSupport, daysLeft: daysBetween(now, verdict.endOfSupport) } };
    case 'newer-than-calendar':
      return { messageId: 'newerThanCalendar', severity: 'info', data: { ...base, snapshot: estate.calendar.snapshotDate || 'unknown' } };
  }
}

/** Outcomes that already say "upgrade": a region check on top would repeat them. */
export function isFailure(o: SupportOutcome | undefined): boolean {
  return o !== undefined && (o.messageId === 'platformSupport' || o.messageId === 'unsupported' || o.messageId === 'belowCalendar');
}

/** [patch number, "x.y.z"] of the highest `patchVersions` key of a get-versions entry. */
function latestPatch(entry: AzNode): [number, string] | undefined {
  let best: [number, string] | undefined;
  for (const [key] of entry.get('patchVersions').entries()) {
    const m = /^v?\d+\.\d+\.(\d+)$/.exec(key.trim());
    if (m && (!best || Number(m[1]) > best[0])) best = [Number(m[1]), key.trim()];
  }
  return best;
}

export default defineControl({
  meta: {
    id: 'CLU-128',
    name: 'aks-kubernetes-version-supported',
    surface: 'cluster',
    severity: 'high',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The control plane runs a Kubernetes minor that AKS still supports, and not one about to leave support.',
      rationale:
        'AKS supports three GA minors (N, N-1, N-2) for about 12 months each; the oldest leaves support 30 days after a ' +
        'new minor is released. N-3 gets "platform support" only: no Kubernetes fixes or security patches and no new ' +
        'clusters. Older minors are out of all support and Azure may force-upgrade them. Long-term support (supportPlan ' +
        'AKSLongTermSupport) adds a year and needs the Premium tier. Dates come from the version calendar (data, ' +
        'refreshable with --aks-calendar) at the --as-of date. Given `az aks get-versions` for the region, a minor the ' +
        'region no longer offers fails, a preview minor warns, LTS counts only where the region offers it, and a patch ' +
        'below the newest patch of the minor warns ("always use the latest patch"). Azure Policy fb893a29 only flags ' +
        'versions up to 1.13 and is no usable signal.',
      remediation:
        'Upgrade: `az aks get-upgrades -g <rg> -n <cluster>` then `az aks upgrade -g <rg> -n <cluster> --kubernetes-version ' +
        '<version>`, and set an auto-upgrade channel (`--auto-upgrade-channel patch|stable`). For a longer window use ' +
        '`az aks update --tier premium --k8s-support-plan AKSLongTermSupport`. Scan `az aks get-versions -l <region> -o json` ' +
        'with the cluster for region-exact results.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-028',
      seed: seedFromDesign(['C10']),
      azurePolicy: ['fb893a29-21bb-418c-a157-e99480ec364c'],
      mcsb: ['PV-7'],
    }),
    options: { warnDays: warnDaysOption },
    messages: {
      platformSupport:
        'Kubernetes {{version}} left {{plan}} support on {{endOfSupport}} and now has platform support only: no Kubernetes fixes or security patches.',
      unsupported: 'Kubernetes {{version}} is out of all support since {{endOfSupport}} ({{plan}} plan): no fixes, and Azure may force-upgrade the cluster.',
      belowCalendar: 'Kubernetes {{version}} is older than every minor in the version calendar (oldest {{oldest}}): it is out of all support.',
      ending: 'Kubernetes {{version}} leaves {{plan}} support on {{endOfSupport}}, in {{daysLeft}} days: upgrade before it stops receiving fixes.',
      newerThanCalendar:
        'Kubernetes {{minor}} is newer than the version calendar (snapshot {{snapshot}}): refresh the calendar to judge its support dates.',
      ltsWithoutPremium:
        "supportPlan is AKSLongTermSupport but sku.tier is '{{tier}}': long-term support needs the Premium tier, so the extra year may not apply.",
      ltsNotOffered:
        'supportPlan is AKSLongTermSupport but {{location}} does not offer long-term support for {{minor}}: community support dates apply.',
      notOffered: 'Kubernetes {{minor}} is not offered in {{location}} (az aks get-versions): the minor is out of support there.',
      preview: 'Kubernetes {{minor}} is a preview version in {{location}}: preview versions carry no support agreement.',
      notLatestPatch:
        'Kubernetes {{version}} is not on the latest patch of {{minor}} in {{location}} ({{latest}}): AKS ships CVE fixes as patches and says always use the latest.',
    },
  },
  check(cluster, ctx) {
    const estate = ctx.estate;
    if (!estate) return;
    const vNode = firstSet(cluster.view, 'currentKubernetesVersion', 'kubernetesVersion');
    // No version in a template: AKS deploys its default (N-1) version, which is supported.
    if (!vNode.exists) return;
    const version = vNode.str() ?? '';
    const minor = minorOf(version);
    if (!minor) {
      ctx.notEvaluated(`kubernetesVersion '${version}' is not a Kubernetes version (major.minor[.patch])`);
      return;
    }
    const location = cluster.azure.location ?? 'the region';

    let lts = ltsRequested(cluster);
    if (lts) {
      const tier = cluster.view.get('sku.tier');
      if (!tier.is('Premium')) {
        ctx.report({ messageId: 'ltsWithoutPremium', pointer: tier.pointer, data: { tier: tier.str() ?? 'absent' }, severity: 'medium' });
      }
    }

    const region = estate.versionsFor(cluster);
    const offered = region ? offeredMinor(region.view, minor) : undefined;
    if (lts && offered && !regionOffersLts(offered)) {
      ctx.report({ messageId: 'ltsNotOffered', pointer: cluster.view.get('supportPlan').pointer, data: { location, minor }, severity: 'medium' });
      lts = false;
    }

    const outcome = supportOutcome(version, minor, lts, ctx.now, estate, warnDaysOf(ctx.options));
    if (outcome) ctx.report({ messageId: outcome.messageId, pointer: vNode.pointer, data: outcome.data, severity: outcome.severity });

    const patch = /^v?\d+\.\d+\.(\d+)/.exec(version.trim());
    if (!region) {
      // The calendar decides support; only the patch currency needs the region's list.
      if (patch) ctx.notEvaluated(`patch currency needs \`az aks get-versions -l ${cluster.azure.location ?? '<location>'} -o json\` scanned with the cluster`);
      return;
    }
    if (!offered) {
      if (!isFailure(outcome)) ctx.report({ messageId: 'notOffered', pointer: vNode.pointer, data: { minor, location } });
      return;
    }
    if (offered.get('isPreview').bool() === true) {
      ctx.report({ messageId: 'preview', pointer: vNode.pointer, data: { minor, location }, severity: 'medium' });
    }
    const latest = latestPatch(offered);
    if (patch && latest && Number(patch[1]) < latest[0]) {
      ctx.report({ messageId: 'notLatestPatch', pointer: vNode.pointer, data: { version, minor, location, latest: latest[1] }, severity: 'medium' });
    }
  },
});
