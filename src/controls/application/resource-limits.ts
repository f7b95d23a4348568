import { isObject } from '../../normalize/workload.js';
import { defineControl } from '../define.js';

const isSet = (v: unknown) => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number';

export default defineControl({
  meta: {
    id: 'APP-025',
    name: 'resource-limits',
    surface: 'application',
    severity: 'medium',
    appliesTo: ['k8s.workload'],
    stages: ['ci', 'admission', 'audit'],
    docs: {
      summary: 'Every container (including init containers) sets a CPU and a memory limit.',
      rationale:
        'A container without limits can take all the CPU and memory of its node. A bug, a memory leak or an attacker mining ' +
        'cryptocurrency in one pod then starves every other pod on the node, including system agents, and memory pressure ' +
        'makes the kubelet evict neighbours. Limits are part of the runtime configuration standard that the guidance asks ' +
        'to enforce automatically. A LimitRange can fill in defaults at admission, but a manifest scan cannot see it: ' +
        'exempt the namespace if it relies on one. Ephemeral debug containers cannot set resources and are skipped.',
      remediation:
        'Set resources.limits.cpu and resources.limits.memory on every container and init container, from measured usage ' +
        '(e.g. the Vertical Pod Autoscaler in recommendation mode), and requests alongside them. Add a LimitRange with ' +
        'defaults to each namespace as a safety net.',
    },
    frameworks: {
      seed: ['C9'],
      'azure-policy': ['e345eecc-fa47-480f-9e88-67dcc122b164'],
    },
    messages: {
      noCpuLimit: "Container '{{container}}' has no CPU limit.",
      noMemoryLimit: "Container '{{container}}' has no memory limit.",
    },
  },
  check(workload, ctx) {
    for (const c of workload.containers) {
      if (c.role === 'ephemeral') continue; // the API does not allow resources on ephemeral containers
      const resources = isObject(c.spec.resources) ? c.spec.resources : undefined;
      const limits = resources && isObject(resources.limits) ? resources.limits : undefined;
      const pointer = limits ? `${c.pointer}/resources/limits` : resources ? `${c.pointer}/resources` : c.pointer;
      if (!isSet(limits?.cpu)) ctx.report({ messageId: 'noCpuLimit', pointer, data: { container: c.name } });
      if (!isSet(limits?.memory)) ctx.report({ messageId: 'noMemoryLimit', pointer, data: { container: c.name } });
    }
  },
});
