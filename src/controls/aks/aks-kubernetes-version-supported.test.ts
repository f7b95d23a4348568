import { aksArm, aksArmBody, aksAz, aksAzBody } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-kubernetes-version-supported.js';

/** An `az aks get-versions -l westeurope -o json` body: minor → [patches], optional preview / LTS. */
function versions(minors: Record<string, { patches: string[]; preview?: boolean; lts?: boolean }>): object {
  return {
    values: Object.entries(minors).map(([version, m]) => ({
      version,
      ...(m.preview ? { isPreview: true } : {}),
      capabilities: { supportPlan: m.lts ? ['KubernetesOfficial', 'AKSLongTermSupport'] : ['KubernetesOfficial'] },
      patchVersions: Object.fromEntries(m.patches.map((p) => [p, { upgrades: [] }])),
    })),
  };
}
/** The cluster and the region's versions scanned together (one JSON array, as `az … list` prints). */
const withVersions = (cluster: object, v: object): string => JSON.stringify([cluster, v], null, 2);

const at = (date: string) => new Date(`${date}T00:00:00Z`);

testControl(control, {
  valid: [
    {
      name: 'ARM: 1.35 is in community support on 2026-11-29; patch currency is not evaluated without get-versions',
      file: 'aks.json',
      yaml: aksArm({ kubernetesVersion: '1.35', currentKubernetesVersion: '1.35.2' }),
      notEvaluated: true,
    },
    {
      name: 'az: 1.36 on its latest patch, with the region versions',
      file: 'aks.json',
      yaml: withVersions(aksAzBody({ kubernetesVersion: '1.36', currentKubernetesVersion: '1.36.3' }), versions({ '1.35': { patches: ['1.35.6'] }, '1.36': { patches: ['1.36.1', '1.36.3'] } })),
    },
    {
      name: 'template-like minor alias without patch: AKS deploys the latest patch, nothing to evaluate',
      file: 'aks.json',
      yaml: aksArm({ kubernetesVersion: '1.36' }),
    },
    { name: 'no version at all: AKS deploys its default version', file: 'aks.json', yaml: aksArm({ dnsPrefix: 'aks1' }) },
    {
      name: 'LTS on Premium: 1.32 is supported until 2027-03-31',
      file: 'aks.json',
      yaml: aksArm({ currentKubernetesVersion: '1.32.9', supportPlan: 'AKSLongTermSupport' }, { sku: { name: 'Base', tier: 'Premium' } }),
      notEvaluated: true,
    },
    {
      name: 'az: supportPlan compared case-insensitively, LTS offered in the region',
      file: 'aks.json',
      yaml: withVersions(
        aksAzBody({ currentKubernetesVersion: '1.33.4', supportPlan: 'akslongtermsupport', sku: { name: 'Base', tier: 'premium' } }),
        versions({ '1.33': { patches: ['1.33.2', '1.33.4'], lts: true } }),
      ),
    },
    {
      name: '1.34 on 2026-08-01: 121 days left, more than warnDays',
      file: 'aks.json',
      yaml: aksArm({ currentKubernetesVersion: '1.34.3' }),
      now: at('2026-08-01'),
      notEvaluated: true,
    },
    {
      name: 'a version that is no version is not evaluated',
      file: 'aks.json',
      yaml: aksArm({ kubernetesVersion: 'latest' }),
      notEvaluated: true,
    },
  ],
  invalid: [
    {
      name: 'ARM (the AKS Automatic recording): 1.32 left community support on 2026-03-31 and is N-5 on 2026-11-29',
      file: 'aks.json',
      yaml: aksArm({ kubernetesVersion: '1.32', currentKubernetesVersion: '1.32.6', supportPlan: 'KubernetesOfficial' }),
      errors: [
        {
          messageId: 'unsupported',
          pointer: '/properties/currentKubernetesVersion',
          severity: 'critical',
          data: { version: '1.32.6', minor: '1.32', plan: 'community', endOfSupport: '2026-03-31', daysLeft: -243 },
        },
      ],
    },
    {
      name: 'az: 1.34 ends 2026-11-30, one day after the evaluation date',
      file: 'aks.json',
      yaml: aksAz({ currentKubernetesVersion: '1.34.1' }),
      errors: [
        {
          messageId: 'ending',
          pointer: '/currentKubernetesVersion',
          severity: 'medium',
          data: { version: '1.34.1', minor: '1.34', plan: 'community', endOfSupport: '2026-11-30', daysLeft: 1 },
        },
      ],
    },
    {
      name: 'kubernetesVersion is the fallback when currentKubernetesVersion is absent',
      file: 'aks.json',
      yaml: aksArm({ kubernetesVersion: '1.34' }),
      errors: [{ messageId: 'ending', pointer: '/properties/kubernetesVersion' }],
    },
    {
      name: '1.34 on 2026-12-15: past its end, N-3 (1.37 GA in 2026-10), platform support only',
      file: 'aks.json',
      yaml: aksArm({ currentKubernetesVersion: '1.34.5' }, { tags: { case: 'december' } }),
      now: at('2026-12-15'),
      errors: [
        {
          messageId: 'platformSupport',
          pointer: '/properties/currentKubernetesVersion',
          severity: 'high',
          data: { version: '1.34.5', minor: '1.34', plan: 'community', endOfSupport: '2026-11-30', daysLeft: -15 },
        },
      ],
    },
    {
      name: '1.32 on 2026-05-01: N is 1.35, so 1.32 is N-3 (high)',
      file: 'aks.json',
      yaml: aksArm({ currentKubernetesVersion: '1.32.7' }),
      now: at('2026-05-01'),
      errors: [{ messageId: 'platformSupport', pointer: '/properties/currentKubernetesVersion', severity: 'high' }],
    },
    {
      name: '1.31 on 2026-05-01 is N-4: critical',
      file: 'aks.json',
      yaml: aksArm({ currentKubernetesVersion: '1.31.9' }),
      now: at('2026-05-01'),
      errors: [{ messageId: 'unsupported', pointer: '/properties/currentKubernetesVersion', severity: 'critical' }],
    },
    {
      name: 'below the calendar (1.21, the private-cluster recording): critical',
      file: 'aks.json',
      yaml: aksArm({ kubernetesVersion: '1.21.9' }),
      errors: [{ messageId: 'belowCalendar', pointer: '/properties/kubernetesVersion', severity: 'critical', data: { version: '1.21.9', minor: '1.21', plan: 'community', oldest: '1.22' } }],
    },
    {
      name: '1.9.6 sorts numerically below the calendar, not as "1.9" > "1.22"',
      file: 'aks.json',
      yaml: aksArm({ currentKubernetesVersion: '1.9.6' }),
      errors: [{ messageId: 'belowCalendar', pointer: '/properties/currentKubernetesVersion', severity: 'critical' }],
    },
    {
      name: 'newer than the calendar: info to refresh it',
      file: 'aks.json',
      yaml: aksArm({ currentKubernetesVersion: '1.38.0' }),
      errors: [{ messageId: 'newerThanCalendar', pointer: '/properties/currentKubernetesVersion', severity: 'info', data: { version: '1.38.0', minor: '1.38', plan: 'community', snapshot: '2026-08-05' } }],
    },
    {
      name: 'LTS without the Premium tier warns; the LTS dates still apply',
      file: 'aks.json',
      yaml: aksArm({ currentKubernetesVersion: '1.32.9', supportPlan: 'AKSLongTermSupport' }, { sku: { name: 'Base', tier: 'Standard' } }),
      errors: [{ messageId: 'ltsWithoutPremium', pointer: '/sku/tier', severity: 'medium', data: { tier: 'Standard' } }],
    },
    {
      name: 'az: LTS with no sku at all',
      file: 'aks.json',
      yaml: aksAz({ currentKubernetesVersion: '1.33.1', supportPlan: 'AKSLongTermSupport' }),
      errors: [{ messageId: 'ltsWithoutPremium', pointer: '', data: { tier: 'absent' } }],
    },
    {
      name: 'LTS on Premium: 1.31 long-term support ends 2026-11-30',
      file: 'aks.json',
      yaml: aksArm({ currentKubernetesVersion: '1.31.12', supportPlan: 'AKSLongTermSupport' }, { sku: { name: 'Base', tier: 'Premium' } }),
      errors: [{ messageId: 'ending', pointer: '/properties/currentKubernetesVersion', data: { version: '1.31.12', minor: '1.31', plan: 'long-term', endOfSupport: '2026-11-30', daysLeft: 1 } }],
    },
    {
      name: 'warnDays option: 1.35 ends 2027-03-31, 75 days after 2027-01-15, inside a 90-day window',
      file: 'aks.json',
      yaml: aksArm({ currentKubernetesVersion: '1.35.1' }),
      now: at('2027-01-15'),
      options: { warnDays: 90 },
      errors: [{ messageId: 'ending', pointer: '/properties/currentKubernetesVersion', data: { version: '1.35.1', minor: '1.35', plan: 'community', endOfSupport: '2027-03-31', daysLeft: 75 } }],
    },
    {
      name: 'get-versions: not on the latest patch of the minor',
      file: 'aks.json',
      yaml: withVersions(aksArmBody({ currentKubernetesVersion: '1.35.1' }), versions({ '1.35': { patches: ['1.35.1', '1.35.4', '1.35.10'] } })),
      errors: [
        {
          messageId: 'notLatestPatch',
          pointer: '/0/properties/currentKubernetesVersion',
          severity: 'medium',
          data: { version: '1.35.1', minor: '1.35', location: 'westeurope', latest: '1.35.10' },
        },
      ],
    },
    {
      name: 'get-versions: a preview minor',
      file: 'aks.json',
      yaml: withVersions(aksAzBody({ currentKubernetesVersion: '1.37.0' }), versions({ '1.37': { patches: ['1.37.0'], preview: true } })),
      errors: [{ messageId: 'preview', pointer: '/0/currentKubernetesVersion', severity: 'medium', data: { minor: '1.37', location: 'westeurope' } }],
    },
    {
      name: 'get-versions: the region no longer offers the minor (the calendar still would)',
      file: 'aks.json',
      yaml: withVersions(aksArmBody({ currentKubernetesVersion: '1.36.2' }), versions({ '1.35': { patches: ['1.35.4'] }, '1.37': { patches: ['1.37.1'] } })),
      errors: [{ messageId: 'notOffered', pointer: '/0/properties/currentKubernetesVersion', severity: 'high', data: { minor: '1.36', location: 'westeurope' } }],
    },
    {
      name: 'get-versions: LTS counts only where the region offers it, so 1.33 falls back to its community end (N-4)',
      file: 'aks.json',
      yaml: withVersions(
        aksArmBody({ currentKubernetesVersion: '1.33.4', supportPlan: 'AKSLongTermSupport' }, { sku: { name: 'Base', tier: 'Premium' } }),
        versions({ '1.33': { patches: ['1.33.4'] } }),
      ),
      errors: [
        { messageId: 'ltsNotOffered', pointer: '/0/properties/supportPlan', severity: 'medium', data: { location: 'westeurope', minor: '1.33' } },
        { messageId: 'unsupported', pointer: '/0/properties/currentKubernetesVersion', severity: 'critical', data: { version: '1.33.4', minor: '1.33', plan: 'community', endOfSupport: '2026-07-31', daysLeft: -121 } },
      ],
    },
    {
      name: 'get-versions from the example recording (1.23–1.26): a 1.24 cluster past its end is not reported twice',
      file: 'aks.json',
      yaml: withVersions(aksArmBody({ currentKubernetesVersion: '1.24.6' }), versions({ '1.24': { patches: ['1.24.6', '1.24.9'] } })),
      errors: [
        { messageId: 'unsupported', pointer: '/0/properties/currentKubernetesVersion', severity: 'critical' },
        { messageId: 'notLatestPatch', pointer: '/0/properties/currentKubernetesVersion', data: { version: '1.24.6', minor: '1.24', location: 'westeurope', latest: '1.24.9' } },
      ],
    },
  ],
});
