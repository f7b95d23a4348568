import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VulnerabilityGateSettings } from '../policy/types.js';
import { evaluateGate, type GateResult, type GateState } from './evaluate.js';
import { PADDING, padInScratch, readReportBytes } from './read.js';
import { scratchBuffer } from './scratch.js';
import { GateInputError, type ReportRead } from './types.js';

/** The gate's one I/O module: reads reports and the state store, writes the state store atomically. */

export class StateStoreError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`state store ${file}: ${message}`);
    this.name = 'StateStoreError';
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the state store; a missing file is an empty store (the first run). */
export function readState(file: string): GateState {
  if (!existsSync(file)) return { version: 1, entries: {} };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new StateStoreError(file, `not readable JSON: ${(e as Error).message}`);
  }
  const d = data as Partial<GateState> | null;
  if (!d || typeof d !== 'object' || d.version !== 1 || typeof d.entries !== 'object' || d.entries === null) {
    throw new StateStoreError(file, 'not a Palisade gate state store (expected {"version":1,"entries":{…}})');
  }
  const entries = d.entries;
  for (const k in entries) {
    if (!Object.hasOwn(entries, k)) continue;
    const v = entries[k];
    if (!v || typeof v.firstSeen !== 'string' || !DATE.test(v.firstSeen)) throw new StateStoreError(file, `entry '${k}' has no firstSeen date`);
  }
  return d as GateState;
}

/** Writes the state store atomically: a temporary file in the same folder, then a rename over the old one. */
export function writeState(file: string, state: GateState): void {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // Sorted by key (code-unit order: the default sort's, no comparator called), so that the file a CI cache
  // keeps changes only where findings came and went.
  const entries: GateState['entries'] = {};
  for (const k of Object.keys(state.entries).sort()) entries[k] = state.entries[k] as GateState['entries'][string];
  const sorted: GateState = { version: 1, entries };
  try {
    writeFileSync(tmp, `${JSON.stringify(sorted, null, 1)}\n`);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export interface GateRunOptions {
  reports: string[];
  settings: VulnerabilityGateSettings;
  asOf: string;
  stateFile?: string;
}

export interface GateRun extends GateResult {
  reads: ReportRead[];
  inputErrors: { file: string; message: string }[];
  /** True when the state store was written (a state file was given and every input was usable). */
  stateWritten: boolean;
}

/**
 * A file's bytes, with PADDING zero bytes after them, in the gate's scratch buffer: a report is scanned as
 * bytes and never decoded as a whole (decoding a report of tens of megabytes into a string took longer than
 * everything else the gate does with it), and a process that reads report after report reuses the memory.
 * Reads to the end whatever fstat says (pipes and process substitutions have no size).
 */
function readPadded(file: string): { buf: Buffer; len: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    let buf = scratchBuffer(Math.max(size, 64 * 1024) + PADDING);
    let len = 0;
    for (;;) {
      if (buf.length - len < PADDING + 1) {
        const bigger = scratchBuffer(buf.length * 2);
        buf.copy(bigger, 0, 0, len);
        buf = bigger;
      }
      const n = readSync(fd, buf, len, buf.length - len - PADDING, null);
      if (n === 0) break;
      len += n;
    }
    buf.fill(0, len, len + PADDING);
    return { buf, len };
  } finally {
    closeSync(fd);
  }
}

/** Reads every report; one that is unusable becomes an input error naming it, the rest are read. */
export function readReports(files: string[], stdin?: Uint8Array): { reads: ReportRead[]; inputErrors: { file: string; message: string }[] } {
  const reads: ReportRead[] = [];
  const inputErrors: { file: string; message: string }[] = [];
  for (const file of files) {
    try {
      let bytes: { buf: Buffer; len: number };
      try {
        // '-' is standard input, read beforehand by the caller (the CLI reads its stream).
        bytes = file === '-' && stdin !== undefined ? padInScratch(stdin) : readPadded(file);
      } catch (e) {
        throw new GateInputError(file, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      reads.push(readReportBytes(bytes.buf, bytes.len, file));
    } catch (e) {
      if (!(e instanceof GateInputError)) throw e;
      inputErrors.push({ file, message: e.message });
    }
  }
  return { reads, inputErrors };
}

/** Reads, evaluates and saves the state store (only when every input was usable). The library entry point. */
export function runGate(options: GateRunOptions): GateRun {
  const state = options.stateFile !== undefined ? readState(options.stateFile) : undefined;
  const { reads, inputErrors } = readReports(options.reports);
  const result = evaluateGate(reads, { settings: options.settings, asOf: options.asOf, ...(state ? { state } : {}) });
  const stateWritten = options.stateFile !== undefined && inputErrors.length === 0 && reads.length > 0;
  if (stateWritten && options.stateFile !== undefined) writeState(options.stateFile, result.state);
  return { ...result, reads, inputErrors, stateWritten };
}
