import { spawn } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { createZstdDecompress, ZstdDataError } from '../src/image/zstd-stream.js';
import { runZstd, skippableFrame, ZSTD_MISSING, zstdCompress, zstdDecompress } from './zstd-tool.js';

/** Deterministic bytes: text that compresses, pseudo-random bytes that do not, and a run of zeros. */
function sample(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; ) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const kind = x % 3;
    const len = Math.min(size - i, 1000 + (x % 20_000));
    if (kind === 0) out.write(`line ${i}: the quick brown fox ${x % 97} jumps over the lazy dog\n`.repeat(Math.ceil(len / 50)).slice(0, len), i, 'latin1');
    else if (kind === 1) for (let j = 0; j < len; j++) out[i + j] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
    i += len;
  }
  return out;
}

/** Decompresses `data` fed in chunks of `chunk` bytes; resolves with the output. */
async function inflate(data: Buffer, chunk = 64 * 1024): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunk) parts.push(data.subarray(i, i + chunk));
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(parts),
    createZstdDecompress(),
    new Writable({
      write(c: Buffer, _e, cb) {
        out.push(c);
        cb();
      },
    }),
  );
  return Buffer.concat(out);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('zstd stream: real data from the zstd tool', () => {
  it('the zstd tool is installed (Debian package zstd) and a missing one fails naming the package', () => {
    expect(runZstd(['--version']).toString()).toMatch(/Zstandard/);
    expect(() => runZstd(['--version'], undefined, '/nonexistent/zstd')).toThrow(ZSTD_MISSING);
    expect(ZSTD_MISSING).toContain('Debian package `zstd`');
  });

  it('decompresses frames of every kind the tool makes, whatever the input chunking', async () => {
    const data = sample(3 * 1024 * 1024 + 123);
    const variants: [string[], { fromFile?: boolean }][] = [
      [['-1'], {}],
      [['-3'], { fromFile: true }],
      [['-19'], {}],
      [['-1', '--no-check'], { fromFile: true }],
      [['--fast=5'], {}],
      [['-3', '--long=24'], {}],
    ];
    for (const [args, opts] of variants) {
      const z = zstdCompress(data, args, opts);
      for (const chunk of [7, 4096, 1024 * 1024]) {
        const out = await inflate(z, chunk);
        expect({ args, chunk, size: out.length, sha: sha(out) }).toEqual({ args, chunk, size: data.length, sha: sha(data) });
      }
    }
  });

  it('reads small single-segment frames and an empty one, byte by byte', async () => {
    for (const data of [Buffer.alloc(0), Buffer.from('a'), Buffer.from('hello zstd\n'.repeat(30)), sample(5000, 7)]) {
      const z = zstdCompress(data, ['-3'], { fromFile: true });
      expect((await inflate(z, 1)).equals(data)).toBe(true);
    }
  });

  it('reads several concatenated frames and skips skippable frames, as the zstd tool does', async () => {
    const a = sample(300_000, 2);
    const b = sample(200_000, 3);
    const c = Buffer.from('tail\n');
    const stream = Buffer.concat([
      skippableFrame(Buffer.from('leading metadata')),
      zstdCompress(a, ['-1']),
      zstdCompress(b, ['-5', '--no-check'], { fromFile: true }),
      skippableFrame(Buffer.alloc(0), 0xf),
      zstdCompress(c, ['-1'], { fromFile: true }),
      skippableFrame(Buffer.from('{"toc":"zstd:chunked keeps its table of contents in a skippable frame"}'), 0xe),
      skippableFrame(Buffer.alloc(0), 0x1),
    ]);
    const want = Buffer.concat([a, b, c]);
    // The tool agrees that this is one valid zstd stream holding a, b and c.
    expect(zstdDecompress(stream).equals(want)).toBe(true);
    for (const chunk of [1, 13, 65_536]) {
      if (chunk === 1) {
        // Byte by byte over half a megabyte is slow in any decoder: use the small part.
        const small = Buffer.concat([skippableFrame(Buffer.from('x')), zstdCompress(c, ['-1']), skippableFrame(Buffer.from('y'), 3), zstdCompress(c, ['-1'])]);
        expect((await inflate(small, 1)).toString()).toBe('tail\ntail\n');
        continue;
      }
      expect(sha(await inflate(stream, chunk))).toBe(sha(want));
    }
  });

  it('respects back-pressure: 256 MiB from a few kilobytes never piles up in the stream', async () => {
    // 16 MiB of zeros is a few hundred bytes of zstd; sixteen copies of the frame are one valid stream.
    const frame = zstdCompress(Buffer.alloc(16 * 1024 * 1024), ['-1']);
    const stream = Buffer.concat(Array.from({ length: 16 }, () => frame));
    expect(stream.length).toBeLessThan(64 * 1024);
    const z = createZstdDecompress();
    let total = 0;
    let maxBuffered = 0;
    await pipeline(
      Readable.from([stream]),
      z,
      new Writable({
        highWaterMark: 64 * 1024,
        write(c: Buffer, _e, cb) {
          total += c.length;
          maxBuffered = Math.max(maxBuffered, z.readableLength);
          // A slow reader: the decoder must wait for it, not decode everything into memory.
          setImmediate(cb);
        },
      }),
    );
    expect(total).toBe(256 * 1024 * 1024);
    // At most the readable buffer's mark plus one 128 KiB block (fzstd may hand out a few small blocks at once).
    expect(maxBuffered).toBeLessThanOrEqual(512 * 1024);
  });
});

