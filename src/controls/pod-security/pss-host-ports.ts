import { defineControl } from '../define.js';
import { joinPointer } from '../../parse/lines.js';
import { isObject, isSet, PSS_APPLIES_TO, PSS_STAGES, show } from './shared.js';

export default defineControl({
  meta: {
    id: 'NOD-004',
    name: 'pss-host-ports',
    surface: 'node',
    severity: 'medium',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'baseline', checkId: 'hostPorts', since: 0 },
    docs: {
      summary: 'Containers do not bind ports on the node (ports[*].hostPort).',
      rationale:
        'A hostPort opens the port on the node\'s own address, outside the Service and NetworkPolicy model: it bypasses ' +
        'the load balancer and ingress controls the platform relies on, exposes the workload to anything that can reach ' +
        'the node, and pins the pod to nodes where the port is free.',
      remediation:
        'Remove ports[*].hostPort (or set it to 0) and publish the port through a Service (ClusterIP, LoadBalancer or an ' +
        'Ingress). containerPort alone is enough for the pod network.',
    },
    frameworks: {
      seed: ['B2', 'K9'],
      pss: ['hostPorts'],
      'cis-kubernetes': ['5.2.13'],
      'azure-policy': ['82985f06-dc18-4a48-bc1c-b9f4f0098cfe'],
    },
    messages: {
      hostPort: "Container '{{container}}' binds hostPort {{hostPort}} on the node.",
    },
  },
  check(w, ctx) {
    for (const c of w.containers) {
      const ports = c.spec.ports;
      if (!Array.isArray(ports)) continue;
      ports.forEach((p, i) => {
        if (!isObject(p)) return;
        const hostPort = p.hostPort;
        if (!isSet(hostPort) || hostPort === 0) return;
        ctx.report({
          messageId: 'hostPort',
          pointer: joinPointer(c.pointer, 'ports', i, 'hostPort'),
          data: { container: c.name, hostPort: typeof hostPort === 'number' ? hostPort : show(hostPort) },
        });
      });
    }
  },
});
