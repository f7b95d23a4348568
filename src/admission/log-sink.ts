/**
 * Where decision lines go: one JSON object per line, to standard output and optionally appended to a file.
 * The file is written synchronously, line by line, before the answer is sent, so a line is in the kernel by
 * the time the API server hears the decision; close() fsyncs it. A crash loses nothing already answered.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

export interface LogSink {
  write(line: string): void;
  /** Flushes and releases the sink. Idempotent. */
  close(): Promise<void>;
}

/** Lines to a writer such as `process.stdout.write` (synchronous for files and pipes on Linux). */
export function writerSink(write: (s: string) => void): LogSink {
  return {
    write: (line) => write(`${line}\n`),
    close: async () => {},
  };
}

/** Appends to `file` (created 0640 if missing). `onError` hears failed writes; the server keeps serving. */
export function fileSink(file: string, onError: (e: Error) => void = () => {}): LogSink {
  let fd: number | undefined = openSync(file, 'a', 0o640);
  return {
    write(line) {
      if (fd === undefined) return;
      const buf = Buffer.from(`${line}\n`, 'utf8');
      try {
        let off = 0;
        while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      } catch (e) {
        onError(e as Error);
      }
    },
    async close() {
      if (fd === undefined) return;
      const f = fd;
      fd = undefined;
      try {
        fsyncSync(f);
      } catch (e) {
        onError(e as Error);
      }
      closeSync(f);
    },
  };
}

export function teeSink(...sinks: LogSink[]): LogSink {
  return {
    write(line) {
      for (const s of sinks) s.write(line);
    },
    async close() {
      for (const s of sinks) await s.close();
    },
  };
}
