import type { Position, PositionIndex } from '../model/types.js';
import type { ParseOutcome } from './document.js';
import { LineMap, pointerSegments } from './lines.js';
import { findJsonSyntaxError } from './json-syntax.js';

/**
 * JSON at JSON.parse speed. Positions are found lazily: only when a finding needs one do we walk the
 * text along its pointer, skipping unrelated values without building them. Array element offsets and
 * resolved prefixes are remembered, so locating findings in every item of a large `List` stays linear.
 */
class JsonPositionIndex implements PositionIndex {
  private readonly resolved = new Map<string, { value: number; anchor: number }>();
  private readonly elementOffsets = new Map<number, number[]>();

  constructor(
    private readonly text: string,
    private readonly lines: LineMap,
  ) {}

  locate(pointer: string): Position {
    const segs = pointerSegments(pointer);
    let value = this.skipWs(0);
    let anchor = value;
    let prefix = '';
    let i = 0;
    // Start from the longest prefix already resolved.
    for (let j = segs.length; j > 0; j--) {
      const p = '/' + segs.slice(0, j).join('/');
      const hit = this.resolved.get(p);
      if (hit) {
        value = hit.value;
        anchor = hit.anchor;
        prefix = p;
        i = j;
        break;
      }
    }
    for (; i < segs.length; i++) {
      const seg = segs[i] as string;
      const step = this.child(value, seg);
      if (!step) break;
      value = step.value;
      anchor = step.anchor;
      prefix += '/' + seg;
      this.resolved.set(prefix, step);
    }
    return this.lines.position(anchor);
  }

  private child(at: number, seg: string): { value: number; anchor: number } | undefined {
    const t = this.text;
    if (t[at] === '[') {
      const want = Number(seg);
      if (!Number.isInteger(want) || want < 0) return undefined;
      let offsets = this.elementOffsets.get(at);
      if (!offsets) {
        offsets = [];
        this.elementOffsets.set(at, offsets);
      }
      let pos: number;
      if (offsets.length > 0) {
        if (want < offsets.length) {
          const o = offsets[want] as number;
          return { value: o, anchor: o };
        }
        pos = this.skipValue(offsets[offsets.length - 1] as number);
        pos = this.skipWs(pos);
        if (t[pos] !== ',') return undefined;
        pos = this.skipWs(pos + 1);
      } else {
        pos = this.skipWs(at + 1);
        if (t[pos] === ']') return undefined;
      }
      for (;;) {
        offsets.push(pos);
        if (offsets.length - 1 === want) return { value: pos, anchor: pos };
        pos = this.skipWs(this.skipValue(pos));
        if (t[pos] !== ',') return undefined;
        pos = this.skipWs(pos + 1);
      }
    }
    if (t[at] === '{') {
      let pos = this.skipWs(at + 1);
      while (t[pos] === '"') {
        const keyStart = pos;
        const keyEnd = this.skipString(pos);
        const raw = t.slice(keyStart, keyEnd);
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        pos = this.skipWs(keyEnd);
        if (t[pos] !== ':') return undefined;
        const valueStart = this.skipWs(pos + 1);
        if (key === seg) return { value: valueStart, anchor: keyStart };
        pos = this.skipWs(this.skipValue(valueStart));
        if (t[pos] !== ',') return undefined;
        pos = this.skipWs(pos + 1);
      }
    }
    return undefined;
  }

  private skipWs(pos: number): number {
    const t = this.text;
    let c = t.charCodeAt(pos);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = t.charCodeAt(++pos);
    return pos;
  }

  private skipString(pos: number): number {
    const t = this.text;
    let i = pos + 1;
    for (;;) {
      const q = t.indexOf('"', i);
      if (q === -1) return t.length;
      let backslashes = 0;
      for (let b = q - 1; t[b] === '\\'; b--) backslashes++;
      if (backslashes % 2 === 0) return q + 1;
      i = q + 1;
    }
  }

  /** Returns the offset just past the value starting at `pos`. */
  private skipValue(pos: number): number {
    const t = this.text;
    const c = t[pos];
    if (c === '"') return this.skipString(pos);
    if (c === '{' || c === '[') {
      let depth = 0;
      let i = pos;
      while (i < t.length) {
        const ch = t[i];
        if (ch === '"') {
          i = this.skipString(i);
          continue;
        }
        if (ch === '{' || ch === '[') depth++;
        else if (ch === '}' || ch === ']') {
          depth--;
          if (depth === 0) return i + 1;
        }
        i++;
      }
      return t.length;
    }
    let i = pos;
    while (i < t.length && !',}] \t\r\n'.includes(t[i] as string)) i++;
    return i;
  }
}

export function parseJson(text: string, file: string): ParseOutcome {
  const lines = new LineMap(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // V8's message does not always carry a position (Node 20 often does not): find it ourselves.
    const syntax = findJsonSyntaxError(text) ?? { offset: 0, expected: (e as Error).message };
    const pos = lines.position(syntax.offset);
    return {
      documents: [],
      errors: [{ file, line: pos.line, column: pos.column, code: 'parse-error', message: `JSON syntax error: ${syntax.expected}` }],
    };
  }
  if (value === null || value === undefined) return { documents: [], errors: [] };
  const start = text.search(/\S/);
  return {
    documents: [
      {
        value,
        documentIndex: 0,
        startLine: lines.position(Math.max(0, start)).line,
        positions: new JsonPositionIndex(text, lines),
      },
    ],
    errors: [],
  };
}
