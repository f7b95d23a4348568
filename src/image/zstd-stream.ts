/**
 * A zstd decompressor as a Node Transform stream, for zstd-compressed image layers (OCI media type
 * `application/vnd.oci.image.layer.v1.tar+zstd`). Node 20 has no zstd, so the decoding is `fzstd`'s (pure
 * JavaScript); this module walks the frame structure itself (RFC 8878 §3.1) and hands fzstd one whole
 * block at a time, because fzstd's `push` decodes everything it is given at once and a few kilobytes of
 * zstd can stand for gigabytes (an RLE block is 4 bytes for 128 KiB). Feeding block by block lets the
 * stream stop whenever its reader is full, so memory stays bounded by the frame's window (refused above
 * MAX_WINDOW_BYTES, zstd's own default limit), one block and the stream buffers, whatever the layer's size.
 *
 * Walking the frames also handles what a layer may hold besides one frame: several concatenated frames
 * (each gets its own fzstd decoder), skippable frames (skipped here; zstd:chunked layers carry their
 * table of contents in one), and it checks what fzstd does not — each frame's content checksum (XXH64,
 * present unless the writer turned it off) and declared content size, and that the data ends on a frame
 * boundary. Every failure is an error on the stream (ZstdDataError) saying
 * where it happened, so the layer scanner reports it against the layer like a gzip error.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { Decompress } from 'fzstd';
import { Xxh64 } from './xxh64.js';

const FRAME_MAGIC = 0xfd2fb528;
/** Skippable frames use the 16 magic numbers 0x184D2A50–0x184D2A5F. */
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
/** 128 MiB (window log 27): the largest window the zstd tool decodes without `--memory`/`--long=N`. */
export const MAX_WINDOW_BYTES = 1 << 27;
const MAX_BLOCK_BYTES = 128 * 1024;

/** Corrupt, truncated or unsupported zstd data. */
export class ZstdDataError extends Error {}

/** Bytes received but not yet consumed, kept as the chunks they came in (joined only when a unit spans two). */
class ByteQueue {
  private chunks: Buffer[] = [];
  length = 0;

  push(b: Buffer): void {
    if (b.length === 0) return;
    this.chunks.push(b);
    this.length += b.length;
  }

  /** The first n bytes (n ≤ length) as one buffer, without copying when they lie in one chunk. */
  peek(n: number): Buffer {
    const first = this.chunks[0] as Buffer;
    if (first.length >= n) return first.subarray(0, n);
    const joined = Buffer.concat(this.chunks);
    this.chunks = [joined];
    return joined.subarray(0, n);
  }

  skip(n: number): void {
    this.length -= n;
    while (n > 0) {
      const first = this.chunks[0] as Buffer;
      if (first.length > n) {
        this.chunks[0] = first.subarray(n);
        return;
      }
      n -= first.length;
      this.chunks.shift();
    }
  }

  take(n: number): Buffer {
    const b = this.peek(n);
    this.skip(n);
    return b;
  }
}

interface Frame {
  decoder: Decompress;
  /** Frame_Content_Size when the header gives it. */
  contentSize: number | undefined;
  produced: number;
  /** Hash of the decoded content, when the frame ends with a checksum. */
  hash: Xxh64 | undefined;
  blockMax: number;
  /** The frame header, held back to be pushed with the first block (fzstd buffers short pushes anyway). */
  header: Buffer | undefined;
}

type State = 'magic' | 'block' | 'checksum' | 'skip';

