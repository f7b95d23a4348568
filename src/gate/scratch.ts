/**
 * One byte buffer shared by the gate's Trivy reader (the report's bytes) and its JSON writer (the output's
 * bytes), kept from one use to the next. Large reports need tens of megabytes for either; memory the
 * process already has is much cheaper to use than fresh memory, which the system hands out page by page.
 * Each use is over when the reader or writer returns (neither keeps views into it).
 */

/** Larger buffers are not kept after use. */
const KEEP_BYTES = 96 * 1024 * 1024;
let kept: Buffer | undefined;

/** A buffer of at least minBytes (its contents are undefined). Room for growth is reserved, not touched. */
export function scratchBuffer(minBytes: number): Buffer {
  if (kept !== undefined && kept.length >= minBytes) return kept;
  const buf = Buffer.allocUnsafe(Math.max(minBytes * 2, 1024 * 1024));
  kept = buf.length <= KEEP_BYTES ? buf : undefined;
  return buf;
}

/** Hands a buffer back for the next use (a writer that had to grow its buffer keeps the larger one). */
export function keepScratch(buf: Buffer): void {
  if (buf.length <= KEEP_BYTES && (kept === undefined || buf.length >= kept.length)) kept = buf;
}
