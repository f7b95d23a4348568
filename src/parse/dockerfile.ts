import { DockerfileParser, type Heredoc, type Instruction, type Property } from 'dockerfile-ast';
import type { DockerInstruction, DockerStage, ImageBuildSubject } from '../model/dockerfile.js';
import type { InputError, Position, PositionIndex } from '../model/types.js';
import { pointerSegments } from './lines.js';

/**
 * Dockerfiles into the build-surface model (src/model/dockerfile.ts).
 *
 * The syntax is read by `dockerfile-ast` (the parser behind VS Code's Dockerfile language server): it
 * finds the parser directives (`# escape=`, `# syntax=`), splits the file into instructions across line
 * continuations with the right escape character, finds flags and here-documents (with their delimiters,
 * `<<-`, quoted names and several per instruction) and the initial ARGs. What it leaves to its caller,
 * and this module does:
 * - the instruction's arguments as one logical line: its argument text keeps comment lines that sit
 *   between continuation lines and the escape characters; BuildKit drops both;
 * - here-document bodies: it gives their ranges only, and does not strip the leading tabs of `<<-`;
 * - the exec (JSON) form: its JSON reading is lenient (`["x",` reads as ["x"]), BuildKit's is not;
 * - errors: it accepts anything (unknown keywords, an instruction before FROM, FROM with no image, an
 *   unterminated here-document), so the checks BuildKit makes are made here. A bad instruction is
 *   reported with its line and skipped; the rest of the file is still read.
 */

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);
/** Instructions that take `--flag` options before their arguments. */
const FLAGGED = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);
/** Instructions with an exec (JSON array) form. */
const JSON_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME', 'ADD', 'COPY']);

export interface DockerfileOutcome {
  subject?: ImageBuildSubject;
  errors: InputError[];
}

interface Loc {
  line: number;
  column: number;
}

class DockerfilePositions implements PositionIndex {
  constructor(private readonly stages: DockerStage[]) {}

  locate(pointer: string): Position | undefined {
    const segs = pointerSegments(pointer);
    if (segs.length === 0) return { line: 1, column: 1 };
    if (segs[0] !== 'stages') return undefined;
    const stage = this.stages[Number(segs[1])];
    if (!stage) return undefined;
    const from = stage.instructions[0] as DockerInstruction;
    if (segs[2] !== 'instructions') return { line: from.line, column: from.column };
    const ins = stage.instructions[Number(segs[3])] ?? from;
    const prop = segs[4] === 'properties' ? ins.properties?.[Number(segs[5])] : undefined;
    return prop ? { line: prop.line, column: prop.column } : { line: ins.line, column: ins.column };
  }
}

