import { writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { catalog, findControl } from '../controls/index.js';
import { renderControlListJson, renderControlTable, renderExplain, renderCatalogMarkdown, renderSeedCoverageMarkdown } from '../docs/catalog.js';
import { STAGES, type Stage } from '../model/types.js';
import { ConfigError } from '../policy/config.js';
import { isProfile, profileIncludes, PROFILES } from '../policy/profiles.js';
import { FORMATS, formatResult, type Format } from '../report/index.js';
import { scan } from '../scan.js';
import { VERSION } from '../version.js';
import { UsageError } from './usage.js';
import { GATE_HELP, runGateCommand } from './gate.js';
import { runWebhook, WEBHOOK_HELP } from './webhook.js';

/** Where the CLI writes; injectable so tests run it in-process. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: NodeJS.ReadableStream;
  isTTY: boolean;
  /** Whether standard error is a terminal (progress bars); false when absent. */
  stderrIsTTY?: boolean;
  env: Record<string, string | undefined>;
  /** Where long-running commands (webhook serve) hear SIGTERM and SIGINT; the process when absent. */
  signals?: SignalSource;
}

export interface SignalSource {
  on(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
  off(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
}

const HELP = `palisade ${VERSION}: security governance for AKS and Kubernetes

Usage:
  palisade scan <path…|-> [options]     scan manifests, Dockerfiles and images (files, folders, or - for stdin)
  palisade scan --azure --subscription <id> [--subscription <id>…] [--resource-group <rg>] [path…] [options]
                                        read AKS clusters and container registries live from Azure Resource Manager
  palisade controls list [--format text|json|markdown] [--profile <name>]
  palisade controls explain <id|name>
  palisade controls coverage            seed countermeasure coverage (markdown)
  palisade webhook serve --port <n> --tls-cert <file> --tls-key <file> [options]
  palisade webhook certs --out <dir> [--service <name>] [--namespace <ns>] [--days <n>]
  palisade gate vulns <report…> [options]  vulnerability gate over Trivy/Grype/CycloneDX/SARIF reports
  palisade version

Scan options:
  -f, --format <text|json|sarif|junit>  output format (default text)
  -o, --output <file>                   write the report to a file instead of standard output
  -c, --config <file>                   configuration file (default: palisade.yaml found upward from the first path)
      --no-config                       ignore palisade.yaml files
  -p, --profile <name>                  ${PROFILES.join(' | ')} (default recommended)
      --pss-version <v1.N|latest>       Pod Security Standards version (default latest, v1.37)
      --fail-on <severity>              info | low | medium | high | critical (default low)
      --stage <ci|admission|audit>      which stage's actions apply (default ci)
      --max-file-size <MiB>             refuse larger inputs (default 64)
      --as-of <YYYY-MM-DD>              evaluation date: version support, exemption expiry, image age (default today)
      --aks-calendar <file>             AKS version calendar JSON (default: azure.versionCalendar, else the bundled one)
      --no-color                        plain text even on a terminal

Live Azure (scan --azure):
      --subscription <id>               subscription to read (repeat for several); required with --azure
      --resource-group <rg>             read only this resource group in each subscription
      --arm-endpoint <url>              Azure Resource Manager URL (default https://management.azure.com; sovereign clouds)
  Reads managed clusters, registries, each registry's tokens and AcrPull role assignments, and the AKS versions of
  each cluster region, signed in with DefaultAzureCredential (AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET,
  workload or managed identity, or 'az login'). Needs Reader on the scopes. What cannot be read (403, 404, network)
  is listed as not evaluated (AZURE-LIVE), never as a pass. Paths given too are scanned with them as one estate.

${WEBHOOK_HELP}
${GATE_HELP}
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, configuration or input error that stopped the scan
(or, with --azure, no scope could be read).
`;

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

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** A calendar date for --as-of, as UTC midnight; anything else is a usage error. */
export function parseAsOf(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!d || d.toISOString().slice(0, 10) !== text) throw new UsageError(`--as-of expects a date YYYY-MM-DD, got '${text}'`);
  return d;
}

async function runScan(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, SCAN_OPTIONS);
  if (values.help) {
    io.stdout(HELP);
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

function runControls(args: string[], io: CliIo): number {
  const [sub, ...rest] = args;
  if (sub === 'list' || sub === undefined) {
    const { values } = parse(rest, { format: { type: 'string', short: 'f' }, profile: { type: 'string', short: 'p' } });
    let controls = catalog;
    if (values.profile !== undefined) {
      const profile = values.profile;
      if (!isProfile(profile)) throw new UsageError(`unknown profile '${profile}': expected ${PROFILES.join(', ')}`);
      controls = catalog.filter((c) => profileIncludes(profile, c));
    }
    const format = values.format ?? 'text';
    if (format === 'json') io.stdout(renderControlListJson(controls));
    else if (format === 'markdown') io.stdout(renderCatalogMarkdown(controls));
    else if (format === 'text') io.stdout(renderControlTable(controls));
    else throw new UsageError(`unknown format '${format}': expected text, json, markdown`);
    return 0;
  }
  if (sub === 'explain') {
    const key = rest[0];
    if (!key) throw new UsageError('controls explain needs a control id or name');
    const control = findControl(key);
    if (!control) {
      io.stderr(`palisade: no control '${key}'. See 'palisade controls list'.\n`);
      return 2;
    }
    io.stdout(renderExplain(control));
    return 0;
  }
  if (sub === 'coverage') {
    io.stdout(renderSeedCoverageMarkdown(catalog));
    return 0;
  }
  throw new UsageError(`unknown controls subcommand '${sub}': expected list, explain, coverage`);
}

/** Runs the CLI and returns the exit code. Never calls process.exit, so it can be tested in-process. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'scan':
        return await runScan(rest, io);
      case 'controls':
        return runControls(rest, io);
      case 'webhook':
        return await runWebhook(rest, io);
      case 'gate':
        return runGateCommand(rest, io);
      case 'version':
      case '--version':
      case '-v':
        io.stdout(`${VERSION}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`palisade: ${e.message}\nRun 'palisade --help' for usage.\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      io.stderr(`palisade: configuration error: ${e.message}\n`);
      return 2;
    }
    io.stderr(`palisade: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}
