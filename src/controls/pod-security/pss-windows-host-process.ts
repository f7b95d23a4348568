import { defineControl } from '../define.js';
import { containerSecurityPointer, dig, podSecurityPointer, PSS_APPLIES_TO, PSS_STAGES } from './shared.js';

export default defineControl({
  meta: {
    id: 'NOD-005',
    name: 'pss-windows-host-process',
    surface: 'node',
    severity: 'critical',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'baseline', checkId: 'windowsHostProcess', since: 0 },
    docs: {
      summary: 'Windows pods do not run HostProcess containers (windowsOptions.hostProcess).',
      rationale:
        'A Windows HostProcess container runs directly on the node as a host process, with the node\'s network, file ' +
        'system and, typically, SYSTEM or administrator rights. It is the Windows equivalent of a privileged container ' +
        'in the host namespaces: whoever controls it controls the node.',
      remediation:
        'Remove securityContext.windowsOptions.hostProcess from the pod and its containers. Node management tasks that ' +
        'need it (CSI proxies, log agents) belong in a dedicated namespace with a privileged Pod Security level and an ' +
        'explicit, owned exemption.',
    },
    frameworks: {
      seed: ['B1', 'B4', 'K9'],
      pss: ['windowsHostProcess'],
      'cis-kubernetes': ['5.2.11'],
      'azure-policy': ['077f0ce1-86d6-4058-bc60-de05067e8622'],
    },
    messages: {
      podHostProcess: 'The pod runs its containers as Windows hostProcess containers (securityContext.windowsOptions.hostProcess: true).',
      containerHostProcess: "Container '{{container}}' is a Windows hostProcess container (windowsOptions.hostProcess: true).",
    },
  },
  check(w, ctx) {
    if (dig(w.podSecurityContext, 'windowsOptions', 'hostProcess') === true) {
      ctx.report({ messageId: 'podHostProcess', pointer: podSecurityPointer(w, 'windowsOptions', 'hostProcess') });
    }
    for (const c of w.containers) {
      if (dig(c.securityContext, 'windowsOptions', 'hostProcess') === true) {
        ctx.report({
          messageId: 'containerHostProcess',
          pointer: containerSecurityPointer(c, 'windowsOptions', 'hostProcess'),
          data: { container: c.name },
        });
      }
    }
  },
});