/** Parses one Dockerfile. Never throws: syntax errors are InputErrors, and the good lines still form the subject. */
export function parseDockerfile(text: string, file: string): DockerfileOutcome {
  const errors: InputError[] = [];
  const err = (line: number, column: number, message: string): void => {
    errors.push({ file, line, column, documentIndex: 0, code: 'parse-error', message });
  };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r?\n/);
  const df = DockerfileParser.parse(text);
  const escape = df.getEscapeCharacter();

  const globalArgs: { name: string; default?: string }[] = [];
  const known = new Map<string, string>();
  const stages: DockerStage[] = [];
  let current: DockerStage | undefined;
  /** True after a FROM that could not be read: its instructions are dropped with it, not given to another stage. */
  let brokenStage = false;
  let sawFrom = false;

  for (const ins of df.getInstructions()) {
    const range = ins.getRange();
    const at: Loc = { line: range.start.line + 1, column: range.start.character + 1 };
    const keyword = ins.getKeyword().toUpperCase();
    if (!KEYWORDS.has(keyword)) {
      err(at.line, at.column, `unknown instruction "${ins.getInstruction()}"`);
      continue;
    }
    const heredocs = readHeredocs(ins, lines, err);
    if (heredocs === null) continue;
    // The logical line ends where the first here-document body begins.
    const lastArgLine = heredocs.firstBodyLine !== undefined ? heredocs.firstBodyLine - 1 : range.end.line;
    const logical = logicalLine(lines, range.start.line, range.start.character, lastArgLine, escape);
    const afterKeyword = logical.slice(ins.getInstruction().length).trim();
    const { flags, rest: args } = FLAGGED.has(keyword) ? splitFlags(ins, afterKeyword) : { flags: {}, rest: afterKeyword };

    if (args === '') {
      err(at.line, at.column, keyword === 'FROM' ? 'FROM without an image' : `${keyword} requires at least one argument`);
      if (keyword === 'FROM') {
        sawFrom = true;
        brokenStage = true;
      }
      continue;
    }

    let json: string[] | undefined;
    if (JSON_FORM.has(keyword) || keyword === 'HEALTHCHECK') {
      const candidate = keyword === 'HEALTHCHECK' ? /^CMD\s+(\[.*)$/is.exec(args)?.[1] : args;
      if (candidate !== undefined) {
        const read = readJsonForm(candidate);
        if (read === 'malformed') {
          err(at.line, at.column, `${keyword}: malformed JSON array (exec form)`);
          continue;
        }
        json = read;
      }
      if (keyword === 'SHELL' && json === undefined) {
        err(at.line, at.column, 'SHELL requires the arguments in JSON form');
        continue;
      }
    }

    const instruction: DockerInstruction = {
      keyword,
      args,
      flags,
      line: at.line,
      column: at.column,
      endLine: range.end.line + 1,
      pointer: '',
    };
    if (json) instruction.json = json;
    if (heredocs.list.length > 0) instruction.heredocs = heredocs.list;
    if (keyword === 'ARG' || keyword === 'ENV' || keyword === 'LABEL') instruction.properties = argProperties(ins);

    if (keyword === 'FROM') {
      sawFrom = true;
      const words = args.split(/\s+/);
      if (!(words.length === 1 || (words.length === 3 && (words[1] as string).toUpperCase() === 'AS'))) {
        err(at.line, at.column, 'FROM takes an image and optionally "AS <name>"');
        brokenStage = true;
        continue;
      }
      brokenStage = false;
      const index = stages.length;
      const baseImageRaw = words[0] as string;
      const baseImage = substitute(baseImageRaw, known);
      instruction.pointer = `/stages/${index}/instructions/0`;
      current = { index, baseImageRaw, baseImage, instructions: [instruction], pointer: `/stages/${index}` };
      if (words.length === 3) current.name = words[2] as string;
      if (flags.platform !== undefined) current.platform = flags.platform;
      const lower = baseImage.toLowerCase();
      if (lower === 'scratch') current.fromStage = 'scratch';
      else {
        const earlier = stages.find((s) => s.name !== undefined && s.name.toLowerCase() === lower);
        if (earlier?.name !== undefined) current.fromStage = earlier.name;
      }
      stages.push(current);
      continue;
    }

    if (!sawFrom) {
      if (keyword !== 'ARG') {
        err(at.line, at.column, `${keyword} before the first FROM (only ARG may come before FROM)`);
        continue;
      }
      for (const prop of argProperties(ins)) {
        const g: { name: string; default?: string } = { name: prop.name };
        if (prop.value !== undefined) {
          g.default = substitute(prop.value, known);
          known.set(prop.name, g.default);
        } else known.delete(prop.name);
        globalArgs.push(g);
      }
      continue;
    }
    if (brokenStage || !current) continue;
    instruction.pointer = `${current.pointer}/instructions/${current.instructions.length}`;
    current.instructions.push(instruction);
  }

  const finalStage = stages[stages.length - 1];
  if (!finalStage) {
    // A file whose FROM lines were all broken has its parse errors; one with no FROM at all is not a Dockerfile.
    if (!sawFrom) {
      return {
        errors: [{ file, documentIndex: 0, code: 'not-dockerfile', message: text.trim() === '' ? 'empty file, not a Dockerfile' : 'no FROM instruction: not a Dockerfile' }, ...errors],
      };
    }
    return { errors };
  }
  const subject: ImageBuildSubject = {
    type: 'image.build',
    resource: { kind: 'Dockerfile', name: file },
    globalArgs,
    stages,
    finalStage,
    escape,
    source: { file, documentIndex: 0, basePointer: '', positions: new DockerfilePositions(stages) },
  };
  return { subject, errors };
}

/**
 * The instruction's text from its keyword to `lastLine` as BuildKit reads it: a line ending in the escape
 * character continues on the next, comment lines and empty lines between continuation lines are dropped,
 * and the pieces are joined with one space.
 */
function logicalLine(lines: string[], first: number, startChar: number, lastLine: number, escape: string): string {
  const parts: string[] = [];
  for (let n = first; n <= lastLine && n < lines.length; n++) {
    let piece = n === first ? (lines[n] as string).slice(startChar) : (lines[n] as string);
    if (n !== first) {
      const t = piece.trim();
      if (t === '' || t.startsWith('#')) continue;
    }
    const trailing = piece.replace(/[ \t]+$/, '');
    const continues = trailing.endsWith(escape);
    if (continues) piece = trailing.slice(0, -escape.length);
    piece = piece.trim();
    if (piece !== '') parts.push(piece);
    if (!continues) break;
  }
  return parts.join(' ');
}

