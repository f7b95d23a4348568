import { isObject } from '../../normalize/workload.js';
import { defineControl } from '../define.js';

const SSH_PORT = 22;
const isSshName = (v: unknown) => typeof v === 'string' && v.toLowerCase() === 'ssh';

export default defineControl({
  meta: {
    id: 'APP-024',
    name: 'ssh-port-exposed',
    surface: 'application',
    severity: 'high',
    appliesTo: ['k8s.workload', 'k8s.object'],
    stages: ['ci', 'admission', 'audit'],
    docs: {
      summary: "Containers do not declare SSH (port 22 or a port named 'ssh') and Services do not expose it.",
      rationale:
        'An SSH server in a container is a second, unaudited way in: it has its own credentials (often baked into the image ' +
        'or shared), bypasses the Kubernetes API, RBAC and its audit log, and gives an interactive shell to whoever gets a ' +
        'key. Containers are immutable and are debugged with `kubectl exec` or `kubectl debug`, which are authenticated with ' +
        'Entra ID and recorded. A Service that forwards port 22 (or a target port named ssh) publishes that door, to the ' +
        'whole cluster for ClusterIP and beyond it for NodePort and LoadBalancer.',
      remediation:
        'Remove the SSH server from the image and the port from the pod spec and Service; use `kubectl exec`/`kubectl debug` ' +
        '(with Azure RBAC for Kubernetes) for troubleshooting, and a file-transfer service with its own identity if SFTP is ' +
        'the product. If the workload is an SSH/SFTP service by design, run it in its own namespace behind a NetworkPolicy ' +
        'and record an exemption with an owner.',
    },
    frameworks: { seed: ['B2'] },
    messages: {
      containerPort: "Container '{{container}}' exposes the SSH port {{port}}.",
      containerPortName: "Container '{{container}}' declares a port named '{{name}}' ({{port}}), an SSH endpoint.",
      servicePort: "{{type}} Service '{{service}}' exposes SSH: port {{port}} to target port {{targetPort}}.",
    },
  },
  check(subject, ctx) {
    if (subject.type === 'k8s.workload') {
      for (const c of subject.containers) {
        const ports = c.spec.ports;
        if (!Array.isArray(ports)) continue;
        ports.forEach((p, i) => {
          if (!isObject(p)) return;
          const at = `${c.pointer}/ports/${i}`;
          const port = typeof p.containerPort === 'number' ? p.containerPort : 0;
          if (port === SSH_PORT || p.hostPort === SSH_PORT) {
            const field = port === SSH_PORT ? 'containerPort' : 'hostPort';
            ctx.report({ messageId: 'containerPort', pointer: `${at}/${field}`, data: { container: c.name, port: SSH_PORT } });
          } else if (isSshName(p.name)) {
            ctx.report({ messageId: 'containerPortName', pointer: `${at}/name`, data: { container: c.name, name: String(p.name), port } });
          }
        });
      }
      return;
    }
    if (subject.resource.kind !== 'Service') return;
    const spec = subject.object.spec;
    if (!isObject(spec) || !Array.isArray(spec.ports)) return;
    const type = typeof spec.type === 'string' ? spec.type : 'ClusterIP';
    const service = subject.resource.name ?? '(unnamed)';
    spec.ports.forEach((p, i) => {
      if (!isObject(p)) return;
      const port = typeof p.port === 'number' ? p.port : undefined;
      // targetPort defaults to port; a string names a container port.
      const target: unknown = p.targetPort ?? port;
      let field: string | undefined;
      if (port === SSH_PORT) field = 'port';
      else if (target === SSH_PORT || isSshName(target)) field = 'targetPort';
      else if (isSshName(p.name)) field = 'name';
      if (!field) return;
      ctx.report({
        messageId: 'servicePort',
        pointer: `/spec/ports/${i}/${field}`,
        data: { type, service, port: port ?? '?', targetPort: typeof target === 'number' || typeof target === 'string' ? target : '?' },
      });
    });
  },
});
