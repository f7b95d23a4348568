import { testControl } from '../../../test/control-tester.js';
import control from './dockerfile-base-image-untrusted-registry.js';

const file = 'Dockerfile';

testControl(control, {
  valid: [
    {
      name: 'MCR and an Azure Container Registry, a stage reference and scratch',
      file,
      yaml: `
FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
FROM contoso.azurecr.io/base/runtime:2.1 AS runtime
FROM runtime AS final
FROM scratch
`,
    },
    {
      name: 'Docker Hub allowed by option',
      file,
      yaml: `
FROM node:22-alpine
`,
      options: { registries: ['docker.io/library/'] },
    },
  ],
  invalid: [
    {
      name: 'Docker Hub official image and a look-alike registry host',
      file,
      yaml: `
FROM golang:1.23 AS build
FROM contoso.azurecr.io.evil.example/runtime:1.0
`,
      errors: [
        { messageId: 'untrusted', pointer: '/stages/0/instructions/0', data: { stage: 'build', image: 'golang:1.23', repository: 'docker.io/library/golang' }, line: 2 },
        {
          messageId: 'untrusted',
          pointer: '/stages/1/instructions/0',
          data: { stage: '#1', image: 'contoso.azurecr.io.evil.example/runtime:1.0', repository: 'contoso.azurecr.io.evil.example/runtime' },
          line: 3,
        },
      ],
    },
    {
      name: 'outside a narrow repository allow-list',
      file,
      yaml: `
FROM contoso.azurecr.io/team-b/base:1.0
`,
      options: { registries: ['contoso.azurecr.io/team-a/'] },
      errors: [{ messageId: 'untrusted', pointer: '/stages/0/instructions/0', data: { stage: '#0', image: 'contoso.azurecr.io/team-b/base:1.0', repository: 'contoso.azurecr.io/team-b/base' }, line: 2 }],
    },
  ],
});
