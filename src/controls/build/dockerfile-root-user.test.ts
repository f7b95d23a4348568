import { testControl } from '../../../test/control-tester.js';
import control from './dockerfile-root-user.js';

const file = 'Dockerfile';

testControl(control, {
  valid: [
    {
      name: 'non-root numeric user in the final stage',
      file,
      yaml: `
FROM mcr.microsoft.com/dotnet/aspnet:8.0
WORKDIR /app
USER 10001:10001
ENTRYPOINT ["dotnet", "web.dll"]
`,
    },
    {
      name: 'root build stage, non-root final stage',
      file,
      yaml: `
FROM golang:1.23 AS build
USER root
RUN go build -o /out/app ./cmd/app

FROM gcr.io/distroless/static:nonroot
COPY --from=build /out/app /app
USER nonroot:nonroot
ENTRYPOINT ["/app"]
`,
    },
    {
      name: 'root switched back to a user later',
      file,
      yaml: `
FROM node:22-alpine
USER root
RUN apk add --no-cache tini
USER node
`,
    },
    {
      name: 'user inherited from the stage the final stage is built FROM',
      file,
      yaml: `
FROM node:22-alpine AS base
USER node

FROM base AS final
COPY . /app
`,
    },
    {
      name: 'user from a variable: cannot decide',
      file,
      yaml: `
FROM mcr.microsoft.com/dotnet/aspnet:8.0
USER $APP_UID
`,
      notEvaluated: true,
    },
  ],
  invalid: [
    {
      name: 'no USER at all',
      file,
      yaml: `
FROM python:3.12-slim
RUN pip install --no-cache-dir flask
CMD ["python", "app.py"]
`,
      errors: [{ messageId: 'noUser', pointer: '/stages/0/instructions/0', data: { stage: '#0', image: 'python:3.12-slim' }, line: 2 }],
    },
    {
      name: 'USER only in an earlier, unrelated stage',
      file,
      yaml: `
FROM node:22 AS build
USER node
RUN npm ci && npm run build

FROM nginx:1.27 AS web
COPY --from=build /home/node/dist /usr/share/nginx/html
`,
      errors: [{ messageId: 'noUser', pointer: '/stages/1/instructions/0', data: { stage: 'web', image: 'nginx:1.27' }, line: 6 }],
    },
    {
      name: 'last USER is root',
      file,
      yaml: `
FROM ubuntu:24.04
USER app
RUN id
USER root
`,
      errors: [{ messageId: 'rootUser', pointer: '/stages/0/instructions/3', data: { stage: '#0', user: 'root' }, line: 5 }],
    },
    {
      name: 'last USER is 0:0',
      file,
      yaml: `
FROM alpine:3.20 AS final
USER 0:0
`,
      errors: [{ messageId: 'rootUser', pointer: '/stages/0/instructions/1', data: { stage: 'final', user: '0:0' }, line: 3 }],
    },
    {
      name: 'Windows ContainerAdministrator',
      file,
      yaml: `
FROM mcr.microsoft.com/windows/servercore:ltsc2022
USER ContainerAdministrator
`,
      errors: [{ messageId: 'rootUser', pointer: '/stages/0/instructions/1', data: { stage: '#0', user: 'ContainerAdministrator' }, line: 3 }],
    },
    {
      name: 'root:root inherited from the parent stage',
      file,
      yaml: `
FROM alpine:3.20 AS base
USER root:root

FROM base
RUN echo hello
`,
      errors: [{ messageId: 'rootUser', pointer: '/stages/0/instructions/1', data: { stage: '#1', user: 'root:root' }, line: 3 }],
    },
  ],
});
