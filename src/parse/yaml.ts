import yaml from 'js-yaml';
import type { InputError, Position, PositionIndex } from '../model/types.js';
import { LineMap, pointerSegments } from './lines.js';
import type { ParseOutcome, ParsedDocument } from './document.js';

/**
 * YAML with exact positions, at close to plain-parse speed.
 *
 * A YAML library that builds a full document model is an order of magnitude slower than js-yaml's plain
 * load. Instead we let js-yaml build plain values and record, through its parse-event listener, only the
 * start offset of every node and the nesting of keys and items. That small tree maps any JSON pointer
 * back to a line and column, and it also lets us measure alias expansion, so alias bombs are refused.
 *
 * Documents are split on `---`/`...` markers at column 0 first (YAML forbids those inside content), so a
 * broken document is reported with its line while the others in the same file are still scanned.
 */

// Kubernetes reads YAML into JSON: no timestamps or binary, but merge keys are common in hand-written files.
// (`types` is exported by js-yaml 4 but missing from its type declarations.)
const yamlTypes = (yaml as unknown as { types: Record<string, yaml.Type> }).types;
const SCHEMA = yaml.CORE_SCHEMA.extend({ implicit: [yamlTypes.merge as yaml.Type] });

/** An alias-expanded document larger than this many nodes, and over ten times its written size, is refused. */
const MAX_EXPANDED_NODES = 200_000;

class Frame {
  kids: Frame[] | null = null;
  result: unknown = undefined;
  size = 1;
  constructor(readonly pos: number) {}
}

class YamlPositionIndex implements PositionIndex {
  constructor(
    private readonly root: Frame,
    private readonly lines: LineMap,
  ) {}

  locate(pointer: string): Position {
    let frame = this.root;
    // The root mapping's first key is a better anchor than the document marker line.
    let at = frame.kids?.[0]?.pos ?? frame.pos;
    for (const seg of pointerSegments(pointer)) {
      const kids = frame.kids;
      if (!kids) break;
      let next: Frame | undefined;
      if (Array.isArray(frame.result)) {
        const i = Number(seg);
        next = Number.isInteger(i) ? kids[i] : undefined;
        if (next) at = next.pos;
      } else {
        for (let k = 0; k + 1 < kids.length; k += 2) {
          const key = kids[k] as Frame;
          if (String(key.result) === seg) {
            next = kids[k + 1];
            at = key.pos;
            break;
          }
        }
      }
      if (!next) break;
      frame = next;
    }
    return this.lines.position(this.lines.skipBlanks(at));
  }
}

interface Chunk {
  text: string;
  offset: number;
}

/** Splits a YAML stream into documents at `---` and `...` markers in column 0. */
export function splitYamlDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const re = /^(---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index > start) chunks.push({ text: text.slice(start, m.index), offset: start });
    if (m[1] === '---') {
      // The marker line belongs to the new document: content may follow the marker on the same line.
      start = m.index;
      re.lastIndex = m.index + 3;
    } else {
      const nl = text.indexOf('\n', m.index);
      start = nl === -1 ? text.length : nl + 1;
      re.lastIndex = start;
    }
  }
  if (start < text.length) chunks.push({ text: text.slice(start), offset: start });
  return chunks.filter((c) => !isBlankDocument(c.text));
}

/** True when a document holds nothing but blank lines, comments, directives and markers. */
function isBlankDocument(text: string): boolean {
  return !/^[ \t]*(?!#|%|---[ \t\r]*$|\.\.\.[ \t\r]*$)\S/m.test(text);
}

export function parseYaml(text: string, file: string): ParseOutcome {
  const documents: ParsedDocument[] = [];
  const errors: ParseOutcome['errors'] = [];
  for (const item of parseYamlDocuments(text, file)) {
    if ('code' in item) errors.push(item);
    else documents.push(item);
  }
  return { documents, errors };
}

/**
 * Parses document by document, so a caller that evaluates each document before asking for the next keeps
 * only one document's position tree alive: short-lived objects are what the garbage collector is fast at.
 */
export function* parseYamlDocuments(text: string, file: string): Generator<ParsedDocument | InputError> {
  const lines = new LineMap(text);
  const chunks = splitYamlDocuments(text);
  for (let documentIndex = 0; documentIndex < chunks.length; documentIndex++) {
    const chunk = chunks[documentIndex] as Chunk;
    const stack: Frame[] = [];
    let root: Frame | undefined;
    let written = 0;
    // Only a document with aliases can expand beyond what is written; skip the bookkeeping otherwise.
    const sizes = chunk.text.includes('*') ? new Map<unknown, number>() : undefined;
    const offset = chunk.offset;
    const listener = (event: 'open' | 'close', state: { position: number; result: unknown }): void => {
      if (event === 'open') {
        stack.push(new Frame(offset + state.position));
        written++;
        return;
      }
      const frame = stack.pop() as Frame;
      const result = state.result;
      frame.result = result;
      if (sizes && result !== null && typeof result === 'object') {
        if (frame.kids) {
          let size = 1;
          for (const k of frame.kids) size += k.size;
          frame.size = size;
          sizes.set(result, size);
        } else {
          // No children but a non-empty value: an alias. It costs what its anchor expands to.
          frame.size = sizes.get(result) ?? 1;
        }
      }
      const parent = stack[stack.length - 1];
      if (parent) (parent.kids ??= []).push(frame);
      else root = frame;
    };
    let value: unknown;
    try {
      value = yaml.load(chunk.text, { schema: SCHEMA, filename: file, listener } as yaml.LoadOptions);
    } catch (e) {
      const err = e as { mark?: { position?: number }; reason?: string; message?: string };
      const pos = lines.position(offset + (err.mark?.position ?? 0));
      yield {
        file,
        line: pos.line,
        column: pos.column,
        documentIndex,
        code: 'parse-error',
        message: `YAML syntax error: ${err.reason ?? firstLine(err.message ?? String(e))}`,
      };
      continue;
    }
    if (!root) continue;
    if (sizes) {
      const expanded = root.size;
      if (expanded > MAX_EXPANDED_NODES && expanded > 10 * written) {
        const pos = lines.position(offset);
        yield {
          file,
          line: pos.line,
          column: pos.column,
          documentIndex,
          code: 'alias-bomb',
          message: `YAML aliases expand this document to ${expanded} nodes from ${written} written; refused as a possible alias bomb`,
        };
        continue;
      }
    }
    if (value === null || value === undefined) continue;
    yield {
      value,
      documentIndex,
      startLine: lines.position(lines.skipBlanks(root.kids?.[0]?.pos ?? root.pos)).line,
      positions: new YamlPositionIndex(root, lines),
    };
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
