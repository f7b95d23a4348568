/**
 * Helpers shared by the Dockerfile controls: which stages end up in the image, what a RUN executes, and
 * a small shell splitter (words, simple commands, pipelines) precise enough for rules such as
 * "curl piped into sh" or "apt-get update without install in the same RUN". It is not a shell: it
 * handles quotes, escapes, comments, `&&`/`||`/`;`/`&`/newlines, pipes, redirections and `$( )`/`<( )`,
 * which is what Dockerfile RUN lines use.
 */
import type { DockerInstruction, DockerStage, ImageBuildSubject } from '../../model/dockerfile.js';
import { parseImageRef, type ImageRef } from '../../model/image-ref.js';

/** The earlier stage a stage is built FROM, if it names one (not an external image, not scratch). */
export function parentStage(subject: ImageBuildSubject, stage: DockerStage): DockerStage | undefined {
  const ref = (stage.fromStage ?? stage.baseImage).trim().toLowerCase();
  if (ref === '' || ref === 'scratch') return undefined;
  for (const s of subject.stages) {
    if (s.index >= stage.index) break;
    if (s.name !== undefined && s.name.toLowerCase() === ref) return s;
  }
  return undefined;
}

/** True when the stage's base is an external image: not scratch and not an earlier stage. */
export function hasExternalBase(subject: ImageBuildSubject, stage: DockerStage): boolean {
  if (stage.baseImage.trim().toLowerCase() === 'scratch') return false;
  if (parentStage(subject, stage)) return false;
  return stage.fromStage === undefined || stage.fromStage.toLowerCase() !== 'scratch';
}

/**
 * The stages built FROM an external image, each with its parsed reference. A reference that does not
 * parse is said to be not evaluated (through notEvaluated) and its stage left out: never a silent pass.
 */
export function* externalBaseImages(subject: ImageBuildSubject, notEvaluated: (reason: string) => void): Generator<{ stage: DockerStage; ref: ImageRef }> {
  for (const stage of subject.stages) {
    if (!hasExternalBase(subject, stage)) continue;
    const parsed = parseImageRef(stage.baseImage);
    if (parsed.ok) yield { stage, ref: parsed.ref };
    else notEvaluated(`stage '${stageLabel(stage)}': base image '${stage.baseImage}' cannot be judged: ${parsed.reason}`);
  }
}

/**
 * The stages whose instructions are part of the image: the final stage, then the stage it is built
 * FROM, and so on. (Files copied with COPY --from are not followed: only their bytes travel.)
 */
export function finalChain(subject: ImageBuildSubject): DockerStage[] {
  const chain: DockerStage[] = [];
  let s: DockerStage | undefined = subject.finalStage;
  while (s && !chain.includes(s)) {
    chain.push(s);
    s = parentStage(subject, s);
  }
  return chain;
}

/** The instructions of the image in build order (oldest ancestor stage first), each with its stage. */
export function imageInstructions(subject: ImageBuildSubject): { stage: DockerStage; instruction: DockerInstruction }[] {
  const out: { stage: DockerStage; instruction: DockerInstruction }[] = [];
  for (const stage of finalChain(subject).reverse()) {
    for (const instruction of stage.instructions) if (instruction.keyword !== 'FROM') out.push({ stage, instruction });
  }
  return out;
}

/** Every instruction after FROM, of every stage. */
export function allInstructions(subject: ImageBuildSubject): { stage: DockerStage; instruction: DockerInstruction }[] {
  const out: { stage: DockerStage; instruction: DockerInstruction }[] = [];
  for (const stage of subject.stages) {
    for (const instruction of stage.instructions) if (instruction.keyword !== 'FROM') out.push({ stage, instruction });
  }
  return out;
}

/** How a stage is named in messages: its alias, or its position. */
export function stageLabel(stage: DockerStage): string {
  return stage.name ?? `#${stage.index}`;
}

/** The FROM instruction of a stage. */
export function fromInstruction(stage: DockerStage): DockerInstruction | undefined {
  return stage.instructions.find((i) => i.keyword === 'FROM');
}

const SHELLS = /(?:^|\/)(?:sh|bash|dash|ash|zsh|ksh|mksh)$/;

/**
 * The shell text an instruction runs: the shell form's arguments, or the exec form's script when it is
 * `["sh", "-c", "…"]` (otherwise its words joined), followed by heredoc bodies.
 */