/** Flags as the parser found them, and the arguments after them. Repeated flags (several --mount) are joined with a space. */
function splitFlags(ins: Instruction, text: string): { flags: Record<string, string>; rest: string } {
  const flags: Record<string, string> = {};
  const found = (ins as Instruction & { getFlags?: () => { getName(): string; getValue(): string | null }[] }).getFlags?.() ?? [];
  for (const f of found) {
    const name = f.getName();
    const value = f.getValue() ?? '';
    flags[name] = flags[name] !== undefined ? `${flags[name]} ${value}` : value;
  }
  // Drop as many leading `--…` words as the parser found flags (a flag's value has no unquoted blank).
  let rest = text;
  for (let i = 0; i < found.length; i++) {
    const m = /^--(?:[^\s"']|"[^"]*"|'[^']*')*\s*/.exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
  }
  return { flags, rest: rest.trim() };
}

/**
 * The exec form when the arguments are a JSON array of strings; 'malformed' when a JSON array is clearly
 * meant (`["…` or `[]`-like) but does not parse; undefined for the shell form (`RUN [ -f x ] && …`).
 */
function readJsonForm(args: string): string[] | 'malformed' | undefined {
  if (!args.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(args);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  } catch {
    // fall through
  }
  return /^\[\s*("|\])/.test(args) ? 'malformed' : undefined;
}

type Prop = NonNullable<DockerInstruction['properties']>[number];

/** ARG, ENV and LABEL pairs as the parser reads them (quotes and escapes resolved, legacy `ENV A x y` too). */
function argProperties(ins: Instruction): Prop[] {
  const props = (ins as Instruction & { getProperties?: () => Property[] }).getProperties?.() ?? [];
  return props.map((p) => {
    const start = p.getRange().start;
    const out: Prop = { name: p.getName(), line: start.line + 1, column: start.character + 1 };
    const value = p.getValue();
    if (value !== null) out.value = value;
    return out;
  });
}

/** Replaces $VAR, ${VAR}, ${VAR:-word} and ${VAR:+word} whose VAR has a known value; leaves the others as written. */
export function substitute(value: string, known: ReadonlyMap<string, string>): string {
  return value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (whole, braced?: string, op?: string, word?: string, bare?: string) => {
    const name = (braced ?? bare) as string;
    const v = known.get(name);
    if (v === undefined) return whole;
    if (op === '-') return v === '' ? (word ?? '') : v;
    if (op === '+') return v === '' ? '' : (word ?? '');
    return v;
  });
}

interface HeredocRead {
  list: { name: string; body: string }[];
  firstBodyLine?: number;
}

/**
 * Here-document bodies from the ranges the parser found. A body is its lines up to the delimiter, each
 * followed by a newline as BuildKit passes it; `<<-` strips leading tabs (the parser does not). Returns
 * null, after reporting it, when a here-document has no closing delimiter.
 */
function readHeredocs(ins: Instruction, lines: string[], err: (line: number, column: number, message: string) => void): HeredocRead | null {
  const getter = (ins as unknown as { getHeredocs?: () => Heredoc[] }).getHeredocs;
  const found = getter ? getter.call(ins) : [];
  const out: HeredocRead = { list: [] };
  for (const h of found) {
    const start = h.getStartRange();
    const end = h.getDelimiterRange();
    if (!end) {
      err(start.start.line + 1, start.start.character + 1, `here-document <<${h.getName()} has no closing "${h.getName()}" line`);
      return null;
    }
    const opener = (lines[start.start.line] ?? '').slice(start.start.character);
    const stripTabs = opener.startsWith('<<-');
    const content = h.getContentRange();
    const bodyLines: string[] = [];
    if (content) {
      if (out.firstBodyLine === undefined) out.firstBodyLine = content.start.line;
      for (let n = content.start.line; n < end.start.line; n++) {
        const l = lines[n] ?? '';
        bodyLines.push(stripTabs ? l.replace(/^\t+/, '') : l);
      }
    } else if (out.firstBodyLine === undefined) out.firstBodyLine = end.start.line;
    out.list.push({ name: h.getName(), body: bodyLines.map((l) => l + '\n').join('') });
  }
  return out;
}
