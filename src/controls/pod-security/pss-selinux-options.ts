import { defineControl } from '../define.js';
import type { JsonObject } from '../../model/types.js';
import {
  allowedSeLinuxTypes,
  containerSecurityPointer,
  isObject,
  isSet,
  podSecurityPointer,
  PSS_APPLIES_TO,
  PSS_STAGES,
  show,
} from './shared.js';

interface Violation {
  field: 'type' | 'user' | 'role';
  value: string;
}

function violations(sc: JsonObject, allowedTypes: string[]): Violation[] {
  const opts = sc.seLinuxOptions;
  if (!isObject(opts)) return [];
  const out: Violation[] = [];
  const type = opts.type;
  if (isSet(type) && type !== '' && !(typeof type === 'string' && allowedTypes.includes(type))) {
    out.push({ field: 'type', value: show(type) });
  }
  for (const field of ['user', 'role'] as const) {
    const v = opts[field];
    if (isSet(v) && v !== '') out.push({ field, value: show(v) });
  }
  return out;
}

export default defineControl({
  meta: {
    id: 'APP-003',
    name: 'pss-selinux-options',
    surface: 'application',
    severity: 'medium',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'baseline', checkId: 'seLinuxOptions', since: 0 },
    docs: {
      summary:
        'SELinux labels stay within the container domains: seLinuxOptions.type is unset or one of container_t, ' +
        'container_init_t, container_kvm_t (and container_engine_t from policy v1.31); user and role are never set.',
      rationale:
        'On SELinux nodes the container domain is what stops a process that escaped its namespaces from touching host ' +
        'files. A custom type such as spc_t or unconfined_t, or a custom user or role, runs the container outside that ' +
        'domain. The level (MCS categories) may be set: it only separates containers from each other.',
      remediation:
        'Remove seLinuxOptions.type, user and role from the pod and container securityContext, or use one of the allowed ' +
        'container types. Keep seLinuxOptions.level if you assign categories per workload.',
    },
    frameworks: {
      seed: ['A10', 'K9'],
      pss: ['seLinuxOptions'],
      'azure-policy': ['e1e6c427-07d9-46ab-9689-bfa85431e636'],
    },
    messages: {
      podType: "The pod sets seLinuxOptions.type '{{value}}', which is not an allowed container type ({{allowed}}).",
      containerType: "Container '{{container}}' sets seLinuxOptions.type '{{value}}', which is not an allowed container type ({{allowed}}).",
      podUserRole: "The pod sets seLinuxOptions.{{field}} to '{{value}}'; a custom SELinux {{field}} is forbidden.",
      containerUserRole: "Container '{{container}}' sets seLinuxOptions.{{field}} to '{{value}}'; a custom SELinux {{field}} is forbidden.",
    },
  },
  check(w, ctx) {
    const allowedTypes = allowedSeLinuxTypes(ctx.pssVersion);
    const allowed = allowedTypes.join(', ');
    for (const v of violations(w.podSecurityContext, allowedTypes)) {
      const pointer = podSecurityPointer(w, 'seLinuxOptions', v.field);
      if (v.field === 'type') ctx.report({ messageId: 'podType', pointer, data: { value: v.value, allowed } });
      else ctx.report({ messageId: 'podUserRole', pointer, data: { field: v.field, value: v.value } });
    }
    for (const c of w.containers) {
      for (const v of violations(c.securityContext, allowedTypes)) {
        const pointer = containerSecurityPointer(c, 'seLinuxOptions', v.field);
        if (v.field === 'type') {
          ctx.report({ messageId: 'containerType', pointer, data: { container: c.name, value: v.value, allowed } });
        } else {
          ctx.report({ messageId: 'containerUserRole', pointer, data: { container: c.name, field: v.field, value: v.value } });
        }
      }
    }
  },
});
