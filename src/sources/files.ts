import { readFileSync } from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isDockerfileName } from '../detect/index.js';
import { isImageArchiveName, isOciLayoutDir } from '../image/archive.js';
import type { InputError } from '../model/types.js';

/** One input to scan: its text, or the error that kept us from reading it. */
export type InputFile =
  | { path: string; text: string; error?: undefined; fromFolder?: boolean }
  | { path: string; text?: undefined; error: InputError };

export interface ReadOptions {
  /** Larger files are refused with a clear error rather than exhausting memory. */
  maxFileBytes: number;
}

export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

const SKIPPED_DIRS = new Set(['.git', 'node_modules']);
const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
/** Palisade's own configuration files sit among manifests; they are read as policy, not scanned. */
const CONFIG_NAMES = new Set(['palisade.yaml', 'palisade.yml', '.palisade.yaml', '.palisade.yml']);

/** A file a folder walk reads: a manifest by its extension, a Dockerfile by its name, an image archive (.tar, .tgz, .oci). */
function wanted(name: string): boolean {
  return MANIFEST_EXTENSIONS.has(path.extname(name).toLowerCase()) || isDockerfileName(name) || isImageArchiveName(name);
}

/** An input path: `image` marks an image archive or OCI layout folder, read by the image source, not as text. */
export interface ListedInput {
  path: string;
  fromFolder: boolean;
  image?: boolean;
}

/**
 * Expands the user's paths into the files to read, in a stable order. A folder is walked recursively for
 * manifest files and Dockerfiles (skipping .git and node_modules); a file named explicitly is always read. The path of a
 * file found in a folder is the folder path as given joined with the file's relative path.
 */
export async function* listInputs(paths: string[]): AsyncGenerator<ListedInput | { error: InputError }> {
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (e) {
      yield { error: readError(given, e) };
      continue;
    }
    // A folder that is an OCI image layout is one image, not a folder of manifests.
    if (info.isDirectory() && isOciLayoutDir(given)) yield { path: given, fromFolder: false, image: true };
    else if (info.isDirectory()) yield* walk(given);
    else yield { path: given, fromFolder: false, ...(isImageArchiveName(given) ? { image: true } : {}) };
  }
}

async function* walk(dir: string): AsyncGenerator<ListedInput | { error: InputError }> {
  let entries: { name: string; dir: boolean; file: boolean; link: boolean }[] = [];
  try {
    const handle = await opendir(dir);
    for await (const d of handle) entries.push({ name: d.name, dir: d.isDirectory(), file: d.isFile(), link: d.isSymbolicLink() });
  } catch (e) {
    yield { error: readError(dir, e) };
    return;
  }
  entries = entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.link) {
      // Follow links to files (a broken link is reported), but not links to folders: they can loop.
      if (!wanted(e.name)) continue;
      try {
        if ((await stat(p)).isFile()) yield { path: p, fromFolder: true, ...(isImageArchiveName(e.name) ? { image: true } : {}) };
      } catch (err) {
        yield { error: readError(p, err) };
      }
    } else if (e.dir) {
      if (SKIPPED_DIRS.has(e.name)) continue;
      if (isOciLayoutDir(p)) yield { path: p, fromFolder: true, image: true };
      else yield* walk(p);
    } else if (e.file && wanted(e.name) && !CONFIG_NAMES.has(e.name)) {
      yield { path: p, fromFolder: true, ...(isImageArchiveName(e.name) ? { image: true } : {}) };
    }
  }
}

function readError(file: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file or directory'
    : code === 'EACCES' ? 'permission denied'
    : code === 'ELOOP' ? 'too many levels of symbolic links'
    : code === 'EISDIR' ? 'is a directory'
    : (e as Error).message;
  return { file, code: 'read-error', message: `cannot read: ${why}` };
}

/** A NUL byte early in the file means it is not text; YAML, JSON and Dockerfiles never contain one. */
function looksBinary(buf: Buffer): boolean {
  return buf.subarray(0, 8192).includes(0);
}

export function decodeText(file: string, buf: Buffer, opts: ReadOptions): InputFile {
  if (buf.length > opts.maxFileBytes) {
    return { path: file, error: tooLarge(file, buf.length, opts) };
  }
  if (looksBinary(buf)) {
    return { path: file, error: { file, code: 'binary', message: isDockerfileName(file) ? 'binary file, not a Dockerfile' : 'binary file, not YAML or JSON' } };
  }
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { path: file, text };
}

function tooLarge(file: string, size: number, opts: ReadOptions): InputError {
  return {
    file,
    code: 'too-large',
    message: `file is ${(size / 1048576).toFixed(1)} MiB, over the limit of ${(opts.maxFileBytes / 1048576).toFixed(0)} MiB (--max-file-size)`,
  };
}

export async function readInput(file: string, opts: ReadOptions): Promise<InputFile> {
  try {
    const info = await stat(file);
    if (info.size > opts.maxFileBytes) return { path: file, error: tooLarge(file, info.size, opts) };
    // One synchronous read: fs.promises.readFile reads large files in many small thread-pool round
    // trips, which left the CPU idle for a tenth of a 40 MB scan. A scan has nothing else to do meanwhile.
    return decodeText(file, readFileSync(file), opts);
  } catch (e) {
    return { path: file, error: readError(file, e) };
  }
}

/** Reads all of standard input (for `helm template … | palisade scan -`). */
export async function readStdin(stream: NodeJS.ReadableStream, opts: ReadOptions): Promise<InputFile> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > opts.maxFileBytes) return { path: '-', error: tooLarge('-', size, opts) };
    chunks.push(b);
  }
  return decodeText('-', Buffer.concat(chunks), opts);
}
