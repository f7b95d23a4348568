import { defineControl } from '../define.js';
import { BASELINE_CAPABILITIES, containerSecurityPointer, dig, isSet, PSS_APPLIES_TO, PSS_STAGES, show } from './shared.js';

export default defineControl({
  meta: {
    id: 'APP-001',
    name: 'pss-capabilities-baseline',
    surface: 'application',
    severity: 'high',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'baseline', checkId: 'capabilities_baseline', since: 0 },
    docs: {
      summary:
        'Containers add no Linux capabilities beyond the runtime\'s default set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, ' +
        'FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT).',
      rationale:
        'Capabilities split root\'s power into pieces, and several pieces are enough to leave the container: SYS_ADMIN ' +
        'mounts file systems and manipulates namespaces, SYS_PTRACE reads other processes, NET_ADMIN and NET_RAW rewrite ' +
        'and spoof traffic on the pod network, SYS_MODULE loads kernel code. The baseline level allows only the set a ' +
        'container runtime grants by default. Names are matched exactly as the runtime reads them: "chown" or ' +
        '"CAP_CHOWN" are not the allowed "CHOWN".',
      remediation:
        'Remove the extra entries from securityContext.capabilities.add. If the workload needs one (e.g. NET_ADMIN for a ' +
        'network plugin), run it in a namespace with a privileged level and a documented exemption; write capability ' +
        'names in upper case without the CAP_ prefix.',
    },
    frameworks: {
      seed: ['B1', 'K9'],
      pss: ['capabilities_baseline'],
      'cis-kubernetes': ['5.2.8', '5.2.9'],
      'azure-policy': ['c26596ff-4d70-4e6a-9a30-c2506bd2f80c'],
    },
    messages: {
      added: "Container '{{container}}' adds capabilities beyond the baseline set: '{{capability}}'.",
    },
  },
  check(w, ctx) {
    for (const c of w.containers) {
      const add = dig(c.securityContext, 'capabilities', 'add');
      if (!Array.isArray(add)) continue;
      add.forEach((cap, i) => {
        if (!isSet(cap) || (typeof cap === 'string' && BASELINE_CAPABILITIES.includes(cap))) return;
        ctx.report({
          messageId: 'added',
          pointer: containerSecurityPointer(c, 'capabilities', 'add', String(i)),
          data: { container: c.name, capability: show(cap) },
        });
      });
    }
  },
});
