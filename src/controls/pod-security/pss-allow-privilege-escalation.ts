import { defineControl } from '../define.js';
import { containerSecurityPointer, PSS_APPLIES_TO, PSS_STAGES, show, windowsRelaxed } from './shared.js';

const SINCE = 8;

export default defineControl({
  meta: {
    id: 'APP-008',
    name: 'pss-allow-privilege-escalation',
    surface: 'application',
    severity: 'medium',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'restricted', checkId: 'allowPrivilegeEscalation', since: SINCE },
    docs: {
      summary:
        'Every container sets securityContext.allowPrivilegeEscalation: false (policy v1.8+; Windows pods are exempt ' +
        'from v1.25).',
      rationale:
        'Unless allowPrivilegeEscalation is false, the kernel lets a process gain privileges through setuid/setgid ' +
        'binaries and file capabilities (the no_new_privs flag stays off). A compromised non-root process can then ' +
        'become root inside the container through sudo, su or any setuid helper left in the image. The default is to ' +
        'allow it, so the field must be written explicitly.',
      remediation:
        'Set securityContext.allowPrivilegeEscalation: false on every container, init container and ephemeral container. ' +
        'It cannot be combined with privileged: true or the CAP_SYS_ADMIN capability.',
    },
    frameworks: {
      seed: ['K3', 'A10', 'B1'],
      pss: ['allowPrivilegeEscalation'],
      'cis-kubernetes': ['5.2.6'],
      'azure-policy': ['1c6e92c9-99f0-4e55-9cf2-0c234dc48f99'],
    },
    messages: {
      unset: "Container '{{container}}' does not set allowPrivilegeEscalation: false.",
      allowed: "Container '{{container}}' sets allowPrivilegeEscalation to {{value}}; it must be false.",
    },
  },
  check(w, ctx) {
    if (ctx.pssVersion < SINCE || windowsRelaxed(w, ctx.pssVersion)) return;
    for (const c of w.containers) {
      const v = c.securityContext.allowPrivilegeEscalation;
      if (v === false) continue;
      if (v === undefined || v === null) {
        ctx.report({ messageId: 'unset', pointer: c.pointer, data: { container: c.name } });
      } else {
        ctx.report({
          messageId: 'allowed',
          pointer: containerSecurityPointer(c, 'allowPrivilegeEscalation'),
          data: { container: c.name, value: show(v) },
        });
      }
    }
  },
});
