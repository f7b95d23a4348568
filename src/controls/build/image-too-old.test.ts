import { testControl } from '../../../test/control-tester.js';
import control from './image-too-old.js';

const config = (created: string | undefined) =>
  JSON.stringify(
    {
      architecture: 'amd64',
      os: 'linux',
      ...(created !== undefined ? { created } : {}),
      config: { User: '10001' },
      rootfs: { type: 'layers', diff_ids: ['sha256:' + 'a'.repeat(64)] },
      history: [{ created_by: 'COPY app /app # buildkit' }],
    },
    null,
    2,
  );
const now = new Date('2026-11-29T00:00:00Z');

testControl(control, {
  valid: [
    { name: 'built last week', file: 'config.json', yaml: config('2026-11-20T10:00:00Z'), now },
    { name: 'old, but within a larger maxAgeDays', file: 'config.json', yaml: config('2026-06-01T00:00:00Z'), now, options: { maxAgeDays: 365 } },
    { name: 'reproducible build epoch: not evaluated', file: 'config.json', yaml: config('1970-01-01T00:00:00Z'), now, notEvaluated: true },
    { name: 'no created date: not evaluated', file: 'config.json', yaml: config(undefined), now, notEvaluated: true },
  ],
  invalid: [
    {
      name: 'built half a year ago',
      file: 'config.json',
      yaml: config('2026-06-01T00:00:00Z'),
      now,
      errors: [{ messageId: 'old', pointer: '/created', line: 4, data: { image: 'config.json', days: 181, created: '2026-06-01', max: 90 } }],
    },
  ],
});