describe('zstd stream: memory stays bounded by the window, not the layer', () => {
  it('streams 256 MiB through one frame without keeping the compressed input alive', async () => {
    // Random data (stored blocks, so the compressed stream is as big as the data), made and compressed on
    // the fly by the zstd tool: every chunk reaching the decoder is new memory it could hold on to.
    const zstd = spawn('zstd', ['-q', '-1', '-c']);
    const spawned = new Promise<void>((resolve, reject) => {
      zstd.once('spawn', resolve);
      zstd.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new Error(ZSTD_MISSING) : e));
    });
    await spawned;
    const total = 256 * 1024 * 1024;
    const feed = pipeline(
      Readable.from(
        (function* () {
          for (let i = 0; i < total; i += 1024 * 1024) yield randomFillSync(Buffer.allocUnsafe(1024 * 1024));
        })(),
      ),
      zstd.stdin,
    );
    const base = process.memoryUsage().arrayBuffers;
    let peak = 0;
    let out = 0;
    let n = 0;
    await pipeline(
      zstd.stdout,
      createZstdDecompress(),
      new Writable({
        write(c: Buffer, _e, cb) {
          out += c.length;
          if (++n % 64 === 0) peak = Math.max(peak, process.memoryUsage().arrayBuffers - base);
          cb();
        },
      }),
    );
    await feed;
    expect(out).toBe(total);
    // Bounded by buffers and garbage not yet collected; holding the input would be 256 MiB and more.
    expect(peak).toBeLessThan(128 * 1024 * 1024);
  });
});

