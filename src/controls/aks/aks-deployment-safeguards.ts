import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-145',
    name: 'aks-deployment-safeguards',
    surface: 'cluster',
    severity: 'medium',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Deployment Safeguards enforce pod security and deployment best practices on the AKS cluster.',
      rationale:
        'Deployment Safeguards apply the "Deployment safeguards" policy initiative (c047ea8e-9c78-49b2-958b-37e56d291a44, 27 ' +
        'members: allowed images, no latest tag, AppArmor, proc mount, sysctls, probes, resource requests, reserved ' +
        'system-pool taints, no edits of individual nodes…) and a Pod Security Standards level through the Azure Policy add-on ' +
        '(CLU-115). In Warn mode violations are only reported to the deployer; Enforce denies or mutates them (the default on ' +
        'AKS Automatic). Safeguards are now a separate extension resource shown by `az aks safeguards show` (level, pssLevel, ' +
        'excludedNamespaces), which is not in `az aks show`; only the old preview property properties.safeguardsProfile.level ' +
        '(Off/Warning/Enforcement) can be read from the cluster. Without it the control reports "not evaluated".',
      remediation:
        '`az aks safeguards create --resource-group <rg> --name <cluster> --level Enforce --pss-level Restricted` (or ' +
        '`Baseline`), with the Azure Policy add-on enabled; list only the namespaces that must be exempt in `--excluded-ns`.',
    },
    frameworks: azureFrameworks({ catalog: 'AKS-045', seed: seedFromDesign(['C9', 'B8', 'D9', 'A10', 'A12']), mcsb: ['PV-2'] }),
    messages: {
      off: 'Deployment Safeguards are off (safeguardsProfile.level: {{level}}): deployments are not checked against the safeguard policies.',
      warn:
        'Deployment Safeguards only warn (safeguardsProfile.level: {{level}}): non-compliant deployments are admitted; use ' +
        'Enforce.',
      privilegedPss:
        "Deployment Safeguards use the Pod Security Standards level '{{pssLevel}}', which restricts nothing: use Baseline or " +
        'Restricted.',
    },
  },
  check(cluster, ctx) {
    const profile = cluster.view.get('safeguardsProfile');
    const level = profile.get('level');
    if (!level.exists) {
      ctx.notEvaluated(
        'Deployment Safeguards are a separate resource: needs `az aks safeguards show --resource-group <rg> --name <cluster> ' +
          '-o json` (level, pssLevel, excludedNamespaces)',
      );
      return;
    }
    const value = level.str() ?? '';
    if (level.is('Off')) {
      ctx.report({ messageId: 'off', pointer: level.pointer, data: { level: value } });
      return;
    }
    if (level.is('Warn', 'Warning')) {
      ctx.report({ messageId: 'warn', pointer: level.pointer, data: { level: value }, severity: 'medium' });
    } else if (!level.is('Enforce', 'Enforcement')) {
      ctx.notEvaluated(`safeguardsProfile.level has the unknown value '${value}'`);
      return;
    }
    const pss = ['pssLevel', 'podSecurityStandardsLevel'].map((k) => profile.get(k)).find((n) => n.exists);
    if (pss?.is('Privileged')) {
      ctx.report({ messageId: 'privilegedPss', pointer: pss.pointer, data: { pssLevel: pss.str() ?? '' }, severity: 'medium' });
    }
  },
});
