import { imageFacts } from '../../image/facts.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'BLD-101',
    name: 'image-missing-source-label',
    surface: 'build',
    severity: 'low',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'A built image names its source repository in the org.opencontainers.image.source label.',
      rationale:
        'Without a source label nobody can tell, from the image in a registry or on a node, which repository and ' +
        'which build produced it: who to call when it is vulnerable, where to fix it, and whether it was built by the ' +
        'pipeline at all. Applies to built images (config JSON, docker inspect, archives), not to Dockerfiles.',
      remediation:
        'Add `LABEL org.opencontainers.image.source="https://github.com/org/repo"` (and `org.opencontainers.image.revision`) ' +
        'in the Dockerfile, or let the build set it (`docker buildx build --label …`, docker/metadata-action).',
    },
    frameworks: { seed: ['B8'] },
    messages: {
      missing: "Image '{{image}}' has no org.opencontainers.image.source label: its source repository is unknown.",
    },
  },
  check(subject, ctx) {
    const image = imageFacts(subject);
    if (!image) return;
    const source = image.labels['org.opencontainers.image.source'];
    if (source !== undefined && source.trim() !== '') return;
    ctx.report({ messageId: 'missing', pointer: image.pointers.labels, data: { image: image.name } });
  },
});
