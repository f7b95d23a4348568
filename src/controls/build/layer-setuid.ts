import { imageFacts } from '../../image/facts.js';
import { defineControl } from '../define.js';
import { layerPointer, layerWhere } from './image-layer-facts.js';

export default defineControl({
  meta: {
    id: 'BLD-111',
    name: 'layer-setuid',
    surface: 'build',
    severity: 'medium',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The files of a built image carry no setuid or setgid bit.',
      rationale:
        'A setuid/setgid executable runs with its owner\'s (usually root\'s) privileges whoever starts it: any code ' +
        'execution in the container can use it to become root (CIS Docker 4.8). Most images need none; the bits usually ' +
        'come from the base distribution (su, passwd, mount). Found in the layers themselves, so it also sees what a ' +
        'Dockerfile cannot (files from the base image, COPY of files with the bit).',
      remediation:
        'Remove the bits in the final stage: `RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true`, or use ' +
        'a distroless/minimal base; in Kubernetes also set allowPrivilegeEscalation: false.',
    },
    frameworks: { seed: ['B1', 'B8', 'B9'], 'cis-docker': ['4.8'] },
    messages: {
      bit: "{{bit}} file {{path}} (mode {{mode}}) in {{where}} of image '{{image}}'.",
    },
  },
  check(subject, ctx) {
    const image = imageFacts(subject);
    if (!image) return;
    for (const f of image.layerFiles) {
      if (f.kind !== 'setuid' && f.kind !== 'setgid') continue;
      ctx.report({
        messageId: 'bit',
        pointer: layerPointer(image, f),
        data: { bit: f.kind, path: f.path, mode: f.mode ?? '', where: layerWhere(f), image: image.name, layer: f.digest, role: f.role, deleted: f.deleted ? 'yes' : 'no' },
      });
    }
  },
});
