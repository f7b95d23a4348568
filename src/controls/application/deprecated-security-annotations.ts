import type { JsonObject } from '../../model/types.js';
import { isObject } from '../../normalize/workload.js';
import { joinPointer } from '../../parse/lines.js';
import { defineControl } from '../define.js';

const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER = 'container.apparmor.security.beta.kubernetes.io/';

interface Profile {
  type: string;
  localhostProfile?: string;
}

/** The securityContext profile an annotation value stands for: runtime/default, docker/default, unconfined, localhost/<p>. */
function profileOfAnnotation(value: string): Profile | undefined {
  const v = value.trim();
  if (v === 'runtime/default' || v === 'docker/default') return { type: 'RuntimeDefault' };
  if (v === 'unconfined') return { type: 'Unconfined' };
  if (v.startsWith('localhost/') && v.length > 'localhost/'.length) return { type: 'Localhost', localhostProfile: v.slice('localhost/'.length) };
  return undefined;
}

function profileOfField(v: unknown): Profile | undefined {
  if (!isObject(v) || typeof v.type !== 'string') return undefined;
  const p: Profile = { type: v.type };
  if (typeof v.localhostProfile === 'string') p.localhostProfile = v.localhostProfile;
  return p;
}

function describe(p: Profile): string {
  return p.type === 'Localhost' ? `Localhost (${p.localhostProfile ?? '?'})` : p.type;
}

function same(a: Profile, b: Profile): boolean {
  return a.type === b.type && (a.type !== 'Localhost' || a.localhostProfile === b.localhostProfile);
}

export default defineControl({
  meta: {
    id: 'APP-026',
    name: 'deprecated-security-annotations',
    surface: 'application',
    severity: 'low',
    appliesTo: ['k8s.workload'],
    stages: ['ci', 'admission', 'audit'],
    docs: {
      summary: 'Pods use securityContext.seccompProfile and appArmorProfile, not the deprecated seccomp and AppArmor annotations.',
      rationale:
        'The annotations seccomp.security.alpha.kubernetes.io/pod, container.seccomp.security.alpha.kubernetes.io/<container> ' +
        '(deprecated since Kubernetes 1.19) and container.apparmor.security.beta.kubernetes.io/<container> (deprecated since ' +
        '1.30) were replaced by the securityContext fields, which are what the kubelet applies. The API server only copies an ' +
        'annotation into a field that is unset, on pod creation, as a compatibility shim that is being removed; when an ' +
        'annotation and the field it maps to are both set and disagree, it rejects the pod. A manifest that relies on the ' +
        'annotation therefore gets a profile that depends on the cluster version, and one where an annotation disagrees with ' +
        'the field that applies (for example a container annotation saying unconfined under a pod-level RuntimeDefault) tells ' +
        'reviewers one thing and the node, depending on its version, another. Annotations naming a container the pod does ' +
        'not have do nothing at all. Findings name both values.',
      remediation:
        'Replace each annotation with the field: securityContext.seccompProfile.type (RuntimeDefault, Localhost with ' +
        'localhostProfile, or Unconfined) at pod or container level, and securityContext.appArmorProfile.type likewise; then ' +
        'delete the annotation. Where both exist, keep the field and make sure it says what was intended.',
    },
    frameworks: { seed: ['A10', 'K2', 'B3'] },
    messages: {
      deprecated: "Annotation '{{annotation}}: {{value}}' is deprecated; set {{field}} to {{expected}} instead.",
      redundant: "Annotation '{{annotation}}' repeats {{field}} ({{fieldValue}}) and is deprecated; remove it.",
      conflict:
        "Annotation '{{annotation}}' says '{{value}}' but {{field}} is '{{fieldValue}}'; which one applies depends on the Kubernetes version, and the annotation is deprecated.",
      unknownContainer: "Annotation '{{annotation}}' names container '{{container}}', which this pod does not have; it has no effect.",
    },
  },
  check(workload, ctx) {
    const byName = new Map(workload.containers.map((c) => [c.name, c]));
    const podSc = workload.podSecurityContext;
    for (const [annotation, value] of Object.entries(workload.podMetadata.annotations)) {
      let kind: 'seccompProfile' | 'appArmorProfile';
      let container: string | undefined;
      if (annotation === SECCOMP_POD) kind = 'seccompProfile';
      else if (annotation.startsWith(SECCOMP_CONTAINER)) {
        kind = 'seccompProfile';
        container = annotation.slice(SECCOMP_CONTAINER.length);
      } else if (annotation.startsWith(APPARMOR_CONTAINER)) {
        kind = 'appArmorProfile';
        container = annotation.slice(APPARMOR_CONTAINER.length);
      } else continue;

      const pointer = joinPointer(workload.podMetadataPointer, 'annotations', annotation);
      // Which field replaces the annotation, and which field currently decides (the container's, else the pod's).
      let field: string;
      let current: { profile: Profile; where: string } | undefined;
      const podProfile = profileOfField((podSc as JsonObject)[kind]);
      const podWhere = `the pod's securityContext.${kind}`;
      if (container === undefined) {
        field = podWhere;
        if (podProfile) current = { profile: podProfile, where: podWhere };
      } else {
        const c = byName.get(container);
        if (!c) {
          ctx.report({ messageId: 'unknownContainer', pointer, data: { annotation, container } });
          continue;
        }
        field = `securityContext.${kind} of container '${container}'`;
        const own = profileOfField(c.securityContext[kind]);
        if (own) current = { profile: own, where: field };
        else if (podProfile) current = { profile: podProfile, where: podWhere };
      }

      const wanted = profileOfAnnotation(value);
      if (!current) {
        ctx.report({ messageId: 'deprecated', pointer, data: { annotation, value, field, expected: wanted ? describe(wanted) : 'the intended profile' } });
      } else if (wanted && same(wanted, current.profile)) {
        ctx.report({ messageId: 'redundant', pointer, data: { annotation, field: current.where, fieldValue: describe(current.profile) } });
      } else {
        ctx.report({ messageId: 'conflict', pointer, data: { annotation, value, field: current.where, fieldValue: describe(current.profile) } });
      }
    }
  },
});
