import { testControl } from '../../../test/control-tester.js';
import control from './dockerfile-unverified-packages.js';

const file = 'Dockerfile';

testControl(control, {
  valid: [
    {
      name: 'signed repositories, verified downloads, a corporate CA',
      file,
      yaml: `
FROM debian:12-slim
COPY contoso-root-ca.crt /usr/local/share/ca-certificates/
RUN update-ca-certificates
RUN echo "deb [signed-by=/usr/share/keyrings/contoso.gpg] https://apt.contoso.com stable main" > /etc/apt/sources.list.d/contoso.list
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/tool.tgz https://example.com/tool.tgz && pip install --no-cache-dir --index-url https://pypi.contoso.com/simple app
ENV NODE_TLS_REJECT_UNAUTHORIZED=1 GIT_SSL_NO_VERIFY=false
RUN printf '[contoso]\\nbaseurl=https://rpm.contoso.com\\ngpgcheck=1\\n' > /etc/yum.repos.d/contoso.repo
`,
    },
  ],
  invalid: [
    {
      name: 'options of apt-get, apk, dnf, pip, curl and wget, in a build stage too',
      file,
      yaml: `
FROM ubuntu:24.04 AS build
RUN apt-get update && apt-get install -y --allow-unauthenticated libfoo && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLk https://internal.example/tool -o /usr/local/bin/tool

FROM alpine:3.20
RUN apk add --no-cache --allow-untrusted /tmp/pkg.apk
RUN python3 -m pip install --no-cache-dir --trusted-host=pypi.internal app
RUN dnf install -y --nogpgcheck nginx && dnf clean all
RUN wget --no-check-certificate -O /tmp/x https://internal.example/x
`,
      errors: [
        { messageId: 'option', pointer: '/stages/0/instructions/1', data: { instruction: 'RUN', command: 'apt-get', option: '--allow-unauthenticated' }, line: 3 },
        { messageId: 'option', pointer: '/stages/0/instructions/2', data: { instruction: 'RUN', command: 'curl', option: '-fsSLk' }, line: 4 },
        { messageId: 'option', pointer: '/stages/1/instructions/1', data: { instruction: 'RUN', command: 'apk', option: '--allow-untrusted' }, line: 7 },
        { messageId: 'option', pointer: '/stages/1/instructions/2', data: { instruction: 'RUN', command: 'pip', option: '--trusted-host' }, line: 8 },
        { messageId: 'option', pointer: '/stages/1/instructions/3', data: { instruction: 'RUN', command: 'dnf', option: '--nogpgcheck' }, line: 9 },
        { messageId: 'option', pointer: '/stages/1/instructions/4', data: { instruction: 'RUN', command: 'wget', option: '--no-check-certificate' }, line: 10 },
      ],
    },
    {
      name: 'trusted=yes APT source, gpgcheck=0 repo file, npm strict-ssl, environment switches',
      file,
      yaml: `
FROM node:22
RUN echo "deb [trusted=yes] http://apt.internal/ stable main" > /etc/apt/sources.list.d/internal.list
RUN printf '[internal]\\nbaseurl=http://rpm.internal\\ngpgcheck=0\\n' > /etc/yum.repos.d/internal.repo
RUN npm config set strict-ssl false && npm ci
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
RUN GIT_SSL_NO_VERIFY=true git clone https://git.internal/app.git
`,
      errors: [
        { messageId: 'setting', pointer: '/stages/0/instructions/1', data: { instruction: 'RUN', setting: 'an APT source marked [trusted=yes]' }, line: 3 },
        { messageId: 'setting', pointer: '/stages/0/instructions/2', data: { instruction: 'RUN', setting: 'a repository with gpgcheck=0' }, line: 4 },
        { messageId: 'setting', pointer: '/stages/0/instructions/3', data: { instruction: 'RUN', setting: 'npm strict-ssl false' }, line: 5 },
        { messageId: 'env', pointer: '/stages/0/instructions/4/properties/0', data: { instruction: 'ENV', variable: 'NODE_TLS_REJECT_UNAUTHORIZED' }, line: 6 },
        { messageId: 'env', pointer: '/stages/0/instructions/5', data: { instruction: 'RUN', variable: 'GIT_SSL_NO_VERIFY' }, line: 7 },
      ],
    },
  ],
});