export class ZstdDecompress extends Transform {
  private readonly queue = new ByteQueue();
  private state: State = 'magic';
  private frame: Frame | undefined;
  private frames = 0;
  private skipLeft = 0;
  /** Compressed bytes consumed so far, for error messages. */
  private offset = 0;
  /** Set when push() said the reader is full: decoding waits for _read. */
  private full = false;
  private parked: (() => void) | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.queue.push(chunk);
    this.drive(callback);
  }

  /** Decodes until the input runs out (then asks for more) or the reader is full (then waits for _read). */
  private drive(callback: TransformCallback): void {
    try {
      while (this.step()) {
        if (this.full) {
          this.parked = () => this.drive(callback);
          return;
        }
      }
    } catch (e) {
      callback(e instanceof ZstdDataError ? e : new ZstdDataError(`corrupt zstd data: ${(e as Error).message} (frame ${this.frames}, near compressed byte ${this.offset})`));
      return;
    }
    callback();
  }

  override _read(size: number): void {
    this.full = false;
    const parked = this.parked;
    this.parked = undefined;
    if (parked) parked();
    super._read(size);
  }

  override _flush(callback: TransformCallback): void {
    if (this.state === 'magic' && this.queue.length === 0) return callback();
    const where = this.state === 'magic' ? `in the header of frame ${this.frames + 1}` : this.state === 'skip' ? 'inside a skippable frame' : `inside frame ${this.frames}`;
    callback(new ZstdDataError(`unexpected end of zstd data: truncated ${where} (after ${this.offset + this.queue.length} compressed bytes)`));
  }

  private consume(n: number): Buffer {
    this.offset += n;
    return this.queue.take(n);
  }

  private corrupt(what: string): ZstdDataError {
    return new ZstdDataError(`corrupt zstd data: ${what} (frame ${this.frames}, compressed byte ${this.offset})`);
  }

  /** Consumes one unit (a frame header, a block, a checksum, part of a skippable frame); false when more input is needed. */
  private step(): boolean {
    const q = this.queue;
    switch (this.state) {
      case 'magic': {
        if (q.length < 4) return false;
        const magic = q.peek(4).readUInt32LE(0);
        if ((magic & SKIPPABLE_MASK) >>> 0 === SKIPPABLE_MAGIC) {
          if (q.length < 8) return false;
          this.skipLeft = q.peek(8).readUInt32LE(4);
          this.consume(8);
          this.state = 'skip';
          return true;
        }
        if (magic !== FRAME_MAGIC) {
          this.frames++;
          throw this.corrupt(`no zstd frame starts here (bytes ${q.peek(4).toString('hex')})`);
        }
        if (q.length < 5) return false;
        const size = headerSize(q.peek(5)[4] as number);
        if (q.length < size) return false;
        this.frames++;
        this.frame = this.openFrame(q.peek(size));
        this.frame.header = this.consume(size);
        this.state = 'block';
        return true;
      }
      case 'block': {
        const frame = this.frame as Frame;
        if (q.length < 3) return false;
        const h = q.peek(3);
        const bits = (h[0] as number) | ((h[1] as number) << 8) | ((h[2] as number) << 16);
        const last = (bits & 1) === 1;
        const type = (bits >> 1) & 3;
        const blockSize = bits >>> 3;
        if (type === 3) throw this.corrupt('reserved block type');
        if (blockSize > frame.blockMax) throw this.corrupt(`block of ${blockSize} bytes, more than the ${frame.blockMax} allowed`);
        // Raw and compressed blocks carry Block_Size bytes; an RLE block one byte repeated Block_Size times.
        const size = 3 + (type === 1 ? 1 : blockSize);
        if (q.length < size) return false;
        const block = this.consume(size);
        const input = frame.header ? Buffer.concat([frame.header, block]) : block;
        frame.header = undefined;
        if (!last) feed(frame.decoder, input);
        else if (frame.hash) {
          feed(frame.decoder, input);
          this.state = 'checksum';
        } else {
          feed(frame.decoder, input, true);
          this.endFrame(frame);
        }
        return true;
      }
      case 'checksum': {
        if (q.length < 4) return false;
        const frame = this.frame as Frame;
        const checksum = this.consume(4);
        // fzstd skips the checksum's 4 bytes; it must see them to agree the frame is complete.
        feed(frame.decoder, checksum, true);
        const computed = Number((frame.hash as Xxh64).digest() & 0xffffffffn);
        if (computed !== checksum.readUInt32LE(0)) {
          throw this.corrupt(`content checksum mismatch (${hex8(computed)} decoded, ${hex8(checksum.readUInt32LE(0))} expected)`);
        }
        this.endFrame(frame);
        return true;
      }
      case 'skip': {
        // An empty skippable frame may end the data: done before any byte more is asked for.
        if (q.length === 0 && this.skipLeft > 0) return false;
        const n = Math.min(q.length, this.skipLeft);
        this.offset += n;
        q.skip(n);
        this.skipLeft -= n;
        if (this.skipLeft === 0) this.state = 'magic';
        return true;
      }
    }
  }

  /** Reads a frame header (RFC 8878 §3.1.1.1) and starts a decoder for the frame. */
  private openFrame(h: Buffer): Frame {
    const fhd = h[4] as number;
    const fcsFlag = fhd >> 6;
    const singleSegment = (fhd & 0x20) !== 0;
    if (fhd & 0x08) throw this.corrupt('reserved bit set in the frame header');
    let at = 5;
    let windowSize = 0;
    if (!singleSegment) {
      const wd = h[at++] as number;
      const base = 2 ** (10 + (wd >> 3));
      windowSize = base + (base / 8) * (wd & 7);
    }
    const didSize = [0, 1, 2, 4][fhd & 3] as number;
    const dictionary = didSize === 0 ? 0 : h.readUIntLE(at, didSize);
    at += didSize;
    const fcsSize = [singleSegment ? 1 : 0, 2, 4, 8][fcsFlag] as number;
    let contentSize: number | undefined;
    if (fcsSize === 1) contentSize = h[at] as number;
    else if (fcsSize === 2) contentSize = h.readUInt16LE(at) + 256;
    else if (fcsSize === 4) contentSize = h.readUInt32LE(at);
    else if (fcsSize === 8) contentSize = h.readUInt32LE(at) + h.readUInt32LE(at + 4) * 2 ** 32;
    if (singleSegment) windowSize = contentSize ?? 0;
    if (dictionary !== 0) throw this.corrupt(`the frame needs dictionary ${dictionary}: zstd dictionaries are not supported`);
    if (windowSize > MAX_WINDOW_BYTES) {
      throw new ZstdDataError(
        `zstd frame ${this.frames} needs a ${(windowSize / 2 ** 20).toFixed(0)} MiB window, more than the ${MAX_WINDOW_BYTES / 2 ** 20} MiB allowed (the zstd tool's own default limit)`,
      );
    }
    const frame: Frame = {
      decoder: new Decompress(),
      contentSize,
      produced: 0,
      hash: (fhd & 0x04) !== 0 ? new Xxh64() : undefined,
      blockMax: Math.min(windowSize, MAX_BLOCK_BYTES),
      header: undefined,
    };
    frame.decoder.ondata = (data: Uint8Array) => {
      if (data.length === 0) return;
      frame.produced += data.length;
      frame.hash?.update(data);
      if (frame.contentSize !== undefined && frame.produced > frame.contentSize) {
        throw this.corrupt(`more data than the ${frame.contentSize} bytes the frame header declares`);
      }
      // fzstd hands out a fresh array per block: wrapped, not copied.
      if (!this.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength))) this.full = true;
    };
    return frame;
  }

  private endFrame(frame: Frame): void {
    if (frame.contentSize !== undefined && frame.produced !== frame.contentSize) {
      throw this.corrupt(`${frame.produced} bytes decoded, but the frame header declares ${frame.contentSize}`);
    }
    this.frame = undefined;
    this.state = 'magic';
  }
}