export function scriptOf(i: DockerInstruction): string {
  const parts: string[] = [];
  if (i.json) {
    const [first, flag, ...rest] = i.json;
    if (first !== undefined && SHELLS.test(first) && flag !== undefined && /^-[a-z]*c[a-z]*$/.test(flag)) parts.push(rest.join(' '));
    else parts.push(i.json.map(quoteWord).join(' '));
  } else {
    parts.push(i.args);
  }
  for (const h of i.heredocs ?? []) parts.push(h.body);
  return parts.join('\n');
}

function quoteWord(w: string): string {
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

/** One simple command: its words (unquoted), with redirections removed. */
export type Command = string[];
/** Commands connected by `|`. */
export type Pipeline = Command[];

/** Splits shell text into pipelines of simple commands. Never throws; unbalanced quotes run to the end. */
export function splitScript(script: string): Pipeline[] {
  const pipelines: Pipeline[] = [];
  let pipeline: Pipeline = [];
  let command: Command = [];
  let word = '';
  let inWord = false;
  let dropNext = false; // the next word is a redirection target
  const s = script;

  const endWord = () => {
    if (inWord) {
      if (dropNext) dropNext = false;
      else command.push(word);
    }
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (command.length > 0) pipeline.push(command);
    command = [];
  };
  const endPipeline = () => {
    endCommand();
    if (pipeline.length > 0) pipelines.push(pipeline);
    pipeline = [];
  };
  /** Reads a balanced `( … )` starting at the '(' at index i; returns the index after it. */
  const readParens = (i: number): number => {
    let depth = 0;
    let j = i;
    for (; j < s.length; j++) {
      const c = s[j];
      if (c === '\\') {
        j++;
        continue;
      }
      if (c === '(') depth++;
      else if (c === ')') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return j;
  };

  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    const next = s[i + 1];
    if (c === '\\') {
      if (next === '\n') {
        i++;
        continue;
      }
      if (next === '\r' && s[i + 2] === '\n') {
        i += 2;
        continue;
      }
      if (next !== undefined) word += next;
      inWord = true;
      i++;
      continue;
    }
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      const stop = end === -1 ? s.length : end;
      word += s.slice(i + 1, stop);
      inWord = true;
      i = stop;
      continue;
    }
    if (c === '"') {
      inWord = true;
      let j = i + 1;
      for (; j < s.length && s[j] !== '"'; j++) {
        if (s[j] === '\\' && j + 1 < s.length && /["\\$`\n]/.test(s[j + 1] as string)) {
          if (s[j + 1] !== '\n') word += s[j + 1];
          j++;
        } else if (s[j] === '$' && s[j + 1] === '(') {
          const end = readParens(j + 1);
          word += s.slice(j, end);
          j = end - 1;
        } else word += s[j];
      }
      i = j;
      continue;
    }
    if (c === '$' && next === '(') {
      const end = readParens(i + 1);
      word += s.slice(i, end);
      inWord = true;
      i = end - 1;
      continue;
    }
    if (c === '#' && !inWord) {
      const end = s.indexOf('\n', i);
      i = end === -1 ? s.length : end - 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      continue;
    }
    if (c === '\n' || c === ';') {
      endPipeline();
      continue;
    }
    if (c === '&') {
      if (next === '&') i++;
      else if (next === '>') {
        // &> file
        endWord();
        i++;
        if (s[i + 1] === '>') i++;
        dropNext = true;
        continue;
      }
      endPipeline();
      continue;
    }
    if (c === '|') {
      if (next === '|') {
        i++;
        endPipeline();
      } else {
        if (next === '&') i++;
        endCommand();
      }
      continue;
    }
    if ((c === '<' || c === '>') && next === '(') {
      // process substitution <( … ) stays one word
      const end = readParens(i + 1);
      endWord();
      word = s.slice(i, end);
      inWord = true;
      i = end - 1;
      endWord();
      continue;
    }
    if (c === '<' || c === '>') {
      // A word of digits right before the operator is a file descriptor.
      if (inWord && /^\d+$/.test(word)) {
        word = '';
        inWord = false;
      } else endWord();
      let j = i + 1;
      while (j < s.length && /[<>&|-]/.test(s[j] as string)) j++;
      const op = s.slice(i, j);
      i = j - 1;
      // >&2, 2>&1: the target is glued to the operator
      if (/&$/.test(op) && /\d|-/.test(s[j] ?? '')) {
        while (i + 1 < s.length && /[\d-]/.test(s[i + 1] as string)) i++;
        continue;
      }
      // Heredoc markers (<<EOF) have their body elsewhere; here strings (<<<) take one word.
      dropNext = true;
      continue;
    }
    if ((c === '(' || c === ')') && !inWord) {
      endPipeline();
      continue;
    }
    word += c;
    inWord = true;
  }
  endPipeline();
  return pipelines;
}

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'time']);
/** Wrappers that run the rest of the words as a command, and their options that take an argument. */
const WRAPPERS: Record<string, RegExp> = {
  sudo: /^-[ugCUhprDRT]$/,
  env: /^-[uSCP]$/,
  exec: /^-a$/,
  command: /^$/,
  nohup: /^$/,
  nice: /^-n$/,
  stdbuf: /^$/,
  chroot: /^$/,
  doas: /^-[uC]$/,
  su_exec: /^$/,
};

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Basename of a command word: /usr/bin/apt-get → apt-get. */
export function commandName(word: string | undefined): string {
  if (word === undefined) return '';
  const slash = word.lastIndexOf('/');
  return slash === -1 ? word : word.slice(slash + 1);
}

