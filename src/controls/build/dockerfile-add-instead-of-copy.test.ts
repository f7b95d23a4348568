import { testControl } from '../../../test/control-tester.js';
import control from './dockerfile-add-instead-of-copy.js';

const file = 'Dockerfile';

testControl(control, {
  valid: [
    {
      name: 'COPY for files, ADD for a local archive, ADD of a URL with a checksum',
      file,
      yaml: `
FROM alpine:3.20
COPY app.py requirements.txt /app/
ADD rootfs.tar.gz /
ADD ["vendor/tools.tgz", "/opt/"]
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool-1.2.3.tar.gz /tmp/
ADD $ARTIFACT /opt/
`,
    },
  ],
  invalid: [
    {
      name: 'remote URL with credentials (never printed), Git repository, local file in a build stage',
      file,
      yaml: `
FROM golang:1.23 AS build
ADD https://user:s3cret@downloads.contoso.com/tools/installer.sh?token=abc /tmp/installer.sh
ADD git@github.com:contoso/lib.git /src/lib
ADD --chown=app:app config/ /etc/app/

FROM alpine:3.20
ADD app.jar /app/app.jar
`,
      errors: [
        { messageId: 'remoteUrl', pointer: '/stages/0/instructions/1', data: { url: 'https://downloads.contoso.com/tools/installer.sh' }, line: 3 },
        { messageId: 'remoteUrl', pointer: '/stages/0/instructions/2', data: { url: 'git@github.com:contoso/lib.git' }, line: 4 },
        { messageId: 'useCopy', pointer: '/stages/0/instructions/3', data: { source: 'config/' }, line: 5 },
        { messageId: 'useCopy', pointer: '/stages/1/instructions/1', data: { source: 'app.jar' }, line: 8 },
      ],
    },
  ],
});