/**
 * Pushes input into fzstd. fzstd 0.1.1, after a push that ends on a block boundary, keeps an empty view of
 * the pushed chunk in its list of pending input (`c`), and clears that list only when the pending input
 * is not empty: over a frame the list comes to hold a view of every chunk, which keeps the whole
 * compressed layer alive. Emptying it when it holds no bytes (`l` is 0) is what fzstd does itself on the
 * next non-empty remainder; without it memory grows with the layer (a test streams 256 MiB to check).
 */
function feed(decoder: Decompress, input: Uint8Array, final = false): void {
  decoder.push(input, final);
  const pending = decoder as unknown as { c?: unknown; l?: unknown };
  if (pending.l === 0 && Array.isArray(pending.c)) pending.c.length = 0;
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/** Frame header length from its descriptor byte: magic, descriptor, window, dictionary id, content size. */
function headerSize(fhd: number): number {
  const singleSegment = (fhd & 0x20) !== 0;
  const fcsSize = [singleSegment ? 1 : 0, 2, 4, 8][fhd >> 6] as number;
  return 4 + 1 + (singleSegment ? 0 : 1) + ([0, 1, 2, 4][fhd & 3] as number) + fcsSize;
}

/** A Transform that decompresses zstd data (any number of frames, skippable frames skipped). */
export function createZstdDecompress(): ZstdDecompress {
  return new ZstdDecompress();
}
