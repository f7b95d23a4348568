import { defineControl } from '../define.js';
import {
  annotationPointer,
  containerSecurityPointer,
  dig,
  podSecurityPointer,
  PSS_APPLIES_TO,
  PSS_STAGES,
  SECCOMP_CONTAINER_ANNOTATION_PREFIX,
  SECCOMP_POD_ANNOTATION,
} from './shared.js';

/** Policy version from which the securityContext.seccompProfile fields, not the alpha annotations, are checked. */
const FIELDS_SINCE = 19;

export default defineControl({
  meta: {
    id: 'APP-005',
    name: 'pss-seccomp-baseline',
    surface: 'application',
    severity: 'medium',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'baseline', checkId: 'seccompProfile_baseline', since: 0 },
    docs: {
      summary:
        'Seccomp is not explicitly disabled: no seccompProfile.type Unconfined on the pod or a container (policy v1.19+), ' +
        'and no "unconfined" seccomp.security.alpha.kubernetes.io annotations (policy v1.0 to v1.18).',
      rationale:
        'The runtime\'s default seccomp profile blocks a few dozen system calls (keyctl, unshare, mount, bpf, ' +
        'kexec_load…) that have repeatedly served container escapes. Unconfined removes that filter, exposing the whole ' +
        'kernel system-call surface to the container. Policy versions before v1.19 expressed the profile with alpha ' +
        'annotations; later versions read the securityContext fields.',
      remediation:
        'Remove seccompProfile.type: Unconfined, or better set securityContext.seccompProfile.type: RuntimeDefault at pod ' +
        'level (or Localhost with a tailored profile). Drop the legacy seccomp.security.alpha.kubernetes.io annotations.',
    },
    frameworks: {
      seed: ['B3', 'A10', 'K3'],
      pss: ['seccompProfile_baseline'],
      'cis-kubernetes': ['5.7.2'],
      'azure-policy': ['975ce327-682c-4f2e-aa46-b9598289b86c'],
    },
    messages: {
      podProfile: 'The pod disables seccomp: securityContext.seccompProfile.type is Unconfined.',
      containerProfile: "Container '{{container}}' disables seccomp: seccompProfile.type is Unconfined.",
      podAnnotation: "Annotation '{{annotation}}' disables seccomp for the pod (seccompProfile 'unconfined').",
      containerAnnotation: "Annotation '{{annotation}}' disables seccomp for container '{{container}}' (seccompProfile 'unconfined').",
    },
  },
  check(w, ctx) {
    if (ctx.pssVersion >= FIELDS_SINCE) {
      if (dig(w.podSecurityContext, 'seccompProfile', 'type') === 'Unconfined') {
        ctx.report({ messageId: 'podProfile', pointer: podSecurityPointer(w, 'seccompProfile', 'type') });
      }
      for (const c of w.containers) {
        if (dig(c.securityContext, 'seccompProfile', 'type') === 'Unconfined') {
          ctx.report({
            messageId: 'containerProfile',
            pointer: containerSecurityPointer(c, 'seccompProfile', 'type'),
            data: { container: c.name },
          });
        }
      }
      return;
    }
    const annotations = w.podMetadata.annotations;
    if (annotations[SECCOMP_POD_ANNOTATION] === 'unconfined') {
      ctx.report({
        messageId: 'podAnnotation',
        pointer: annotationPointer(w, SECCOMP_POD_ANNOTATION),
        data: { annotation: SECCOMP_POD_ANNOTATION },
      });
    }
    for (const c of w.containers) {
      const key = SECCOMP_CONTAINER_ANNOTATION_PREFIX + c.name;
      if (annotations[key] === 'unconfined') {
        ctx.report({
          messageId: 'containerAnnotation',
          pointer: annotationPointer(w, key),
          data: { annotation: key, container: c.name },
        });
      }
    }
  },
});
