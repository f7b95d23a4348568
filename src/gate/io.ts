import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VulnerabilityGateSettings } from '../policy/types.js';
import { evaluateGate, type GateResult, type GateState } from './evaluate.js';
import { readReport } from './read.js';
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
  for (const [k, v] of Object.entries(d.entries)) {
    if (!v || typeof v.firstSeen !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.firstSeen)) throw new StateStoreError(file, `entry '${k}' has no firstSeen date`);
  }
  return d as GateState;
}

/** Writes the state store atomically: a temporary file in the same folder, then a rename over the old one. */
export function writeState(file: string, state: GateState): void {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const sorted: GateState = { version: 1, entries: Object.fromEntries(Object.entries(state.entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
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

/** Reads every report; one that is unusable becomes an input error naming it, the rest are read. */
export function readReports(files: string[]): { reads: ReportRead[]; inputErrors: { file: string; message: string }[] } {
  const reads: ReportRead[] = [];
  const inputErrors: { file: string; message: string }[] = [];
  for (const file of files) {
    try {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new GateInputError(file, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      reads.push(readReport(text, file));
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
