/**
 * The real `zstd` command-line tool, for building zstd test data (layers, frames) in the tests. A missing
 * tool fails the test that needs it, naming the Debian package to install: these tests are never skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ZSTD_MISSING = 'the zstd command-line tool is not installed; the zstd tests build their data with it: install the Debian package `zstd` (apt-get install zstd; .ci/run does)';

/** Runs `zstd args…` on `input` and returns its standard output. Fails naming the Debian package when there is no zstd. */
export function runZstd(args: string[], input?: Buffer, bin = 'zstd'): Buffer {
  const r = spawnSync(bin, args, { input: input ?? Buffer.alloc(0), maxBuffer: 1 << 30 });
  if (r.error) {
    if ((r.error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(ZSTD_MISSING);
    throw r.error;
  }
  if (r.status !== 0) throw new Error(`zstd ${args.join(' ')} exited ${String(r.status)}: ${r.stderr.toString()}`);
  return r.stdout;
}

/**
 * Compresses with the zstd tool (one frame). From standard input (the default) the frame has no content
 * size and the level's full window; `fromFile` writes the data to a file first, so the frame declares
 * its size (and, when small, is a single segment), as `zstd file` makes it.
 */
export function zstdCompress(data: Buffer, args: string[] = [], opts: { fromFile?: boolean } = {}): Buffer {
  if (!opts.fromFile) return runZstd(['-q', '-c', ...args], data);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'palisade-zstd-'));
  try {
    const file = path.join(dir, 'data');
    writeFileSync(file, data);
    return runZstd(['-q', '-c', ...args, file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the zstd tool itself decompresses `data` to (to prove hand-assembled test streams are valid zstd). */
export const zstdDecompress = (data: Buffer): Buffer => runZstd(['-q', '-d', '-c'], data);

/** A skippable frame (RFC 8878 §3.1.2) with the given payload; zstd skips it, so must we. */
export function skippableFrame(payload: Buffer, magicLowNibble = 0): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32LE(0x184d2a50 + magicLowNibble, 0);
  head.writeUInt32LE(payload.length, 4);
  return Buffer.concat([head, payload]);
}
