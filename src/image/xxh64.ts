/**
 * Streaming XXH64 (seed 0), the hash zstd keeps the low 32 bits of as a frame's content checksum
 * (RFC 8878 §3.1.1). fzstd skips that checksum and Node has no XXH64, so without this a corrupt zstd
 * layer could decode to plausible garbage where a gzip one fails on its CRC.
 *
 * The 64-bit arithmetic is done on 32-bit halves in the hot loop (BigInt there would be many times
 * slower); the once-per-frame finish uses BigInt, where clarity wins.
 */
const P1 = 0x9e3779b185ebca87n;
const P2 = 0xc2b2ae3d27d4eb4fn;
const P3 = 0x165667b19e3779f9n;
const P4 = 0x85ebca77c2b2ae63n;
const P5 = 0x27d4eb2f165667c5n;
const MASK = 0xffffffffffffffffn;

const P1H = 0x9e3779b1;
const P1L = 0x85ebca87;
const P2H = 0xc2b2ae3d;
const P2L = 0x27d4eb4f;
const P1L0 = P1L & 0xffff;
const P1L1 = P1L >>> 16;
const P2L0 = P2L & 0xffff;
const P2L1 = P2L >>> 16;

/**
 * The 4-lane accumulation over data[start, end) (a multiple of 32 bytes): each lane, a hi/lo pair in
 * `acc`, becomes rotl(lane + input × P2, 31) × P1. Products are split into 16-bit parts so every
 * intermediate stays exact in a double.
 */
function stripes(data: Uint8Array, start: number, end: number, acc: Uint32Array): void {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let k = 0;
  for (let i = start; i < end; i += 8) {
    const il = dv.getUint32(i, true);
    const ih = dv.getUint32(i + 4, true);
    // p = input × P2 (mod 2^64)
    let a0 = il & 0xffff;
    let a1 = il >>> 16;
    let p01 = a0 * P2L1;
    let p10 = a1 * P2L0;
    let mid = ((a0 * P2L0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
    const pl = Math.imul(il, P2L) >>> 0;
    const ph = a1 * P2L1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16) + Math.imul(ih, P2L) + Math.imul(il, P2H);
    // lane + p
    const sum = (acc[k + 1] as number) + pl;
    const sl = sum >>> 0;
    const sh = ((acc[k] as number) + ph + (sum > 0xffffffff ? 1 : 0)) >>> 0;
    // rotl 31
    const rh = ((sh << 31) | (sl >>> 1)) >>> 0;
    const rl = ((sl << 31) | (sh >>> 1)) >>> 0;
    // × P1
    a0 = rl & 0xffff;
    a1 = rl >>> 16;
    p01 = a0 * P1L1;
    p10 = a1 * P1L0;
    mid = ((a0 * P1L0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
    acc[k + 1] = Math.imul(rl, P1L);
    acc[k] = a1 * P1L1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16) + Math.imul(rh, P1L) + Math.imul(rl, P1H);
    k = (k + 2) & 7;
  }
}

const rotl = (x: bigint, r: bigint): bigint => ((x << r) | (x >> (64n - r))) & MASK;
const round = (acc: bigint, input: bigint): bigint => (rotl((acc + input * P2) & MASK, 31n) * P1) & MASK;

export class Xxh64 {
  /** Lanes v1…v4 as hi, lo pairs. */
  private readonly acc = new Uint32Array(8);
  /** Bytes short of a whole 32-byte stripe, kept for the next update or the finish. */
  private readonly tail = new Uint8Array(32);
  private tailLength = 0;
  private total = 0;

  constructor() {
    const lanes = [(P1 + P2) & MASK, P2, 0n, (MASK + 1n - P1) & MASK];
    lanes.forEach((v, i) => {
      this.acc[2 * i] = Number(v >> 32n);
      this.acc[2 * i + 1] = Number(v & 0xffffffffn);
    });
  }

  update(data: Uint8Array): void {
    this.total += data.length;
    let i = 0;
    if (this.tailLength > 0) {
      i = Math.min(32 - this.tailLength, data.length);
      this.tail.set(data.subarray(0, i), this.tailLength);
      this.tailLength += i;
      if (this.tailLength < 32) return;
      stripes(this.tail, 0, 32, this.acc);
      this.tailLength = 0;
    }
    const whole = i + Math.floor((data.length - i) / 32) * 32;
    stripes(data, i, whole, this.acc);
    this.tail.set(data.subarray(whole), 0);
    this.tailLength = data.length - whole;
  }

  digest(): bigint {
    const lane = (i: number) => (BigInt(this.acc[2 * i] as number) << 32n) | BigInt(this.acc[2 * i + 1] as number);
    let h: bigint;
    if (this.total >= 32) {
      h = (rotl(lane(0), 1n) + rotl(lane(1), 7n) + rotl(lane(2), 12n) + rotl(lane(3), 18n)) & MASK;
      for (let i = 0; i < 4; i++) h = (((h ^ round(0n, lane(i))) * P1) + P4) & MASK;
    } else h = P5;
    h = (h + BigInt(this.total)) & MASK;
    const t = Buffer.from(this.tail.buffer, this.tail.byteOffset, this.tailLength);
    let i = 0;
    for (; i + 8 <= t.length; i += 8) h = ((rotl(h ^ round(0n, t.readBigUInt64LE(i)), 27n) * P1) + P4) & MASK;
    if (i + 4 <= t.length) {
      h = ((rotl(h ^ ((BigInt(t.readUInt32LE(i)) * P1) & MASK), 23n) * P2) + P3) & MASK;
      i += 4;
    }
    for (; i < t.length; i++) h = (rotl(h ^ ((BigInt(t[i] as number) * P5) & MASK), 11n) * P1) & MASK;
    h = ((h ^ (h >> 33n)) * P2) & MASK;
    h = ((h ^ (h >> 29n)) * P3) & MASK;
    return h ^ (h >> 32n);
  }
}
