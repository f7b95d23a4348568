import { defineControl } from '../define.js';
import type { JsonObject } from '../../model/types.js';
import { containerSecurityPointer, isObject, podSecurityPointer, PSS_APPLIES_TO, PSS_STAGES, show, windowsRelaxed } from './shared.js';

const SINCE = 19;
const ALLOWED = ['RuntimeDefault', 'Localhost'];

/** undefined: no profile written; otherwise whether the written type is allowed, and the type. */
function profileOf(sc: JsonObject): { ok: boolean; type: string } | undefined {
  const profile = sc.seccompProfile;
  if (!isObject(profile)) return undefined;
  const type = profile.type;
  return { ok: typeof type === 'string' && ALLOWED.includes(type), type: type === undefined || type === null ? '' : show(type) };
}

export default defineControl({
  meta: {
    id: 'APP-011',
    name: 'pss-seccomp-restricted',
    surface: 'application',
    severity: 'medium',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'restricted', checkId: 'seccompProfile_restricted', since: SINCE },
    docs: {
      summary:
        'A seccomp profile is set explicitly: seccompProfile.type RuntimeDefault or Localhost at pod level or on every ' +
        'container (policy v1.19+; Windows pods are exempt from v1.25).',
      rationale:
        'Kubernetes runs containers Unconfined unless a profile is requested (the kubelet SeccompDefault setting is not ' +
        'guaranteed on every node pool). Without a filter, the whole system-call surface of the kernel is reachable from ' +
        'the container, including calls used by past container escapes. The restricted level therefore requires the ' +
        'profile to be written in the manifest.',
      remediation:
        'Set spec.securityContext.seccompProfile.type: RuntimeDefault once at pod level (containers inherit it), or ' +
        'Localhost with localhostProfile for a tailored profile. Never set Unconfined on a container.',
    },
    frameworks: {
      seed: ['B3', 'A10', 'K3'],
      pss: ['seccompProfile_restricted'],
      'cis-kubernetes': ['5.7.2'],
      'azure-policy': ['975ce327-682c-4f2e-aa46-b9598289b86c'],
    },
    messages: {
      podForbidden: "The pod sets seccompProfile.type '{{type}}'; only RuntimeDefault or Localhost are allowed.",
      containerForbidden: "Container '{{container}}' sets seccompProfile.type '{{type}}'; only RuntimeDefault or Localhost are allowed.",
      containerUnset: "Container '{{container}}' has no seccompProfile: set RuntimeDefault or Localhost on the pod or the container.",
    },
  },
  check(w, ctx) {
    if (ctx.pssVersion < SINCE || windowsRelaxed(w, ctx.pssVersion)) return;
    const pod = profileOf(w.podSecurityContext);
    if (pod && !pod.ok) {
      ctx.report({ messageId: 'podForbidden', pointer: podSecurityPointer(w, 'seccompProfile', 'type'), data: { type: pod.type } });
    }
    const podSet = pod?.ok === true;
    for (const c of w.containers) {
      const own = profileOf(c.securityContext);
      if (own) {
        if (!own.ok) {
          ctx.report({
            messageId: 'containerForbidden',
            pointer: containerSecurityPointer(c, 'seccompProfile', 'type'),
            data: { container: c.name, type: own.type },
          });
        }
      } else if (!podSet) {
        ctx.report({ messageId: 'containerUnset', pointer: c.pointer, data: { container: c.name } });
      }
    }
  },
});
