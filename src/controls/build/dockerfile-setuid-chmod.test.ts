import { testControl } from '../../../test/control-tester.js';
import control from './dockerfile-setuid-chmod.js';

const file = 'Dockerfile';

testControl(control, {
  valid: [
    {
      name: 'ordinary modes and removing setuid bits',
      file,
      yaml: `
FROM debian:12-slim
RUN chmod 0755 /usr/local/bin/app && chmod u-s /usr/bin/newgrp && chmod a-s /usr/bin/chsh
RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true
COPY --chmod=755 app /app
`,
    },
  ],
  invalid: [
    {
      name: 'u+s, 4755, g+s via a parent stage, +s, COPY --chmod=2755',
      file,
      yaml: `
FROM debian:12-slim AS base
RUN chmod g+s /srv/shared

FROM base
RUN chmod u+s /usr/local/bin/helper
RUN chmod 4755 /usr/local/bin/ping2 && chmod +s /usr/local/bin/other
COPY --chmod=2755 tool /usr/local/bin/tool
`,
      errors: [
        { messageId: 'setuid', pointer: '/stages/0/instructions/1', data: { instruction: 'RUN', bits: 'setgid', path: '/srv/shared', mode: 'g+s' }, line: 3 },
        { messageId: 'setuid', pointer: '/stages/1/instructions/1', data: { instruction: 'RUN', bits: 'setuid', path: '/usr/local/bin/helper', mode: 'u+s' }, line: 6 },
        { messageId: 'setuid', pointer: '/stages/1/instructions/2', data: { instruction: 'RUN', bits: 'setuid', path: '/usr/local/bin/ping2', mode: '4755' }, line: 7 },
        { messageId: 'setuid', pointer: '/stages/1/instructions/3', data: { instruction: 'COPY', bits: 'setgid', path: '/usr/local/bin/tool', mode: '2755' }, line: 8 },
      ],
    },
  ],
});
