import type { DockerInstruction } from '../../model/dockerfile.js';
import { defineControl } from '../define.js';
import { finalChain, fromInstruction, stageLabel } from './dockerfile-shell.js';

export default defineControl({
  meta: {
    id: 'BLD-010',
    name: 'dockerfile-missing-healthcheck',
    surface: 'build',
    severity: 'low',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The image declares a HEALTHCHECK (CIS Docker 4.6).',
      rationale:
        'A HEALTHCHECK lets Docker, Compose and Swarm see that a running container no longer serves and restart or ' +
        'replace it. Only the stages that make the image count (the final stage and the stages it is built FROM); ' +
        '`HEALTHCHECK NONE` disables a check inherited from the base image and is reported with its own message. A ' +
        'HEALTHCHECK inherited from the base image is not visible in the Dockerfile. Images that run on Kubernetes do ' +
        'not need it: the kubelet ignores HEALTHCHECK and uses the pod’s liveness, readiness and startup probes instead ' +
        '(checked on the manifests). Platform teams whose images only run on AKS may therefore disable this control in ' +
        'palisade.yaml (`controls: { BLD-010: { enabled: false } }`) and keep it for images that also run on plain Docker.',
      remediation:
        'Add `HEALTHCHECK --interval=30s --timeout=3s CMD ["/app/healthcheck"]` (a small binary or `wget -q --spider ' +
        'http://localhost:8080/healthz` where a shell exists), or disable the control for Kubernetes-only images and ' +
        'define probes in the pod spec.',
    },
    frameworks: { seed: ['B8', 'B9'], 'cis-docker': ['4.6'] },
    messages: {
      missing: "The final stage '{{stage}}' (FROM {{image}}) has no HEALTHCHECK.",
      disabled: "The final stage '{{stage}}' disables health checking with HEALTHCHECK NONE.",
    },
  },
  check(subject, ctx) {
    let last: DockerInstruction | undefined;
    for (const stage of finalChain(subject)) {
      const checks = stage.instructions.filter((i) => i.keyword === 'HEALTHCHECK');
      last = checks[checks.length - 1];
      if (last) break;
    }
    const final = subject.finalStage;
    const stage = stageLabel(final);
    if (!last) {
      ctx.report({ messageId: 'missing', pointer: fromInstruction(final)?.pointer ?? final.pointer, data: { stage, image: final.baseImageRaw } });
    } else if (/^none$/i.test(last.args.trim())) {
      ctx.report({ messageId: 'disabled', pointer: last.pointer, data: { stage } });
    }
  },
});
