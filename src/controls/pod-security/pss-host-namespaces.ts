import { defineControl } from '../define.js';
import { joinPointer } from '../../parse/lines.js';
import { PSS_APPLIES_TO, PSS_STAGES } from './shared.js';

const FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export default defineControl({
  meta: {
    id: 'NOD-001',
    name: 'pss-host-namespaces',
    surface: 'node',
    severity: 'high',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'baseline', checkId: 'hostNamespaces', since: 0 },
    docs: {
      summary: 'Pods do not share the node\'s network, process or IPC namespaces (hostNetwork, hostPID, hostIPC).',
      rationale:
        'A pod in the host network namespace sees every interface of the node, can bind any node port and reaches services ' +
        'that listen only on localhost (the kubelet read-only port, cloud metadata proxies, node agents), and it escapes ' +
        'NetworkPolicy. hostPID lets it list, signal and, with ptrace, inspect every process of the node, including the ' +
        'secrets in their environment; hostIPC lets it read shared memory of other workloads. Each is a short step from a ' +
        'container compromise to a node compromise.',
      remediation:
        'Remove spec.hostNetwork, spec.hostPID and spec.hostIPC (or set them to false). Expose the workload through a Service ' +
        'instead of the node network; node-level agents that truly need a host namespace belong in a dedicated namespace ' +
        'with a privileged Pod Security level and an exemption that names an owner.',
    },
    frameworks: {
      seed: ['B1', 'B2', 'K9'],
      pss: ['hostNamespaces'],
      'cis-kubernetes': ['5.2.3', '5.2.4', '5.2.5'],
      'azure-policy': ['47a1ee2f-2a2a-4576-bf2a-e0e36709c2b8', '82985f06-dc18-4a48-bc1c-b9f4f0098cfe'],
    },
    messages: {
      hostNamespace: 'The pod shares host namespaces: {{field}} is true.',
    },
  },
  check(w, ctx) {
    for (const field of FIELDS) {
      if (w.podSpec[field] === true) {
        ctx.report({ messageId: 'hostNamespace', pointer: joinPointer(w.podSpecPointer, field), data: { field } });
      }
    }
  },
});
