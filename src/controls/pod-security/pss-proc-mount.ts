import { defineControl } from '../define.js';
import { nonDefaultProcMounts, PSS_APPLIES_TO, PSS_STAGES, userNamespaceRelaxed } from './shared.js';

export default defineControl({
  meta: {
    id: 'APP-004',
    name: 'pss-proc-mount',
    surface: 'application',
    severity: 'medium',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'baseline', checkId: 'procMount', since: 0 },
    docs: {
      summary:
        'Containers keep the default, masked /proc (securityContext.procMount unset or Default). From policy v1.35 an ' +
        'Unmasked /proc is allowed at baseline for pods in their own user namespace (spec.hostUsers: false).',
      rationale:
        'The runtime masks and makes read-only the parts of /proc that expose or control the node kernel ' +
        '(/proc/kcore, /proc/sys, /proc/sysrq-trigger…). An Unmasked /proc hands them to the container. Inside a user ' +
        'namespace those paths no longer map to node privileges, which is why newer policy versions relax the rule there.',
      remediation:
        'Remove securityContext.procMount or set it to Default. Workloads that genuinely need an unmasked /proc (nested ' +
        'container builds) should run with spec.hostUsers: false.',
    },
    frameworks: {
      seed: ['B1', 'K9'],
      pss: ['procMount'],
      'azure-policy': ['f85eb0dd-92ee-40e9-8a76-db25a507d6d3'],
    },
    messages: {
      procMount: "Container '{{container}}' sets procMount '{{procMount}}'; only the Default procMount is allowed without a user namespace.",
    },
  },
  check(w, ctx) {
    if (userNamespaceRelaxed(w, ctx.pssVersion)) return;
    for (const { container, pointer, procMount } of nonDefaultProcMounts(w)) {
      ctx.report({ messageId: 'procMount', pointer, data: { container: container.name, procMount } });
    }
  },
});
