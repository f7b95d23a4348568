import type { InputError, Position, PositionIndex } from '../model/types.js';
import type { ParseOutcome, ParsedDocument } from './document.js';
import { LineMap, pointerSegments } from './lines.js';
import { findJsonSyntaxError } from './json-syntax.js';

/**
 * JSON at JSON.parse speed. Positions are found lazily: only when a finding needs one do we walk the
 * text along its pointer, skipping unrelated values without building them. Array element offsets and
 * resolved prefixes are remembered, so locating findings in every item of a large `List` stays linear.
 */
const STRUCTURAL = /["{}[\]]/g;

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
    // Cache keys join segments with NUL, which no pointer segment can contain: "a/b" as one key and
    // "a", "b" as two stay distinct. Start from the longest prefix already resolved.
    const keys: string[] = [''];
    for (const seg of segs) keys.push(keys[keys.length - 1] + '\u0000' + seg);
    for (let j = segs.length; j > 0; j--) {
      const hit = this.resolved.get(keys[j] as string);
      if (hit) {
        value = hit.value;
        anchor = hit.anchor;
        prefix = keys[j] as string;
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
      prefix += '\u0000' + seg;
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

  /**
   * The [start, end) offsets of every element of the top-level object's array member `key`, found
   * without parsing them; undefined when the text is not such an object. Also remembers the offsets,
   * so that later `locate` calls inside an element go straight to it.
   */
  topLevelArray(key: string): { elements: { start: number; end: number }[]; start: number; end: number } | undefined {
    const t = this.text;
    const root = this.skipWs(0);
    const member = t[root] === '{' ? this.child(root, key) : undefined;
    if (!member || t[member.value] !== '[') return undefined;
    const offsets: number[] = [];
    const out: { start: number; end: number }[] = [];
    let pos = this.skipWs(member.value + 1);
    if (t[pos] !== ']') {
      for (;;) {
        const end = this.skipValue(pos);
        offsets.push(pos);
        out.push({ start: pos, end });
        pos = this.skipWs(end);
        if (t[pos] === ',') pos = this.skipWs(pos + 1);
        else break;
      }
    }
    this.elementOffsets.set(member.value, offsets);
    this.resolved.set('\u0000' + key, member);
    return { elements: out, start: member.value, end: pos + 1 };
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
      // Jump from one structural character to the next instead of walking every character.
      const re = STRUCTURAL;
      let depth = 0;
      re.lastIndex = pos;
      let m: RegExpExecArray | null;
      while ((m = re.exec(t)) !== null) {
        const ch = m[0];
        if (ch === '"') {
          re.lastIndex = this.skipString(m.index);
          continue;
        }
        if (ch === '{' || ch === '[') depth++;
        else if (--depth === 0) return m.index + 1;
      }
      return t.length;
    }
    let i = pos;
    while (i < t.length && !',}] \t\r\n'.includes(t[i] as string)) i++;
    return i;
  }
}

/**
 * Parsed JSON documents one at a time. A `kubectl get -o json` List is split into its items without
 * parsing the whole, and each item is parsed and handed on alone: the estate never sits in memory as one
 * object graph, and a syntax error in one item loses only that item.
 */
export function* parseJsonDocuments(text: string, file: string): Generator<ParsedDocument | InputError> {
  const lines = new LineMap(text);
  const index = new JsonPositionIndex(text, lines);
  const array = index.topLevelArray('items');
  // The List's own kind sits beside `items`, outside it: look only there, without walking the items again.
  const outside = array ? text.slice(0, array.start) + text.slice(array.end) : '';
  const isList = array !== undefined && /"kind"\s*:\s*"[A-Za-z0-9]*List"/.test(outside);
  const items = isList ? array.elements : undefined;
  if (!items) {
    const out = parseJsonWith(text, file, lines, index);
    yield* out.errors;
    yield* out.documents;
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const { start, end } = items[i] as { start: number; end: number };
    const slice = text.slice(start, end);
    let value: unknown;
    try {
      value = JSON.parse(slice);
    } catch (e) {
      const syntax = findJsonSyntaxError(slice) ?? { offset: 0, expected: (e as Error).message };
      const pos = lines.position(start + syntax.offset);
      yield { file, line: pos.line, column: pos.column, code: 'parse-error', message: `JSON syntax error in items[${i}]: ${syntax.expected}` };
      continue;
    }
    yield { value, documentIndex: 0, basePointer: `/items/${i}`, startLine: lines.position(start).line, positions: index };
  }
}

export function parseJson(text: string, file: string): ParseOutcome {
  const lines = new LineMap(text);
  return parseJsonWith(text, file, lines, new JsonPositionIndex(text, lines));
}

function parseJsonWith(text: string, file: string, lines: LineMap, index: JsonPositionIndex): ParseOutcome {
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
        positions: index,
      },
    ],
    errors: [],
  };
}
