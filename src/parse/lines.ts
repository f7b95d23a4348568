import type { Position } from '../model/types.js';

/** Offsets of the first character of every line, for turning offsets into 1-based line/column cheaply. */
export class LineMap {
  private readonly starts: Uint32Array;
  private readonly count: number;

  constructor(private readonly text: string) {
    // A typed array grown by doubling is several times faster than pushing to a plain array here,
    // which matters on files of millions of lines (kubectl get -o json of a large cluster).
    let starts = new Uint32Array(1024);
    let n = 1;
    let i = text.indexOf('\n');
    while (i !== -1) {
      if (n === starts.length) {
        const grown = new Uint32Array(n * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[n++] = i + 1;
      i = text.indexOf('\n', i + 1);
    }
    this.starts = starts;
    this.count = n;
  }

  position(offset: number): Position {
    const starts = this.starts;
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  }

  /** The offset of the first non-blank character at or after `offset` on the same line (or `offset`). */
  skipBlanks(offset: number): number {
    let i = offset;
    const t = this.text;
    while (i < t.length && (t[i] === ' ' || t[i] === '\t')) i++;
    return i < t.length && t[i] !== '\n' && t[i] !== '\r' && t[i] !== '#' ? i : offset;
  }
}

/** Splits an RFC 6901 JSON pointer into its unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, ...segments: (string | number)[]): string {
  let p = base;
  for (const s of segments) p += '/' + escapePointerSegment(s);
  return p;
}
