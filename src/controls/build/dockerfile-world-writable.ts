import { defineControl } from '../define.js';
import { imageInstructions, modeChanges } from './dockerfile-shell.js';

export default defineControl({
  meta: {
    id: 'BLD-009',
    name: 'dockerfile-world-writable',
    surface: 'build',
    severity: 'medium',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The image does not make files or directories world-writable.',
      rationale:
        'A world-writable file or directory (chmod 777, 666, a+w, o+w) can be changed by every user in the container: a ' +
        'compromised low-privilege process rewrites application code, scripts run by root or configuration read by ' +
        'another process, and a writable directory on PATH or under the application root lets it plant binaries. ' +
        'Checked in the stages that make the image: chmod, install -m and mkdir -m in RUN, and --chmod on COPY/ADD. ' +
        'Modes with the sticky bit (1777, as for /tmp) are not reported.',
      remediation:
        'Give ownership to the user that must write (`COPY --chown=10001:10001`, `chown`) and use 755/644 or 750/640; ' +
        'put data the application writes on a volume (emptyDir) and keep the root file system read-only.',
    },
    frameworks: { seed: ['B4', 'B8'] },
    messages: {
      worldWritable: "{{instruction}} makes '{{path}}' world-writable (mode {{mode}}).",
    },
  },
  check(subject, ctx) {
    for (const { instruction: i } of imageInstructions(subject)) {
      const change = modeChanges(i).find((c) => c.worldWritable);
      if (change) ctx.report({ messageId: 'worldWritable', pointer: i.pointer, data: { instruction: i.keyword, path: change.path, mode: change.mode } });
    }
  },
});
