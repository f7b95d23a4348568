/**
 * `palisade webhook serve` and `palisade webhook certs`: argument parsing and process concerns (signals,
 * files, the startup line) around the admission server and the certificate generator.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { caBundle, DEFAULT_DAYS, DEFAULT_NAMESPACE, DEFAULT_SERVICE, generateWebhookCertificates } from '../admission/certs.js';
import { createAdmissionHandler } from '../admission/decide.js';
import { fileSink, teeSink, writerSink, type LogSink } from '../admission/log-sink.js';
import { DEFAULT_LIMITS, startWebhookServer, type ServerEvent, type WebhookLimits } from '../admission/server.js';
import { TlsMaterialError } from '../admission/tls.js';
import { loadPolicy } from '../scan.js';
import { VERSION } from '../version.js';
import type { CliIo, SignalSource } from './main.js';
import { UsageError } from './usage.js';

export const WEBHOOK_HELP = `Webhook serve options:
      --port <n>                        HTTPS port to listen on (required)
      --tls-cert <file>                 serving certificate (PEM), reloaded when it changes (required)
      --tls-key <file>                  its private key (PEM) (required)
  -c, --config <file>                   configuration file (default: palisade.yaml found upward from the working directory)
      --no-config                       ignore palisade.yaml files (built-in defaults)
      --host <addr>                     listen on this address only (default: all interfaces)
      --log-file <file>                 also append every decision line to this file
      --max-body-bytes <n>              refuse larger reviews with 413 (default ${DEFAULT_LIMITS.maxBodyBytes})

Webhook certs options:
      --out <dir>                       folder for ca.crt, tls.crt and tls.key (required)
      --service <name>                  Service name (default ${DEFAULT_SERVICE})
      --namespace <ns>                  its namespace (default ${DEFAULT_NAMESPACE})
      --days <n>                        validity in days (default ${DEFAULT_DAYS})
`;

const SERVE_OPTIONS = {
  port: { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  host: { type: 'string' },
  'log-file': { type: 'string' },
  'max-body-bytes': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

const CERTS_OPTIONS = {
  out: { type: 'string', short: 'o' },
  service: { type: 'string' },
  namespace: { type: 'string' },
  days: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export async function runWebhook(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'serve') return serve(rest, io);
  if (sub === 'certs') return certs(rest, io);
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.stdout(`Usage:\n  palisade webhook serve --port <n> --tls-cert <file> --tls-key <file> [options]\n  palisade webhook certs --out <dir> [options]\n\n${WEBHOOK_HELP}`);
    return sub === undefined ? 2 : 0;
  }
  throw new UsageError(`unknown webhook subcommand '${sub}': expected serve, certs`);
}

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} expects a whole number from ${min} to ${max}, got '${value}'`);
  }
  return n;
}

// ---------------------------------------------------------------------------------------------------
// serve
// ---------------------------------------------------------------------------------------------------

async function serve(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, SERVE_OPTIONS);
  if (values.help) {
    io.stdout(WEBHOOK_HELP);
    return 0;
  }
  if (values.port === undefined) throw new UsageError('webhook serve needs --port');
  if (values['tls-cert'] === undefined || values['tls-key'] === undefined) throw new UsageError('webhook serve needs --tls-cert and --tls-key');
  const port = wholeNumber('--port', values.port, 0, 65535);
  const limits: Partial<WebhookLimits> = {};
  if (values['max-body-bytes'] !== undefined) limits.maxBodyBytes = wholeNumber('--max-body-bytes', values['max-body-bytes'], 1024, 64 * 1024 * 1024);

  const event = (e: ServerEvent) => io.stderr(`${JSON.stringify({ time: new Date().toISOString(), ...e })}\n`);

  // Configuration errors stop here, before the port opens: a pod that cannot load its policy never turns ready.
  const policy = loadPolicy({
    paths: [],
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values['no-config'] ? { noConfig: true } : {}),
  });
  const handler = createAdmissionHandler(policy);

  const sinks: LogSink[] = [writerSink(io.stdout)];
  if (values['log-file'] !== undefined) {
    try {
      sinks.push(fileSink(values['log-file'], (e) => event({ level: 'error', msg: 'cannot write the decision log file', file: values['log-file'], error: e.message })));
    } catch (e) {
      throw new UsageError(`cannot open --log-file: ${(e as Error).message}`);
    }
  }
  const log = sinks.length === 1 ? (sinks[0] as LogSink) : teeSink(...sinks);

  let server;
  try {
    server = await startWebhookServer({
      port,
      ...(values.host !== undefined ? { host: values.host } : {}),
      certFile: values['tls-cert'],
      keyFile: values['tls-key'],
      handler,
      log,
      limits,
      onEvent: event,
    });
  } catch (e) {
    await log.close();
    if (e instanceof TlsMaterialError) {
      io.stderr(`palisade: ${e.message}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE' || err.code === 'EACCES' || err.code === 'EADDRNOTAVAIL') {
      io.stderr(`palisade: cannot listen on ${values.host ?? '*'}:${port}: ${err.message}\n`);
      return 2;
    }
    throw e;
  }
  await server.ready;
  event({
    level: 'info',
    msg: 'palisade webhook serving',
    version: VERSION,
    address: server.address.host,
    port: server.address.port,
    config: policy.configFile ?? null,
    profile: policy.profile,
    certificate: { subject: server.tls.subject, fingerprint256: server.tls.fingerprint256, validTo: server.tls.validTo.toISOString() },
    maxBodyBytes: limits.maxBodyBytes ?? DEFAULT_LIMITS.maxBodyBytes,
    logFile: values['log-file'] ?? null,
  });

  const signals: SignalSource = io.signals ?? process;
  const signal = await new Promise<string>((resolve) => {
    const onTerm = () => done('SIGTERM');
    const onInt = () => done('SIGINT');
    const done = (name: string) => {
      signals.off('SIGTERM', onTerm);
      signals.off('SIGINT', onInt);
      resolve(name);
    };
    signals.on('SIGTERM', onTerm);
    signals.on('SIGINT', onInt);
  });
  event({ level: 'info', msg: 'shutting down: finishing requests in flight', signal, inFlight: server.metrics.inFlight });
  // A second signal while draining cuts the connections still open (a person pressing Ctrl-C twice).
  const force = () => void server.close({ force: true });
  signals.on('SIGTERM', force);
  signals.on('SIGINT', force);
  try {
    await server.close();
  } finally {
    signals.off('SIGTERM', force);
    signals.off('SIGINT', force);
  }
  event({ level: 'info', msg: 'stopped' });
  return 0;
}

// ---------------------------------------------------------------------------------------------------
// certs
// ---------------------------------------------------------------------------------------------------

async function certs(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, CERTS_OPTIONS);
  if (values.help) {
    io.stdout(WEBHOOK_HELP);
    return 0;
  }
  if (values.out === undefined) throw new UsageError('webhook certs needs --out <dir>');
  const days = values.days !== undefined ? wholeNumber('--days', values.days, 1, 3650) : DEFAULT_DAYS;
  let generated;
  try {
    generated = await generateWebhookCertificates({
      days,
      ...(values.service !== undefined ? { service: values.service } : {}),
      ...(values.namespace !== undefined ? { namespace: values.namespace } : {}),
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const dir = values.out;
  mkdirSync(dir, { recursive: true });
  // The key and certificate first, then the CA: a server watching the folder sees a complete pair.
  writeAtomically(path.join(dir, 'tls.key'), generated.key, 0o600);
  writeAtomically(path.join(dir, 'tls.crt'), generated.cert, 0o644);
  writeAtomically(path.join(dir, 'ca.crt'), generated.caCert, 0o644);
  io.stderr(
    `palisade: wrote ${path.join(dir, 'ca.crt')}, ${path.join(dir, 'tls.crt')}, ${path.join(dir, 'tls.key')} ` +
      `(valid ${days} days for ${generated.dnsNames.join(', ')}, 127.0.0.1); caBundle on standard output\n`,
  );
  io.stdout(`${caBundle(generated.caCert)}\n`);
  return 0;
}

/** Write to a temporary file beside the target, then rename: readers never see half a PEM. */
function writeAtomically(file: string, content: string, mode: number): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(tmp, content, { mode });
  renameSync(tmp, file);
}