/**
 * The words of a command with leading variable assignments, reserved words and wrappers (sudo, env,
 * exec, nice…) removed, so `DEBIAN_FRONTEND=noninteractive sudo -E apt-get install x` is `apt-get install x`.
 */
export function effectiveWords(cmd: Command): string[] {
  let i = 0;
  for (;;) {
    while (i < cmd.length && (ASSIGNMENT.test(cmd[i] as string) || RESERVED.has(cmd[i] as string))) i++;
    const name = commandName(cmd[i]);
    const takesArg = WRAPPERS[name === 'su-exec' ? 'su_exec' : name];
    if (!takesArg) break;
    i++;
    if (name === 'chroot' || name === 'su-exec') {
      // chroot NEWROOT cmd, su-exec USER cmd
      while (i < cmd.length && (cmd[i] as string).startsWith('-')) i++;
      i++;
      continue;
    }
    while (i < cmd.length) {
      const w = cmd[i] as string;
      if (w === '--') {
        i++;
        break;
      }
      if (!w.startsWith('-') && !(name === 'env' && ASSIGNMENT.test(w))) break;
      i += takesArg.test(w) ? 2 : 1;
    }
  }
  return cmd.slice(i);
}

/** Every simple command of a script, with wrappers removed; empty commands dropped. */
export function commandsOf(script: string): string[][] {
  const out: string[][] = [];
  for (const p of splitScript(script)) {
    for (const c of p) {
      const w = effectiveWords(c);
      if (w.length > 0) out.push(w);
    }
  }
  return out;
}

/**
 * Splits `A=1 B="two words"` (or the legacy `NAME value with spaces`) into names and values, unquoted.
 * A word without '=' has no value (ARG NAME).
 */
export function keyValues(args: string, legacy = true): { name: string; value?: string }[] {
  const words = splitScript(args.replace(/\n/g, ' '))
    .flat()
    .flat();
  const first = words[0];
  if (first === undefined) return [];
  if (legacy && !first.includes('=') && words.length > 1) {
    // ENV NAME value… : the value is the rest of the line as written
    const rest = args.trim().slice(args.trim().indexOf(first) + first.length).trim();
    return [{ name: first, value: unquote(rest) }];
  }
  return words.map((w) => {
    const eq = w.indexOf('=');
    return eq === -1 ? { name: w } : { name: w.slice(0, eq), value: w.slice(eq + 1) };
  });
}

