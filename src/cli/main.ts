import { ConfigError } from '../policy/errors.js';
import { VERSION } from '../version.js';
import { fullHelp } from './help.js';
import { UsageError } from './usage.js';

/*
 * The entry point only dispatches: each command's module (and what it needs: the control catalog, the
 * admission server, the gate's readers) is loaded when that command runs, so `palisade gate …` or
 * `palisade version` does not pay for loading the scan engine and its parsers.
 */

/** Where the CLI writes; injectable so tests run it in-process. */
export interface CliIo {
  stdout: (s: string) => void;
  /**
   * Bytes to standard output, for reports written a chunk at a time; returns true when the chunk has been
   * written out (its memory may be reused), false when the stream still holds it. Text goes to stdout when absent.
   */
  stdoutBytes?: (chunk: Uint8Array) => boolean;
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

/** Runs the CLI and returns the exit code. Never calls process.exit, so it can be tested in-process. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'scan':
        return await (await import('./scan.js')).runScan(rest, io);
      case 'controls':
        return (await import('./controls.js')).runControls(rest, io);
      case 'webhook':
        return await (await import('./webhook.js')).runWebhook(rest, io);
      case 'gate':
        return await (await import('./gate.js')).runGateCommand(rest, io);
      case 'version':
      case '--version':
      case '-v':
        io.stdout(`${VERSION}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(await fullHelp());
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
