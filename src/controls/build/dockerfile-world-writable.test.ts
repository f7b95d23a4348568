import { testControl } from '../../../test/control-tester.js';
import control from './dockerfile-world-writable.js';

const file = 'Dockerfile';

testControl(control, {
  valid: [
    {
      name: 'owner-only write, sticky /tmp-like directory, removing write, build stage only',
      file,
      yaml: `
FROM alpine:3.20 AS build
RUN chmod -R 777 /src

FROM alpine:3.20
COPY --chown=10001:10001 --chmod=755 app /app/
RUN chmod 1777 /scratch && chmod -R o-w /app && chmod u+w,g+w /data && chmod +w /cache
RUN install -d -m 0750 /var/lib/app
`,
    },
  ],
  invalid: [
    {
      name: 'chmod 777, a+w and o+w, install -m 666 and COPY --chmod=777',
      file,
      yaml: `
FROM ubuntu:24.04
RUN mkdir -p /app/data && chmod -R 777 /app/data
RUN chmod a+rwx,o+w /opt/tool
COPY --chmod=0777 entrypoint.sh /usr/local/bin/entrypoint.sh
RUN install -m 666 /dev/null /var/log/app.log
RUN chmod go+w /etc/app
`,
      errors: [
        { messageId: 'worldWritable', pointer: '/stages/0/instructions/1', data: { instruction: 'RUN', path: '/app/data', mode: '777' }, line: 3 },
        { messageId: 'worldWritable', pointer: '/stages/0/instructions/2', data: { instruction: 'RUN', path: '/opt/tool', mode: 'a+rwx,o+w' }, line: 4 },
        {
          messageId: 'worldWritable',
          pointer: '/stages/0/instructions/3',
          data: { instruction: 'COPY', path: '/usr/local/bin/entrypoint.sh', mode: '0777' },
          line: 5,
        },
        { messageId: 'worldWritable', pointer: '/stages/0/instructions/4', data: { instruction: 'RUN', path: '/var/log/app.log', mode: '666' }, line: 6 },
        { messageId: 'worldWritable', pointer: '/stages/0/instructions/5', data: { instruction: 'RUN', path: '/etc/app', mode: 'go+w' }, line: 7 },
      ],
    },
  ],
});
