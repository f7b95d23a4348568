import { defineControl } from '../define.js';
import { containerSecurityPointer, dig, isSet, PSS_APPLIES_TO, PSS_STAGES, show, windowsRelaxed } from './shared.js';

const SINCE = 22;

export default defineControl({
  meta: {
    id: 'APP-012',
    name: 'pss-capabilities-restricted',
    surface: 'application',
    severity: 'medium',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'restricted', checkId: 'capabilities_restricted', since: SINCE },
    docs: {
      summary:
        'Every container drops ALL capabilities and adds back at most NET_BIND_SERVICE (policy v1.22+; Windows pods are ' +
        'exempt from v1.25).',
      rationale:
        'Even the runtime\'s default capability set is more than most applications use: NET_RAW allows packet spoofing ' +
        'on the pod network, DAC_OVERRIDE and FOWNER ignore file permissions, SETUID and SETGID change identity. ' +
        'Dropping everything and adding back only what is needed removes those tools from an intruder.',
      remediation:
        'Set securityContext.capabilities.drop: ["ALL"] on every container, init container and ephemeral container, and ' +
        'keep capabilities.add empty or limited to NET_BIND_SERVICE (needed only to bind ports below 1024 as non-root).',
    },
    frameworks: {
      seed: ['B1', 'K9'],
      pss: ['capabilities_restricted'],
      'cis-kubernetes': ['5.2.8', '5.2.9', '5.2.10'],
      'azure-policy': ['c26596ff-4d70-4e6a-9a30-c2506bd2f80c'],
    },
    messages: {
      notDropped: "Container '{{container}}' keeps unrestricted capabilities: capabilities.drop does not include ALL.",
      added: "Container '{{container}}' adds unrestricted capabilities: '{{capability}}' (only NET_BIND_SERVICE may be added).",
    },
  },
  check(w, ctx) {
    if (ctx.pssVersion < SINCE || windowsRelaxed(w, ctx.pssVersion)) return;
    for (const c of w.containers) {
      const drop = dig(c.securityContext, 'capabilities', 'drop');
      if (!Array.isArray(drop) || !drop.includes('ALL')) {
        ctx.report({
          messageId: 'notDropped',
          pointer: Array.isArray(drop) ? containerSecurityPointer(c, 'capabilities', 'drop') : c.pointer,
          data: { container: c.name },
        });
      }
      const add = dig(c.securityContext, 'capabilities', 'add');
      if (!Array.isArray(add)) continue;
      add.forEach((cap, i) => {
        if (!isSet(cap) || cap === 'NET_BIND_SERVICE') return;
        ctx.report({
          messageId: 'added',
          pointer: containerSecurityPointer(c, 'capabilities', 'add', String(i)),
          data: { container: c.name, capability: show(cap) },
        });
      });
    }
  },
});
