#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled library (npm run build).
import { main } from '../dist/cli/main.js';

// A reader that stops early (`palisade scan … | head`) closes the pipe: that is not an error of the scan.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  // A chunk is done with once nothing is left queued (files and terminals are written synchronously).
  stdoutBytes: (chunk) => {
    process.stdout.write(chunk);
    return process.stdout.writableLength === 0;
  },
  stderr: (s) => process.stderr.write(s),
  stdin: process.stdin,
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
});
// Let pending writes to a pipe drain instead of cutting the report off with process.exit().
process.exitCode = code;
