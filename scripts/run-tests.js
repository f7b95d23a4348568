// Runs the vitest suite and ends with one plain line, "tests: N passed, N failed[, N skipped]",
// that CI systems reading closing lines understand; exits with vitest's own exit code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('coverage', { recursive: true });
const out = 'coverage/vitest-results.json';
rmSync(out, { force: true });
const run = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
let code = run.status ?? 1;
if (existsSync(out)) {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (r.numTotalTests === 0) code = 1;
} else {
  console.log('tests: 0 passed, 1 failed');
  code = code || 1;
}
process.exit(code);
