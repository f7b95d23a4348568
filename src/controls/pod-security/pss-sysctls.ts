import { defineControl } from '../define.js';
import { isObject, podSecurityPointer, PSS_APPLIES_TO, PSS_STAGES, safeSysctls, show } from './shared.js';

export default defineControl({
  meta: {
    id: 'APP-006',
    name: 'pss-sysctls',
    surface: 'application',
    severity: 'medium',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'baseline', checkId: 'sysctls', since: 0 },
    docs: {
      summary:
        'Pods set only the namespaced, safe sysctls of the policy version (kernel.shm_rmid_forced, ' +
        'net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, ' +
        'net.ipv4.ping_group_range, and the TCP tunables added in v1.27, v1.29, v1.32 and v1.37).',
      rationale:
        'Most kernel parameters are shared by every pod on the node, or can starve it: setting them from a pod changes ' +
        'the node for everyone else. Only sysctls that are isolated per pod network or IPC namespace and cannot hurt ' +
        'neighbours are allowed, and the list grows as the kernel namespaces more of them.',
      remediation:
        'Remove the sysctl from spec.securityContext.sysctls. If the workload needs a node-wide setting, apply it to a ' +
        'dedicated node pool (AKS custom node configuration, linuxOSConfig.sysctls) and schedule the workload there.',
    },
    frameworks: {
      seed: ['B1', 'K9'],
      pss: ['sysctls'],
      'azure-policy': ['56d0a13f-712f-466b-8416-56fb354fb823', '5e5a0673-649e-4d50-bf9d-5a387a4e2081'],
    },
    messages: {
      sysctl: "The pod sets forbidden sysctl '{{sysctl}}'; it is not among the safe sysctls of policy v1.{{version}}.",
    },
  },
  check(w, ctx) {
    const list = w.podSecurityContext.sysctls;
    if (!Array.isArray(list)) return;
    const safe = safeSysctls(ctx.pssVersion);
    list.forEach((entry, i) => {
      const name = isObject(entry) ? entry.name : undefined;
      if (typeof name === 'string' && safe.includes(name)) return;
      ctx.report({
        messageId: 'sysctl',
        pointer: podSecurityPointer(w, 'sysctls', String(i), 'name'),
        data: { sysctl: name === undefined ? '' : show(name), version: ctx.pssVersion },
      });
    });
  },
});
