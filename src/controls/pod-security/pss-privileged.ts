import { defineControl } from '../define.js';
import { containerSecurityPointer, PSS_APPLIES_TO, PSS_STAGES } from './shared.js';

export default defineControl({
  meta: {
    id: 'NOD-002',
    name: 'pss-privileged',
    surface: 'node',
    severity: 'critical',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'baseline', checkId: 'privileged', since: 0 },
    docs: {
      summary: 'No container (including init and ephemeral containers) runs privileged.',
      rationale:
        'A privileged container gets every Linux capability, every device of the node, an unmasked /proc and /sys and no ' +
        'seccomp, AppArmor or SELinux confinement. Root in such a container is root on the node: it can load kernel ' +
        'modules, mount the host file system and take over every other pod scheduled there.',
      remediation:
        'Remove securityContext.privileged (or set it to false). Grant the one capability the workload needs instead ' +
        '(e.g. NET_ADMIN for a CNI helper) and keep genuinely privileged node agents in a namespace exempted on purpose, ' +
        'with an owner and an expiry.',
    },
    frameworks: {
      seed: ['B1', 'K9'],
      pss: ['privileged'],
      'cis-kubernetes': ['5.2.2'],
      'azure-policy': ['95edb821-ddaf-4404-9732-666045e056b4'],
    },
    messages: {
      privileged: "Container '{{container}}' runs privileged (securityContext.privileged: true).",
    },
  },
  check(w, ctx) {
    for (const c of w.containers) {
      if (c.securityContext.privileged === true) {
        ctx.report({
          messageId: 'privileged',
          pointer: containerSecurityPointer(c, 'privileged'),
          data: { container: c.name },
        });
      }
    }
  },
});
