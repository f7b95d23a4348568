import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Xxh64 } from '../src/image/xxh64.js';
import { zstdCompress } from './zstd-tool.js';

const xxh64 = (...parts: Uint8Array[]): bigint => {
  const h = new Xxh64();
  for (const p of parts) h.update(p);
  return h.digest();
};

describe('XXH64 (the zstd content checksum)', () => {
  it('gives the reference values', () => {
    expect(xxh64(Buffer.alloc(0)).toString(16)).toBe('ef46db3751d8e999');
    expect(xxh64(Buffer.from('a')).toString(16)).toBe('d24ec4f1a98c6e5b');
    expect(xxh64(Buffer.from('abc')).toString(16)).toBe('44bc2cf5ad770999');
  });

  it('agrees with the checksum the zstd tool writes, for every length class and however the data is split', () => {
    const lengths = [1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 35, 39, 40, 63, 64, 65, 100, 1000, 4097, 131_072 + 13, 1_000_003];
    for (const n of lengths) {
      const data = randomBytes(n);
      const frame = zstdCompress(data, ['-1', '--check']);
      const stored = frame.readUInt32LE(frame.length - 4);
      const whole = xxh64(data);
      expect({ n, low32: Number(whole & 0xffffffffn) }).toEqual({ n, low32: stored });
      // Split at awkward places: inside a stripe, on stripe boundaries, one byte at a time at the start.
      const cuts = [1, 5, 31, 32, 33, 100].filter((c) => c < n);
      let at = 0;
      const parts: Uint8Array[] = [];
      for (const c of cuts) {
        parts.push(data.subarray(at, c));
        at = c;
      }
      parts.push(data.subarray(at));
      expect({ n, split: xxh64(...parts) }).toEqual({ n, split: whole });
    }
  });
});
