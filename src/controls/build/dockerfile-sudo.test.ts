import { testControl } from '../../../test/control-tester.js';
import control from './dockerfile-sudo.js';

const file = 'Dockerfile';

testControl(control, {
  valid: [
    {
      name: 'USER root for the installs, then back; the word sudo in arguments and text',
      file,
      yaml: `
FROM ubuntu:24.04
USER root
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN echo "no sudo here" && grep -v sudo /etc/group > /tmp/groups
USER 10001
ENTRYPOINT ["su-exec", "app", "/app/run"]
`,
    },
  ],
  invalid: [
    {
      name: 'sudo after && and with options; sudo in an exec-form ENTRYPOINT',
      file,
      yaml: `
FROM ubuntu:24.04
RUN apt-get update && sudo apt-get install -y curl
RUN DEBIAN_FRONTEND=noninteractive sudo -u app -E npm ci
ENTRYPOINT ["sudo", "/app/start.sh"]
`,
      errors: [
        { messageId: 'sudo', pointer: '/stages/0/instructions/1', data: { instruction: 'RUN', command: 'sudo apt-get' }, line: 3 },
        { messageId: 'sudo', pointer: '/stages/0/instructions/2', data: { instruction: 'RUN', command: 'sudo npm' }, line: 4 },
        { messageId: 'sudo', pointer: '/stages/0/instructions/3', data: { instruction: 'ENTRYPOINT', command: 'sudo start.sh' }, line: 5 },
      ],
    },
  ],
});
