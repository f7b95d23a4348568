import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { evaluateGate } from '../gate/evaluate.js';
import { readReports, readState, StateStoreError, writeState, type GateRun } from '../gate/io.js';
import { formatGateJson, gateExitCode, writeGateJson } from '../gate/report-json.js';
import { formatGateJunit } from '../gate/report-junit.js';
import { formatGateSarif } from '../gate/report-sarif.js';
import { formatGateText } from '../gate/report-text.js';
import { ConfigError, parseConfig, resolveGateSettings, type RawConfig } from '../policy/config.js';
import { discoverConfig } from '../policy/discover.js';
import { parse, parseAsOf } from './args.js';
import type { CliIo } from './main.js';
import { UsageError } from './usage.js';

export const GATE_HELP = `Vulnerability gate:
  palisade gate vulns <report…|-> [--config <file>] [--state <file>] [--as-of <YYYY-MM-DD>]
                      [--format text|json|sarif|junit] [--output <file>]
    Reads Trivy JSON, Grype JSON, CycloneDX JSON (with VEX), OpenVEX and SARIF reports (- for standard
    input: trivy image -f json … | palisade gate vulns -); groups every
    finding as fix-now, in-grace (fix by a date), secops-backlog (no vendor fix) or suppressed.
    Exit codes: 0 nothing to fix now, 1 something to fix now, 2 no usable report or a bad configuration.
`;

const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;

/** `palisade gate vulns …`. */
export async function runGateCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || sub === undefined) {
    io.stdout(GATE_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'vulns') throw new UsageError(`unknown gate subcommand '${sub}': expected vulns`);
  const parsed = parse(rest, {
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    state: { type: 'string' },
    'as-of': { type: 'string' },
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  });
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(GATE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('gate vulns needs at least one report');
  if (positionals.filter((p) => p === '-').length > 1) throw new UsageError("standard input ('-') can be given once");
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}': expected ${FORMATS.join(', ')}`);
  const asOf = (values['as-of'] !== undefined ? parseAsOf(values['as-of']) : new Date()).toISOString().slice(0, 10);

  // The policy file: --config, else palisade.yaml found upward from the working folder.
  const configFile = values.config ?? (values['no-config'] ? undefined : discoverConfig('.'));
  let raw: RawConfig = {};
  if (configFile) {
    let text: string;
    try {
      text = readFileSync(configFile, 'utf8');
    } catch (e) {
      throw new ConfigError(`cannot read configuration: ${(e as Error).message}`, configFile);
    }
    raw = parseConfig(text, configFile);
  }
  const settings = resolveGateSettings(raw.gate, configFile);

  let state;
  if (values.state !== undefined) {
    try {
      state = readState(values.state);
    } catch (e) {
      if (e instanceof StateStoreError) {
        io.stderr(`palisade: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  }

  // `trivy image -f json … | palisade gate vulns -`: the report on standard input.
  const stdin = positionals.includes('-') ? await readAll(io.stdin) : undefined;
  const { reads, inputErrors } = readReports(positionals, stdin);
  const result = evaluateGate(reads, { settings, asOf, ...(state ? { state } : {}) });
  const run: GateRun = { ...result, reads, inputErrors, stateWritten: false };
  // The state store is written only when every input was usable, and atomically.
  if (values.state !== undefined && inputErrors.length === 0 && reads.length > 0) run.stateWritten = true;

  if (format === 'json') {
    // JSON is written a chunk at a time as it is made: a report of tens of thousands of findings is tens of
    // megabytes that are never held whole.
    if (values.output !== undefined) writeJsonFile(values.output, run);
    else if (io.stdoutBytes) writeGateJson(run, io.stdoutBytes);
    else io.stdout(formatGateJson(run));
  } else {
    const report = format === 'sarif' ? formatGateSarif(run, { srcRoot: process.cwd() }) : format === 'junit' ? formatGateJunit(run) : formatGateText(run);
    if (values.output !== undefined) writeFileSync(values.output, report);
    else io.stdout(report);
  }
  if (format !== 'text' || values.output !== undefined) for (const e of inputErrors) io.stderr(`palisade: ${e.message}\n`);
  if (run.stateWritten && values.state !== undefined) writeState(values.state, result.state);
  return gateExitCode(run);
}

/** The JSON report into a file, chunk by chunk. */
function writeJsonFile(file: string, run: GateRun): void {
  const fd = openSync(file, 'w');
  try {
    writeGateJson(run, (chunk) => {
      for (let off = 0; off < chunk.length; ) off += writeSync(fd, chunk, off, chunk.length - off);
      return true;
    });
  } finally {
    closeSync(fd);
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
