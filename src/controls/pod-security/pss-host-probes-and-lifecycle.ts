import { defineControl } from '../define.js';
import { joinPointer } from '../../parse/lines.js';
import { dig, isSet, PSS_APPLIES_TO, PSS_STAGES, show } from './shared.js';

const SINCE = 34;
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HOOKS = ['postStart', 'preStop'] as const;
const HANDLERS = ['httpGet', 'tcpSocket'] as const;

export default defineControl({
  meta: {
    id: 'NOD-006',
    name: 'pss-host-probes-and-lifecycle',
    surface: 'node',
    severity: 'medium',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'baseline', checkId: 'hostProbesAndHostLifecycle', since: SINCE },
    docs: {
      summary: 'Probes and lifecycle hooks do not name a host: httpGet.host and tcpSocket.host stay unset.',
      rationale:
        'The kubelet runs httpGet and tcpSocket probes and lifecycle hooks from the node. A host field makes the kubelet ' +
        'connect, with the node\'s network identity, to any address the pod author chooses: other nodes, the cloud ' +
        'metadata endpoint, services on the node\'s localhost. That turns probes into a server-side request forgery ' +
        'channel that NetworkPolicy does not see. Policy v1.34 and later forbid it.',
      remediation:
        'Remove the host field from livenessProbe, readinessProbe, startupProbe and lifecycle.postStart/preStop handlers: ' +
        'the kubelet then targets the pod\'s own IP. Set an HTTP Host header with httpGet.httpHeaders if the application ' +
        'needs one.',
    },
    frameworks: {
      seed: ['B2', 'K9'],
      pss: ['hostProbesAndHostLifecycle'],
    },
    messages: {
      host: "Container '{{container}}' sets a probe or lifecycle host: {{field}} is '{{host}}'.",
    },
  },
  check(w, ctx) {
    if (ctx.pssVersion < SINCE) return;
    for (const c of w.containers) {
      const sites: { path: string[] }[] = [
        ...PROBES.map((p) => ({ path: [p] })),
        ...HOOKS.map((h) => ({ path: ['lifecycle', h] })),
      ];
      for (const { path } of sites) {
        for (const handler of HANDLERS) {
          const host = dig(c.spec, ...path, handler, 'host');
          if (!isSet(host) || host === '') continue;
          ctx.report({
            messageId: 'host',
            pointer: joinPointer(c.pointer, ...path, handler, 'host'),
            data: { container: c.name, field: [...path, handler, 'host'].join('.'), host: show(host) },
          });
        }
      }
    }
  },
});
