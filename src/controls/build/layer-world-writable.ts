import { imageFacts } from '../../image/facts.js';
import { defineControl } from '../define.js';
import { layerPointer, layerWhere } from './image-layer-facts.js';

export default defineControl({
  meta: {
    id: 'BLD-112',
    name: 'layer-world-writable',
    surface: 'build',
    severity: 'medium',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'No file or folder under a system path (/etc, /usr, /bin, /sbin, /lib…) of a built image is world-writable.',
      rationale:
        'A world-writable system file or folder lets any user in the container (the unprivileged application user too) ' +
        'replace binaries, libraries or configuration that root later runs or reads: a privilege escalation and a way to ' +
        'persist. Sticky folders (like /tmp) and symbolic links are not counted.',
      remediation: 'Fix the modes in the Dockerfile (`chmod o-w`), or find where a COPY or archive brings them in; never `chmod 777`.',
    },
    frameworks: { seed: ['B4', 'B8'] },
    messages: {
      writable: "World-writable {{path}} (mode {{mode}}) in {{where}} of image '{{image}}'.",
    },
  },
  check(subject, ctx) {
    const image = imageFacts(subject);
    if (!image) return;
    for (const f of image.layerFiles) {
      if (f.kind !== 'world-writable') continue;
      ctx.report({
        messageId: 'writable',
        pointer: layerPointer(image, f),
        data: { path: f.path, mode: f.mode ?? '', where: layerWhere(f), image: image.name, layer: f.digest, role: f.role, deleted: f.deleted ? 'yes' : 'no' },
      });
    }
  },
});
