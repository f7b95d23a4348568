import { defineControl } from '../define.js';
import { containerSecurityPointer, podSecurityPointer, PSS_APPLIES_TO, PSS_STAGES, userNamespaceRelaxed } from './shared.js';

const SINCE = 23;

export default defineControl({
  meta: {
    id: 'APP-010',
    name: 'pss-run-as-user',
    surface: 'application',
    severity: 'high',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'restricted', checkId: 'runAsUser', since: SINCE },
    docs: {
      summary:
        'No pod or container sets runAsUser: 0 (policy v1.23+). From policy v1.35 pods in their own user namespace ' +
        '(spec.hostUsers: false) are exempt.',
      rationale:
        'runAsUser: 0 asks explicitly for root. It also defeats runAsNonRoot at run time: the kubelet refuses the ' +
        'container, so the setting is at best a broken deployment and at worst a root container where runAsNonRoot was ' +
        'forgotten on one container.',
      remediation:
        'Remove runAsUser: 0, or set a non-zero UID (for example 10001) that owns the files the application writes. ' +
        'Combine it with runAsNonRoot: true.',
    },
    frameworks: {
      seed: ['B1', 'K9'],
      pss: ['runAsUser'],
      'cis-kubernetes': ['5.2.7'],
      'azure-policy': ['f06ddb64-5fa3-4b77-b166-acb36f7f6042'],
    },
    messages: {
      podRoot: 'The pod sets securityContext.runAsUser to 0 (root).',
      containerRoot: "Container '{{container}}' sets runAsUser to 0 (root).",
    },
  },
  check(w, ctx) {
    if (ctx.pssVersion < SINCE || userNamespaceRelaxed(w, ctx.pssVersion)) return;
    if (w.podSecurityContext.runAsUser === 0) {
      ctx.report({ messageId: 'podRoot', pointer: podSecurityPointer(w, 'runAsUser') });
    }
    for (const c of w.containers) {
      if (c.securityContext.runAsUser === 0) {
        ctx.report({ messageId: 'containerRoot', pointer: containerSecurityPointer(c, 'runAsUser'), data: { container: c.name } });
      }
    }
  },
});