function unquote(v: string): string {
  const m = /^(["'])(.*)\1$/s.exec(v);
  return m ? (m[2] as string) : v;
}

/**
 * The name/value pairs of ARG and ENV, each with its pointer: the parser's properties when it has them
 * (each locatable on its own line), else split from the arguments and pointed at the instruction.
 */
export function assignmentsOf(i: DockerInstruction): { name: string; value?: string; pointer: string }[] {
  if (i.properties) {
    return i.properties.map((p, k) => {
      const out: { name: string; value?: string; pointer: string } = { name: p.name, pointer: `${i.pointer}/properties/${k}` };
      if (p.value !== undefined) out.value = p.value;
      return out;
    });
  }
  return keyValues(i.args, i.keyword === 'ENV').map((kv) => ({ ...kv, pointer: i.pointer }));
}

/** The sources of COPY/ADD (everything but the destination), unquoted; heredoc names excluded. */
export function copySources(i: DockerInstruction): string[] {
  const words = i.json ?? splitScript(i.args.replace(/<<-?["']?[A-Za-z0-9_]+["']?/g, ' ')).flat().flat();
  return words.slice(0, -1).filter((w) => w !== '');
}

/** The destination of COPY/ADD. */
export function copyDestination(i: DockerInstruction): string | undefined {
  const words = i.json ?? i.args.trim().split(/\s+/);
  return words[words.length - 1];
}

/** The file name a path ends in: /root/.ssh/id_rsa → id_rsa; a trailing slash is dropped. */
export function baseName(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  return slash === -1 ? trimmed : trimmed.slice(slash + 1);
}

/** A file mode set by chmod, `install -m`, `mkdir -m` or COPY/ADD --chmod. */
export interface ModeChange {
  /** The mode as written: 777, a+w, u+s,g+s… */
  mode: string;
  /** The first path it applies to (the destination for COPY/ADD). */
  path: string;
  worldWritable: boolean;
  setuid: boolean;
  setgid: boolean;
}

const OCTAL = /^[0-7]{3,4}$/;
const SYMBOLIC = /^(?:[ugoa]*(?:[-+=][rwxXstugo]*)+)(?:,[ugoa]*(?:[-+=][rwxXstugo]*)+)*$/;

/** What a mode grants; only additions count (`o-w`, `u-s` remove). */
export function analyseMode(mode: string): { worldWritable: boolean; setuid: boolean; setgid: boolean } | undefined {
  if (OCTAL.test(mode)) {
    const digits = mode.padStart(4, '0');
    const special = Number(digits[0]);
    const others = Number(digits[3]);
    return { worldWritable: (others & 2) !== 0 && (special & 1) === 0, setuid: (special & 4) !== 0, setgid: (special & 2) !== 0 };
  }
  if (!SYMBOLIC.test(mode)) return undefined;
  const out = { worldWritable: false, setuid: false, setgid: false };
  for (const clause of mode.split(',')) {
    const who = /^[ugoa]*/.exec(clause)?.[0] ?? '';
    const ops = clause.slice(who.length).match(/[-+=][rwxXstugo]*/g) ?? [];
    for (const op of ops) {
      if (op[0] === '-') continue;
      const perms = op.slice(1);
      // Without "who", umask (022 in builds) keeps others from getting write.
      if (perms.includes('w') && !perms.includes('t') && /[ao]/.test(who)) out.worldWritable = true;
      if (perms.includes('s')) {
        if (who === '' || /[ua]/.test(who)) out.setuid = true;
        if (who === '' || /[ga]/.test(who)) out.setgid = true;
      }
    }
  }
  return out;
}

/** Mode changes made by an instruction: chmod / install -m / mkdir -m in RUN, --chmod on COPY and ADD. */
export function modeChanges(i: DockerInstruction): ModeChange[] {
  const out: ModeChange[] = [];
  const add = (mode: string, path: string) => {
    const a = analyseMode(mode);
    if (a) out.push({ mode, path, ...a });
  };
  if (i.keyword === 'COPY' || i.keyword === 'ADD') {
    const chmod = i.flags.chmod;
    if (chmod !== undefined) add(chmod, copyDestination(i) ?? '');
    return out;
  }
  if (i.keyword !== 'RUN') return out;
  for (const words of commandsOf(scriptOf(i))) {
    const name = commandName(words[0]);
    const args = words.slice(1);
    if (name === 'chmod') {
      const operands = args.filter((w) => !/^-[RrfvcH]+$/.test(w) && !w.startsWith('--'));
      const [mode, path] = operands;
      if (mode !== undefined) add(mode, path ?? '');
    } else if (name === 'install' || name === 'mkdir') {
      for (let k = 0; k < args.length; k++) {
        const w = args[k] as string;
        const mode = w === '-m' || w === '--mode' ? args[k + 1] : w.startsWith('--mode=') ? w.slice(7) : /^-m\d+$/.test(w) ? w.slice(2) : undefined;
        if (mode === undefined) continue;
        const path = args.filter((x, at) => at > k + (w === '-m' || w === '--mode' ? 1 : 0) && !x.startsWith('-')).pop() ?? '';
        add(mode, path);
        break;
      }
    }
  }
  return out;
}
