import { testControl } from '../../../test/control-tester.js';
import control from './dockerfile-package-cache.js';

const file = 'Dockerfile';

testControl(control, {
  valid: [
    {
      name: 'update with install, caches cleaned or not kept, caches in a build stage',
      file,
      yaml: `
FROM python:3.12 AS build
RUN pip install -r requirements.txt
RUN apt-get install -y build-essential

FROM python:3.12-slim
ENV PIP_NO_CACHE_DIR=1
RUN apt-get update \\
 && DEBIAN_FRONTEND=noninteractive apt-get -y install --no-install-recommends curl \\
 && rm -rf /var/lib/apt/lists/*
RUN pip install -r requirements.txt
RUN python -m pip install --no-cache-dir gunicorn
RUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y jq
`,
    },
    {
      name: 'alpine and RPM families',
      file,
      yaml: `
FROM alpine:3.20
RUN apk update && apk add curl && rm -rf /var/cache/apk/*
RUN apk add --no-cache tini

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
RUN microdnf install -y shadow-utils && microdnf clean all
RUN yum -y install httpd && yum clean all && rm -rf /var/cache/yum
`,
    },
  ],
  invalid: [
    {
      name: 'apt-get update alone (in a build stage too), lists left, apk cache, pip cache, dnf without clean',
      file,
      yaml: `
FROM debian:12 AS build
RUN apt-get update

FROM python:3.12-slim
RUN apt-get update
RUN apt-get install -y curl
RUN apk add curl
RUN pip3 install flask && python3 -m pip install gunicorn
RUN dnf install -y nginx
`,
      errors: [
        { messageId: 'updateAlone', pointer: '/stages/0/instructions/1', data: { command: 'apt-get update' }, line: 3 },
        { messageId: 'updateAlone', pointer: '/stages/1/instructions/1', data: { command: 'apt-get update' }, line: 6 },
        { messageId: 'aptLists', pointer: '/stages/1/instructions/2', data: { manager: 'apt-get' }, line: 7 },
        { messageId: 'apkCache', pointer: '/stages/1/instructions/3', data: { manager: 'apk' }, line: 8 },
        { messageId: 'pipCache', pointer: '/stages/1/instructions/4', data: { manager: 'pip3' }, line: 9 },
        { messageId: 'yumClean', pointer: '/stages/1/instructions/5', data: { manager: 'dnf' }, line: 10 },
      ],
    },
    {
      name: 'apk update followed only by an unrelated command; yum clean of another manager',
      file,
      yaml: `
FROM alpine:3.20
RUN apk update && echo done
RUN yum install -y git && dnf clean all
`,
      errors: [
        { messageId: 'updateAlone', pointer: '/stages/0/instructions/1', data: { command: 'apk update' }, line: 3 },
        { messageId: 'yumClean', pointer: '/stages/0/instructions/2', data: { manager: 'yum' }, line: 4 },
      ],
    },
  ],
});
