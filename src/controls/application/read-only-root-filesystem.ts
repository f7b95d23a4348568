import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'APP-020',
    name: 'read-only-root-filesystem',
    surface: 'application',
    severity: 'medium',
    appliesTo: ['k8s.workload'],
    stages: ['ci', 'admission', 'audit'],
    docs: {
      summary: 'Containers run with a read-only root file system.',
      rationale:
        'A writable root file system lets an intruder drop tools and change binaries or configuration inside the container. ' +
        'With it read-only, writes are confined to the volumes the workload declares (emptyDir, PVCs).',
      remediation: 'Set securityContext.readOnlyRootFilesystem: true on every container and mount an emptyDir where the application must write.',
    },
    frameworks: {
      seed: ['A12'],
      'cis-kubernetes': ['5.7.3'],
      'azure-policy': ['df49d893-a74c-421d-bc95-c663042e5b80'],
    },
    messages: {
      writable: "Container '{{container}}' has a writable root file system.",
    },
  },
  check(workload, ctx) {
    for (const c of workload.containers) {
      // Ephemeral debug containers are added by `kubectl debug`, not declared by the workload owner.
      if (c.role === 'ephemeral') continue;
      if (c.securityContext.readOnlyRootFilesystem !== true) {
        const pointer = 'readOnlyRootFilesystem' in c.securityContext
          ? `${c.pointer}/securityContext/readOnlyRootFilesystem`
          : c.pointer;
        ctx.report({ messageId: 'writable', pointer, data: { container: c.name } });
      }
    }
  },
});
