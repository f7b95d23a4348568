import { defineControl } from '../define.js';
import { imageInstructions, modeChanges } from './dockerfile-shell.js';

export default defineControl({
  meta: {
    id: 'BLD-012',
    name: 'dockerfile-setuid-chmod',
    surface: 'build',
    severity: 'medium',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The Dockerfile does not set the setuid or setgid bit on files.',
      rationale:
        'A setuid (or setgid) executable runs with its owner’s (group’s) identity whatever user starts it: a setuid-root ' +
        'binary turns any code execution as the unprivileged container user into root, defeating USER and ' +
        'runAsNonRoot. Checked in the stages that make the image: chmod u+s / g+s / +s and four-digit modes with 4xxx or ' +
        '2xxx in RUN (also install -m, mkdir -m) and --chmod on COPY/ADD. Removing the bits (chmod u-s, a-s) is what CIS ' +
        'recommends and is not reported. Setuid files that arrive with the base image or packages are found in the ' +
        'image layers, not in the Dockerfile.',
      remediation:
        'Do not add setuid/setgid bits; give the process the one capability it needs in the pod spec instead ' +
        '(securityContext.capabilities.add, e.g. NET_BIND_SERVICE) and run with allowPrivilegeEscalation: false. ' +
        'To strip existing bits: `RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true`.',
    },
    frameworks: { seed: ['B1', 'B8', 'B9'], 'cis-docker': ['4.8'] },
    messages: {
      setuid: "{{instruction}} sets the {{bits}} bit on '{{path}}' (mode {{mode}}).",
    },
  },
  check(subject, ctx) {
    for (const { instruction: i } of imageInstructions(subject)) {
      const change = modeChanges(i).find((c) => c.setuid || c.setgid);
      if (!change) continue;
      const bits = change.setuid && change.setgid ? 'setuid and setgid' : change.setuid ? 'setuid' : 'setgid';
      ctx.report({ messageId: 'setuid', pointer: i.pointer, data: { instruction: i.keyword, bits, path: change.path, mode: change.mode } });
    }
  },
});
