import { testControl } from '../../../test/control-tester.js';
import control from './dockerfile-curl-pipe-shell.js';

const file = 'Dockerfile';

testControl(control, {
  valid: [
    {
      name: 'download, verify, then run; JSON piped into an inline python program; version lookup',
      file,
      yaml: `
FROM debian:12-slim
RUN curl -fsSLo /tmp/install.sh https://get.example.com/v1.2.3/install.sh \\
 && echo "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d  /tmp/install.sh" | sha256sum -c - \\
 && sh /tmp/install.sh
RUN curl -fsSL https://api.example.com/release.json | python3 -c "import json,sys; print(json.load(sys.stdin)['tag'])"
RUN VERSION=$(curl -fsSL https://example.com/stable.txt) && echo "$VERSION" > /version
RUN curl -fsSL https://example.com/data.csv | bash /opt/import.sh
`,
    },
  ],
  invalid: [
    {
      name: 'curl | sh with wrappers, wget -O- | sudo bash, substitution, and a heredoc',
      file,
      yaml: `
FROM ubuntu:24.04 AS build
RUN apt-get update && curl -fsSL https://deb.nodesource.com/setup_22.x | bash - && apt-get install -y nodejs
RUN wget -qO- https://get.example.com | sudo -E sh -s -- --no-prompt

FROM ubuntu:24.04
RUN sh -c "$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)"
RUN <<EOF
set -eux
curl -sSL https://install.python-poetry.org | python3 -
EOF
`,
      errors: [
        { messageId: 'pipe', pointer: '/stages/0/instructions/1', data: { downloader: 'curl', interpreter: 'bash' }, line: 3 },
        { messageId: 'pipe', pointer: '/stages/0/instructions/2', data: { downloader: 'wget', interpreter: 'sh' }, line: 4 },
        { messageId: 'substitution', pointer: '/stages/1/instructions/1', data: { downloader: 'curl' }, line: 7 },
        { messageId: 'pipe', pointer: '/stages/1/instructions/2', data: { downloader: 'curl', interpreter: 'python3' }, line: 8 },
      ],
    },
  ],
});
