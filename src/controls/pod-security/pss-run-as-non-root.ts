import { defineControl } from '../define.js';
import { containerSecurityPointer, isSet, podSecurityPointer, PSS_APPLIES_TO, PSS_STAGES, show, userNamespaceRelaxed } from './shared.js';

export default defineControl({
  meta: {
    id: 'APP-009',
    name: 'pss-run-as-non-root',
    surface: 'application',
    severity: 'medium',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'restricted', checkId: 'runAsNonRoot', since: 0 },
    docs: {
      summary:
        'Containers must run as non-root: runAsNonRoot: true at pod level, or on every container, and never false. From ' +
        'policy v1.35 pods in their own user namespace (spec.hostUsers: false) are exempt.',
      rationale:
        'Most images still default to UID 0. Root in a container owns every file of the image, can use the capabilities ' +
        'the runtime grants, and is root on the node the moment any isolation layer fails. runAsNonRoot: true makes the ' +
        'kubelet refuse to start a container whose user resolves to UID 0, whatever the image says.',
      remediation:
        'Set spec.securityContext.runAsNonRoot: true (and a non-zero runAsUser if the image has no numeric USER). Remove ' +
        'any runAsNonRoot: false override. Build images with a numeric non-root USER.',
    },
    frameworks: {
      seed: ['B1', 'K9'],
      pss: ['runAsNonRoot'],
      'cis-kubernetes': ['5.2.7'],
      'azure-policy': ['f06ddb64-5fa3-4b77-b166-acb36f7f6042'],
    },
    messages: {
      podFalse: 'The pod sets securityContext.runAsNonRoot to {{value}}; it must be true.',
      containerFalse: "Container '{{container}}' sets runAsNonRoot to {{value}}; it must be true.",
      containerUnset: "Container '{{container}}' may run as root: runAsNonRoot is not true for the container or the pod.",
    },
  },
  check(w, ctx) {
    if (userNamespaceRelaxed(w, ctx.pssVersion)) return;
    const pod = w.podSecurityContext.runAsNonRoot;
    if (isSet(pod) && pod !== true) {
      ctx.report({ messageId: 'podFalse', pointer: podSecurityPointer(w, 'runAsNonRoot'), data: { value: show(pod) } });
    }
    const podTrue = pod === true;
    for (const c of w.containers) {
      const v = c.securityContext.runAsNonRoot;
      if (isSet(v)) {
        if (v !== true) {
          ctx.report({
            messageId: 'containerFalse',
            pointer: containerSecurityPointer(c, 'runAsNonRoot'),
            data: { container: c.name, value: show(v) },
          });
        }
      } else if (!podTrue) {
        ctx.report({ messageId: 'containerUnset', pointer: c.pointer, data: { container: c.name } });
      }
    }
  },
});
