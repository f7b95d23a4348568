import { testControl } from '../../../test/control-tester.js';
import control from './dockerfile-ssh-exposed.js';

const file = 'Dockerfile';

testControl(control, {
  valid: [
    {
      name: 'web ports and the SSH client only',
      file,
      yaml: `
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends openssh-client git && rm -rf /var/lib/apt/lists/*
EXPOSE 8080 8443/tcp 20-21 23-30
`,
    },
    {
      name: 'SSH server only in a build stage that is not part of the image',
      file,
      yaml: `
FROM ubuntu:24.04 AS tools
RUN apt-get update && apt-get install -y openssh-server
EXPOSE 22

FROM alpine:3.20
COPY --from=tools /usr/bin/ssh-keygen /usr/bin/
EXPOSE 8080
`,
    },
    {
      name: 'port 22 over UDP is not SSH',
      file,
      yaml: `
FROM alpine:3.20
EXPOSE 22/udp
`,
    },
  ],
  invalid: [
    {
      name: 'EXPOSE 22/tcp among other ports',
      file,
      yaml: `
FROM ubuntu:24.04
EXPOSE 80 22/tcp
`,
      errors: [{ messageId: 'exposed', pointer: '/stages/0/instructions/1', data: { port: '22/tcp' }, line: 3 }],
    },
    {
      name: 'a range covering 22, and openssh-server via apt-get with sudo',
      file,
      yaml: `
FROM ubuntu:24.04
RUN sudo DEBIAN_FRONTEND=noninteractive apt-get install -y \\
      curl openssh-server=1:9.6p1-3ubuntu13 \\
 && rm -rf /var/lib/apt/lists/*
EXPOSE 20-25
`,
      errors: [
        { messageId: 'sshServer', pointer: '/stages/0/instructions/1', data: { package: 'openssh-server', manager: 'apt-get' }, line: 3 },
        { messageId: 'exposed', pointer: '/stages/0/instructions/2', data: { port: '20-25' }, line: 6 },
      ],
    },
    {
      name: 'dropbear via apk, openssh via apk and dnf in the stages that make the image',
      file,
      yaml: `
FROM alpine:3.20 AS base
RUN apk add --no-cache dropbear

FROM base
RUN apk add --no-cache openssh
RUN dnf install -y openssh-server && dnf clean all
EXPOSE 22
`,
      errors: [
        { messageId: 'sshServer', pointer: '/stages/0/instructions/1', data: { package: 'dropbear', manager: 'apk' }, line: 3 },
        { messageId: 'sshServer', pointer: '/stages/1/instructions/1', data: { package: 'openssh', manager: 'apk' }, line: 6 },
        { messageId: 'sshServer', pointer: '/stages/1/instructions/2', data: { package: 'openssh-server', manager: 'dnf' }, line: 7 },
        { messageId: 'exposed', pointer: '/stages/1/instructions/3', data: { port: '22' }, line: 8 },
      ],
    },
  ],
});
