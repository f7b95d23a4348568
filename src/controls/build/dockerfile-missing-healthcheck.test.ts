import { testControl } from '../../../test/control-tester.js';
import control from './dockerfile-missing-healthcheck.js';

const file = 'Dockerfile';

testControl(control, {
  valid: [
    {
      name: 'HEALTHCHECK in the final stage',
      file,
      yaml: `
FROM nginx:1.27
HEALTHCHECK --interval=30s --timeout=3s CMD wget -q --spider http://localhost/ || exit 1
`,
    },
    {
      name: 'HEALTHCHECK inherited from the parent stage; NONE only in a build stage',
      file,
      yaml: `
FROM node:22-alpine AS build
HEALTHCHECK NONE

FROM node:22-alpine AS base
HEALTHCHECK CMD ["node", "healthcheck.js"]

FROM base
COPY --from=build /app /app
`,
    },
  ],
  invalid: [
    {
      name: 'no HEALTHCHECK in the final stage (one in an unrelated stage)',
      file,
      yaml: `
FROM nginx:1.27 AS test
HEALTHCHECK CMD curl -f http://localhost/

FROM nginx:1.27 AS web
COPY site /usr/share/nginx/html
`,
      errors: [{ messageId: 'missing', pointer: '/stages/1/instructions/0', data: { stage: 'web', image: 'nginx:1.27' }, line: 5 }],
    },
    {
      name: 'HEALTHCHECK NONE as the last one',
      file,
      yaml: `
FROM mcr.microsoft.com/dotnet/aspnet:8.0
HEALTHCHECK CMD curl -f http://localhost:8080/healthz
HEALTHCHECK NONE
`,
      errors: [{ messageId: 'disabled', pointer: '/stages/0/instructions/2', data: { stage: '#0' }, line: 4 }],
    },
  ],
});
