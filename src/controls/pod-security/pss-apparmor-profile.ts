import { defineControl } from '../define.js';
import type { JsonObject } from '../../model/types.js';
import {
  annotationPointer,
  APPARMOR_CONTAINER_ANNOTATION_PREFIX,
  containerSecurityPointer,
  isObject,
  podSecurityPointer,
  PSS_APPLIES_TO,
  PSS_STAGES,
  show,
} from './shared.js';

const ALLOWED_TYPES = ['RuntimeDefault', 'Localhost'];

function forbiddenType(sc: JsonObject): string | undefined {
  const profile = sc.appArmorProfile;
  if (!isObject(profile)) return undefined;
  const type = profile.type;
  if (typeof type === 'string' && ALLOWED_TYPES.includes(type)) return undefined;
  return type === undefined || type === null ? '' : show(type);
}

/** The legacy annotation allows unset/empty, runtime/default and localhost/<profile>. */
function allowedAnnotationValue(v: string): boolean {
  return v === '' || v === 'runtime/default' || v.startsWith('localhost/');
}

export default defineControl({
  meta: {
    id: 'APP-002',
    name: 'pss-apparmor-profile',
    surface: 'application',
    severity: 'medium',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'baseline', checkId: 'appArmorProfile', since: 0 },
    docs: {
      summary:
        'AppArmor is not switched off: appArmorProfile.type is RuntimeDefault or Localhost, and the legacy ' +
        'container.apparmor.security.beta.kubernetes.io/* annotations are runtime/default or localhost/<profile>.',
      rationale:
        'On nodes with AppArmor (Ubuntu node pools on AKS) the runtime confines every container with a default profile ' +
        'that blocks writes to /proc and /sys, mounts and raw kernel interfaces. An Unconfined profile removes that layer, ' +
        'so a kernel or runtime flaw is one step closer to the node. Both the securityContext field (Kubernetes 1.30+) ' +
        'and the older per-container annotation are checked, because either one switches the profile.',
      remediation:
        'Remove appArmorProfile (the runtime default applies) or set type: RuntimeDefault, or Localhost with a profile you ' +
        'ship to the nodes. Replace container.apparmor.security.beta.kubernetes.io/<container>: unconfined annotations ' +
        'with the securityContext field.',
    },
    frameworks: {
      seed: ['A10', 'K2'],
      pss: ['appArmorProfile'],
      'azure-policy': ['511f5417-5d12-434d-ab2e-816901e72a5e'],
    },
    messages: {
      podProfile: "The pod sets a forbidden AppArmor profile: securityContext.appArmorProfile.type is '{{type}}'.",
      containerProfile: "Container '{{container}}' sets a forbidden AppArmor profile: appArmorProfile.type is '{{type}}'.",
      annotation: "Annotation '{{annotation}}' sets a forbidden AppArmor profile '{{value}}' for container '{{container}}'.",
    },
  },
  check(w, ctx) {
    const podType = forbiddenType(w.podSecurityContext);
    if (podType !== undefined) {
      ctx.report({ messageId: 'podProfile', pointer: podSecurityPointer(w, 'appArmorProfile', 'type'), data: { type: podType } });
    }
    for (const c of w.containers) {
      const type = forbiddenType(c.securityContext);
      if (type !== undefined) {
        ctx.report({
          messageId: 'containerProfile',
          pointer: containerSecurityPointer(c, 'appArmorProfile', 'type'),
          data: { container: c.name, type },
        });
      }
    }
    for (const [key, value] of Object.entries(w.podMetadata.annotations)) {
      if (!key.startsWith(APPARMOR_CONTAINER_ANNOTATION_PREFIX) || allowedAnnotationValue(value)) continue;
      ctx.report({
        messageId: 'annotation',
        pointer: annotationPointer(w, key),
        data: { annotation: key, value, container: key.slice(APPARMOR_CONTAINER_ANNOTATION_PREFIX.length) },
      });
    }
  },
});
