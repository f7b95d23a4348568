import { testControl } from '../../../test/control-tester.js';
import control from './dockerfile-base-image-mutable.js';

const file = 'Dockerfile';
const digest = `sha256:${'a'.repeat(64)}`;

testControl(control, {
  valid: [
    {
      name: 'tags, a digest, a stage reference and scratch',
      file,
      yaml: `
FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
RUN dotnet publish -c Release -o /out

FROM golang@${digest} AS tools

FROM build AS test
RUN dotnet test

FROM scratch
COPY --from=build /out /app
`,
    },
    {
      name: 'latest tag pinned by a digest',
      file,
      yaml: `
FROM contoso.azurecr.io/base:latest@${digest}
`,
    },
    {
      name: 'base from a build argument with a pinned default',
      file,
      yaml: `
ARG BASE=mcr.microsoft.com/azurelinux/base/core:3.0
FROM \${BASE}
`,
    },
    {
      name: 'base from a build argument without a default: cannot decide',
      file,
      yaml: `
ARG BASE
FROM $BASE
`,
      notEvaluated: true,
    },
  ],
  invalid: [
    {
      name: 'no tag in the build stage, latest in the final stage',
      file,
      yaml: `
FROM golang AS build
RUN go build -o /app .

FROM contoso.azurecr.io/runtime:latest
COPY --from=build /app /app
`,
      errors: [
        { messageId: 'noTag', pointer: '/stages/0/instructions/0', data: { stage: 'build', image: 'golang' }, line: 2 },
        { messageId: 'latestTag', pointer: '/stages/1/instructions/0', data: { stage: '#1', image: 'contoso.azurecr.io/runtime:latest' }, line: 5 },
      ],
    },
    {
      name: 'a registry port is not a tag; a build argument default of latest',
      file,
      yaml: `
ARG TAG=latest
FROM myreg:5000/team/app
FROM --platform=linux/amd64 node:\${TAG} AS web
`,
      errors: [
        { messageId: 'noTag', pointer: '/stages/0/instructions/0', data: { stage: '#0', image: 'myreg:5000/team/app' }, line: 3 },
        { messageId: 'latestTag', pointer: '/stages/1/instructions/0', data: { stage: 'web', image: 'node:latest' }, line: 4 },
      ],
    },
  ],
});
