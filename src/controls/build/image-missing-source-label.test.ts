import { testControl } from '../../../test/control-tester.js';
import control from './image-missing-source-label.js';

const config = (labels: Record<string, string> | undefined) =>
  JSON.stringify(
    {
      architecture: 'amd64',
      os: 'linux',
      created: '2026-11-20T10:00:00Z',
      config: { User: '10001', ...(labels ? { Labels: labels } : {}) },
      rootfs: { type: 'layers', diff_ids: ['sha256:' + 'a'.repeat(64)] },
      history: [{ created_by: 'COPY app /app # buildkit' }],
    },
    null,
    2,
  );

testControl(control, {
  valid: [
    { name: 'image config with a source label', file: 'config.json', yaml: config({ 'org.opencontainers.image.source': 'https://github.com/contoso/web' }) },
    { name: 'a Dockerfile is not an image', file: 'Dockerfile', yaml: 'FROM alpine:3.20\nUSER 10001\n' },
  ],
  invalid: [
    { name: 'labels without the source', file: 'config.json', yaml: config({ maintainer: 'ops' }), errors: [{ messageId: 'missing', pointer: '/config/Labels', line: 7 }] },
    {
      name: 'docker inspect output without labels',
      file: 'inspect.json',
      yaml: JSON.stringify([{ Id: 'sha256:' + 'b'.repeat(64), RepoTags: ['contoso/web:1.0'], Created: '2026-11-20T10:00:00Z', Config: { User: 'app', Labels: null }, RootFS: { Type: 'layers', Layers: ['sha256:' + 'a'.repeat(64)] } }], null, 2),
      errors: [{ messageId: 'missing', pointer: '/0/Config/Labels', data: { image: 'contoso/web:1.0' } }],
    },
  ],
});
