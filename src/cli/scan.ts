import { writeFileSync } from 'node:fs';
import type { ParseArgsConfig } from 'node:util';
import { STAGES, type Stage } from '../model/types.js';
import { FORMATS, formatResult, type Format } from '../report/index.js';
import { scan } from '../scan.js';
import { parse, parseAsOf } from './args.js';
import { fullHelp } from './help.js';
import type { CliIo } from './main.js';
import { UsageError } from './usage.js';

const SCAN_OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  profile: { type: 'string', short: 'p' },
  'pss-version': { type: 'string' },
  'fail-on': { type: 'string' },
  stage: { type: 'string' },
  'max-file-size': { type: 'string' },
  'no-color': { type: 'boolean' },
  'as-of': { type: 'string' },
  'aks-calendar': { type: 'string' },
  azure: { type: 'boolean' },
  subscription: { type: 'string', multiple: true },
  'resource-group': { type: 'string' },
  'arm-endpoint': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

/** `palisade scan …`. */
export async function runScan(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, SCAN_OPTIONS);
  if (values.help) {
    io.stdout(await fullHelp());
    return 0;
  }
  if (positionals.length === 0 && !values.azure) throw new UsageError('scan needs at least one path (or - for standard input), or --azure');
  const liveOnly = (['subscription', 'resource-group', 'arm-endpoint'] as const).find((k) => values[k] !== undefined);
  if (liveOnly && !values.azure) throw new UsageError(`--${liveOnly} needs --azure`);
  const format = (values.format ?? 'text') as Format;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}': expected ${FORMATS.join(', ')}`);
  const stage = (values.stage ?? 'ci') as Stage;
  if (!(STAGES as readonly string[]).includes(stage)) throw new UsageError(`unknown stage '${stage}': expected ${STAGES.join(', ')}`);
  let maxFileBytes: number | undefined;
  if (values['max-file-size'] !== undefined) {
    const mib = Number(values['max-file-size']);
    if (!Number.isFinite(mib) || mib <= 0) throw new UsageError(`--max-file-size expects a positive number of MiB`);
    maxFileBytes = Math.round(mib * 1024 * 1024);
  }

  let now: Date | undefined;
  if (values['as-of'] !== undefined) now = parseAsOf(values['as-of']);

  // Loaded only for --azure: the Azure SDK is not needed by any other command.
  const live = values.azure ? await (await import('../azure/live/cli.js')).readLiveForCli(values, io.stderr, io.stderrIsTTY ?? false) : undefined;

  const result = await scan({
    paths: positionals,
    ...(live ? { extraSubjects: live.subjects, unreadable: live.unreadable, azureFacts: { tokenListsRead: live.tokenListsRead } } : {}),
    stage,
    ...(now ? { now } : {}),
    ...(values['aks-calendar'] !== undefined ? { aksCalendar: values['aks-calendar'] } : {}),
    stdin: io.stdin,
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values['no-config'] ? { noConfig: true } : {}),
    ...(values.profile !== undefined ? { profile: values.profile } : {}),
    ...(values['pss-version'] !== undefined ? { pssVersion: values['pss-version'] } : {}),
    ...(values['fail-on'] !== undefined ? { failOn: values['fail-on'] } : {}),
    ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
  });

  const color = format === 'text' && !values.output && !values['no-color'] && io.isTTY && !io.env.NO_COLOR;
  const report = formatResult(result, format, { color, srcRoot: process.cwd() });
  if (values.output) {
    writeFileSync(values.output, report);
  } else {
    io.stdout(report);
  }
  // Machine formats on stdout carry input errors inside; say on stderr that there were some.
  if ((format !== 'text' || values.output) && result.inputErrors.length > 0) {
    for (const e of result.inputErrors) io.stderr(`palisade: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}\n`);
  }
  if (live && (format !== 'text' || values.output)) for (const n of live.unreadable) io.stderr(`palisade: azure: ${n.reason}\n`);
  // As with files: nothing read at all (every scope refused) is exit 2, not a clean scan.
  if (live && live.unreadable.length > 0 && result.summary.resources === 0) return 2;
  return result.summary.exitCode;
}