describe('zstd stream: bad data is a stream error that says what and where', () => {
  const data = sample(400_000, 5);
  // Made in the tests, not while they are collected: without the zstd tool each test fails, saying why.
  let made: Buffer | undefined;
  const good = (): Buffer => (made ??= zstdCompress(data, ['-3']));

  it('a truncated stream (in the header, a block, before the checksum) is "unexpected end"', async () => {
    for (const cut of [3, 7, 20, Math.floor(good().length / 2), good().length - 4, good().length - 1]) {
      const err = await inflate(good().subarray(0, cut)).then(() => undefined, (e: unknown) => e);
      expect(err, `cut at ${cut}`).toBeInstanceOf(ZstdDataError);
      expect((err as Error).message).toMatch(/^unexpected end of zstd data: truncated (in the header of frame 1|inside frame 1) \(after \d+ compressed bytes\)$/);
    }
    // Cut inside a skippable frame.
    await expect(inflate(Buffer.concat([good(), skippableFrame(Buffer.alloc(100))]).subarray(0, good().length + 50))).rejects.toThrow(/truncated inside a skippable frame/);
  });

  it('garbage after a frame, a reserved block type, an oversized block: "corrupt zstd data"', async () => {
    await expect(inflate(Buffer.concat([good(), Buffer.from('not zstd at all')]))).rejects.toThrow(/^corrupt zstd data: no zstd frame starts here \(bytes 6e6f7420\) \(frame 2, compressed byte \d+\)$/);
    const headerLen = 6; // magic, descriptor, window descriptor (no dictionary, no content size: from stdin)
    expect(good()[4]).toBe(0x04); // checksum flag only
    const reserved = Buffer.from(good());
    reserved[headerLen] = ((reserved[headerLen] as number) & ~0x06) | 0x06;
    await expect(inflate(reserved)).rejects.toThrow(/^corrupt zstd data: reserved block type \(frame 1/);
    const oversized = Buffer.from(good());
    oversized[headerLen + 2] = 0xff;
    await expect(inflate(oversized)).rejects.toThrow(/^corrupt zstd data: block of \d+ bytes, more than the 131072 allowed/);
  });

  it('a changed byte in the data is caught by the content checksum', async () => {
    // Random data is stored as raw blocks: a changed byte there decodes fine, only the checksum knows.
    const random = sample(200_000, 11).subarray(0, 150_000);
    const z = zstdCompress(random, ['-1']);
    expect((await inflate(z)).equals(random)).toBe(true);
    const changed = Buffer.from(z);
    const mid = Math.floor(z.length / 2);
    changed[mid] = (changed[mid] as number) ^ 0x20;
    await expect(inflate(changed)).rejects.toThrow(/^corrupt zstd data: content checksum mismatch \([0-9a-f]{8} decoded, [0-9a-f]{8} expected\) \(frame 1/);
  });

  it('any corruption of a checksummed stream is an error or changes nothing (300 seeded corruptions)', async () => {
    let x = 2024;
    const rnd = (n: number) => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) % n);
    const outcomes = new Map<string, number>();
    for (let t = 0; t < 300; t++) {
      const b = Buffer.from(good());
      for (let k = 1 + rnd(3); k > 0; k--) {
        const at = rnd(b.length);
        b[at] = (b[at] as number) ^ (1 + rnd(255));
      }
      const outcome = await inflate(b).then(
        (out) => (out.equals(data) ? 'same data' : 'WRONG DATA ACCEPTED'),
        (e: unknown) => (e instanceof ZstdDataError ? e.message.replace(/ \(.*$/, '').replace(/\d+/g, 'N') : `not a ZstdDataError: ${String(e)}`),
      );
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    expect([...outcomes.keys()].filter((k) => k === 'WRONG DATA ACCEPTED' || k.startsWith('not a'))).toEqual([]);
    expect(outcomes.get('corrupt zstd data: content checksum mismatch')).toBeGreaterThan(0);
  });

  it('a frame declaring more content than it holds, or less, is corrupt', async () => {
    // Without a checksum, so that the content size is what catches it.
    const sized = zstdCompress(sample(300_000, 9), ['-1', '--no-check'], { fromFile: true });
    // Single segment (no window descriptor), 4-byte content size at byte 5, no checksum flag.
    expect(sized[4]).toBe(0xa0);
    expect(sized.readUInt32LE(5)).toBe(300_000);
    const lying = Buffer.from(sized);
    lying.writeUInt32LE(300_005, 5);
    await expect(inflate(lying)).rejects.toThrow(/^corrupt zstd data: 300000 bytes decoded, but the frame header declares 300005 \(frame 1/);
    lying.writeUInt32LE(299_995, 5);
    await expect(inflate(lying)).rejects.toThrow(/^corrupt zstd data: more data than the 299995 bytes the frame header declares \(frame 1/);
  });

  it('a frame whose window is larger than 128 MiB is refused before anything is allocated', async () => {
    const big = zstdCompress(Buffer.from('small input, huge window'), ['-1', '--long=28']);
    // The zstd tool itself refuses it without --memory.
    expect(() => zstdDecompress(big)).toThrow(/memory|window/i);
    await expect(inflate(big)).rejects.toThrow(/^zstd frame 1 needs a 256 MiB window, more than the 128 MiB allowed/);
  });

  it('a frame that needs a dictionary is refused', async () => {
    // Descriptor 0x01: a one-byte dictionary id follows the window descriptor.
    const frame = Buffer.concat([good().subarray(0, 4), Buffer.from([0x01, good()[5] as number, 0x2a]), good().subarray(6)]);
    await expect(inflate(frame)).rejects.toThrow(/the frame needs dictionary 42: zstd dictionaries are not supported/);
  });
});
