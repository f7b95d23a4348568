import { testControl } from '../../../test/control-tester.js';
import control from './dockerfile-secret-in-env-arg.js';

const file = 'Dockerfile';
const githubToken = `ghp_${'A1b2C3d4E5'.repeat(4).slice(0, 36)}`;

testControl(control, {
  valid: [
    {
      name: 'references, paths, public keys, secret mounts and ordinary files',
      file,
      yaml: `
FROM node:22-alpine
ARG NODE_VERSION=22
ENV NODE_ENV=production \\
    PASSWORD_FILE=/run/secrets/db-password \\
    TOKEN_URL=https://login.microsoftonline.com/common/oauth2/v2.0/token \\
    API_KEY=$API_KEY \\
    GPG_KEYS=94AE36675C464D64BAFA68DD7434390BDBE9B9C5
ENV PUBLIC_KEY_PATH /etc/app/pub.pem
RUN --mount=type=secret,id=npm,target=/root/.npmrc npm ci --omit=dev
COPY package.json package-lock.json ./
COPY certs/ca.pem certs/fullchain.pem /etc/ssl/app/
COPY .env.example /app/.env.example
COPY <<EOF /app/config.ini
[server]
port = 8080
EOF
`,
    },
  ],
  invalid: [
    {
      name: 'ENV with a token by shape and a password by name; legacy form',
      file,
      yaml: `
FROM alpine:3.20
ENV GITHUB_AUTH=${githubToken} LOG_LEVEL=info
ENV DB_PASSWORD Sup3rS3cretValue
`,
      errors: [
        { messageId: 'valueShape', pointer: '/stages/0/instructions/1/properties/0', data: { instruction: 'ENV', variable: 'GITHUB_AUTH', kind: 'GitHub token' }, line: 3 },
        { messageId: 'secretName', pointer: '/stages/0/instructions/2/properties/0', data: { instruction: 'ENV', variable: 'DB_PASSWORD', kind: 'password' }, line: 4 },
      ],
    },
    {
      name: 'ARG with a default, ARG announcing a secret without default, in a build stage',
      file,
      yaml: `
FROM node:22 AS build
ARG NPM_TOKEN
ARG CLIENT_SECRET="q8w7e6r5t4y3"
RUN echo "//registry.npmjs.org/:_authToken=\${NPM_TOKEN}" > .npmrc && npm ci

FROM nginx:1.27
`,
      errors: [
        { messageId: 'secretArg', pointer: '/stages/0/instructions/1/properties/0', data: { variable: 'NPM_TOKEN', kind: 'token' }, line: 3 },
        { messageId: 'secretName', pointer: '/stages/0/instructions/2/properties/0', data: { instruction: 'ARG', variable: 'CLIENT_SECRET', kind: 'client secret' }, line: 4 },
      ],
    },
    {
      name: 'credentials in a RUN URL, copied key files and a .env heredoc',
      file,
      yaml: `
FROM python:3.12-slim
RUN git clone https://deploy:hunter2-long-pass@git.contoso.com/team/app.git /src
COPY id_rsa /root/.ssh/
ADD ["config/.git-credentials", "/root/"]
COPY --chown=app tls/server.key /etc/tls/
COPY --from=build /home/app/.docker/config.json /root/.docker/config.json
COPY <<EOF /app/.env
DATABASE_PASSWORD=Zx9-qLm4-Pw7r
EOF
`,
      errors: [
        { messageId: 'runValue', pointer: '/stages/0/instructions/1', data: { kind: 'URL with embedded password' }, line: 3 },
        { messageId: 'secretFile', pointer: '/stages/0/instructions/2', data: { instruction: 'COPY', file: 'id_rsa' }, line: 4 },
        { messageId: 'secretFile', pointer: '/stages/0/instructions/3', data: { instruction: 'ADD', file: '.git-credentials' }, line: 5 },
        { messageId: 'secretFile', pointer: '/stages/0/instructions/4', data: { instruction: 'COPY', file: 'server.key' }, line: 6 },
        { messageId: 'secretFile', pointer: '/stages/0/instructions/5', data: { instruction: 'COPY', file: '.docker/config.json' }, line: 7 },
        { messageId: 'heredocSecret', pointer: '/stages/0/instructions/6', data: { instruction: 'COPY', kind: 'password', file: '/app/.env' }, line: 8 },
      ],
    },
    {
      name: 'each pair of a multi-line ENV on its own line',
      file,
      yaml: `
FROM alpine:3.20
ENV APP_NAME=web \\
    SMTP_PASSWORD="p4ss w0rd!" \\
    LOG_LEVEL=debug \\
    STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=${'A'.repeat(86)}==;EndpointSuffix=core.windows.net"
`,
      errors: [
        { messageId: 'secretName', pointer: '/stages/0/instructions/1/properties/1', data: { instruction: 'ENV', variable: 'SMTP_PASSWORD', kind: 'password' }, line: 4 },
        {
          messageId: 'valueShape',
          pointer: '/stages/0/instructions/1/properties/3',
          data: { instruction: 'ENV', variable: 'STORAGE_CONNECTION_STRING', kind: 'Azure Storage account key' },
          line: 6,
        },
      ],
    },
    {
      name: 'build arguments with empty or placeholder defaults, and one kept in ENV',
      file,
      yaml: `
FROM node:22 AS build
ARG NPM_TOKEN=""
ENV NPM_TOKEN=\${NPM_TOKEN} NODE_ENV=production
ARG DB_PASSWORD=changeme
ARG BUILD_ID
ENV DEPLOY_SECRET=$BUILD_ID
`,
      errors: [
        { messageId: 'secretArg', pointer: '/stages/0/instructions/1/properties/0', data: { variable: 'NPM_TOKEN', kind: 'token' }, line: 3 },
        { messageId: 'envFromArg', pointer: '/stages/0/instructions/2/properties/0', data: { variable: 'NPM_TOKEN', argument: 'NPM_TOKEN', kind: 'token' }, line: 4 },
        { messageId: 'secretArg', pointer: '/stages/0/instructions/3/properties/0', data: { variable: 'DB_PASSWORD', kind: 'password' }, line: 5 },
        { messageId: 'envFromArg', pointer: '/stages/0/instructions/5/properties/0', data: { variable: 'DEPLOY_SECRET', argument: 'BUILD_ID', kind: 'secret' }, line: 7 },
      ],
    },
    {
      name: 'a global ARG before FROM',
      file,
      yaml: `
ARG AZURE_CLIENT_SECRET=abc8Q~aBcDeFgHiJkLmNoPqRsTuVwXyZ01234567
FROM mcr.microsoft.com/azure-cli:2.67.0
`,
      errors: [{ messageId: 'globalArg', pointer: '/stages/0/instructions/0', data: { variable: 'AZURE_CLIENT_SECRET', kind: 'Microsoft Entra client secret' }, line: 3 }],
    },
  ],
});
