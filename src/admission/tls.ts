/**
 * Serving certificate and key from files, reloaded when they change. cert-manager (through the kubelet's
 * Secret volume) swaps a `..data` symlink inside the mounted folder, so the folders are watched, not the
 * files: events are debounced, both files are re-read, the pair must load before it replaces the one in
 * use, and an invalid pair leaves the current one serving. A slow poll backs the watcher up on file systems
 * whose change events are unreliable.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createSecureContext } from 'node:tls';

export interface TlsMaterial {
  cert: Buffer;
  key: Buffer;
  /** SHA-256 fingerprint of the leaf certificate, as Node prints it (AA:BB:…). */
  fingerprint256: string;
  subject: string;
  validFrom: Date;
  validTo: Date;
  /** Hash of both files' bytes: an unchanged pair is not reloaded. */
  digest: string;
}

export class TlsMaterialError extends Error {}

/** Reads and validates a certificate/key pair: both PEM, the key matches the certificate, TLS accepts it. */
export async function loadTlsMaterial(certFile: string, keyFile: string): Promise<TlsMaterial> {
  const { cert, key } = await readTlsFiles(certFile, keyFile);
  return parseTlsMaterial(cert, key, certFile);
}

async function readTlsFiles(certFile: string, keyFile: string): Promise<{ cert: Buffer; key: Buffer }> {
  try {
    const [cert, key] = await Promise.all([readFile(certFile), readFile(keyFile)]);
    return { cert, key };
  } catch (e) {
    throw new TlsMaterialError(`cannot read TLS files: ${(e as Error).message}`);
  }
}

function pairDigest(cert: Buffer, key: Buffer): string {
  return createHash('sha256').update(cert).update('\0').update(key).digest('hex');
}

export function parseTlsMaterial(cert: Buffer, key: Buffer, certFile = 'certificate'): TlsMaterial {
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(cert);
  } catch (e) {
    throw new TlsMaterialError(`${certFile}: not a PEM certificate (${(e as Error).message})`);
  }
  try {
    // Throws on a key that does not belong to the certificate ("key values mismatch") or that cannot be read.
    createSecureContext({ cert, key, minVersion: 'TLSv1.2' });
  } catch (e) {
    throw new TlsMaterialError(`${certFile}: certificate and key do not form a usable pair (${(e as Error).message})`);
  }
  return {
    cert,
    key,
    fingerprint256: leaf.fingerprint256,
    subject: leaf.subject,
    validFrom: new Date(leaf.validFrom),
    validTo: new Date(leaf.validTo),
    digest: pairDigest(cert, key),
  };
}

export type ReloadOutcome =
  | { result: 'reloaded'; material: TlsMaterial }
  | { result: 'unchanged' }
  | { result: 'failed'; error: string };

export interface TlsWatcherOptions {
  certFile: string;
  keyFile: string;
  /** Called with every successfully loaded new pair; it installs it (server.setSecureContext). */
  apply: (material: TlsMaterial) => void;
  onOutcome: (outcome: ReloadOutcome) => void;
  current: TlsMaterial;
  debounceMs: number;
  /** 0 disables the poll. */
  pollIntervalMs: number;
}

export interface TlsWatcher {
  /** Re-reads the pair now (also what the watcher and poll call). */
  reload(): Promise<ReloadOutcome>;
  readonly current: TlsMaterial;
  close(): void;
}

export function watchTlsMaterial(options: TlsWatcherOptions): TlsWatcher {
  let current = options.current;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let running: Promise<ReloadOutcome> | undefined;
  let again = false;
  // The bytes of the last pair that failed: the poll does not report the same bad pair again and again.
  let lastFailed: string | undefined;
  const watchers: FSWatcher[] = [];

  const reloadOnce = async (): Promise<ReloadOutcome> => {
    let outcome: ReloadOutcome;
    let digest: string | undefined;
    try {
      const { cert, key } = await readTlsFiles(options.certFile, options.keyFile);
      digest = pairDigest(cert, key);
      if (digest === current.digest || digest === lastFailed) return { result: 'unchanged' };
      const material = parseTlsMaterial(cert, key, options.certFile);
      options.apply(material);
      current = material;
      lastFailed = undefined;
      outcome = { result: 'reloaded', material };
    } catch (e) {
      lastFailed = digest;
      outcome = { result: 'failed', error: e instanceof TlsMaterialError ? e.message : String(e) };
    }
    if (!closed) options.onOutcome(outcome);
    return outcome;
  };

  // One reload at a time; a change seen during a reload runs one more after it.
  const reload = (): Promise<ReloadOutcome> => {
    if (running) {
      again = true;
      return running;
    }
    running = reloadOnce().finally(() => {
      running = undefined;
      if (again && !closed) {
        again = false;
        void reload();
      }
    });
    return running;
  };

  const schedule = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void reload();
    }, options.debounceMs);
    timer.unref();
  };

  const dirs = new Set([path.dirname(path.resolve(options.certFile)), path.dirname(path.resolve(options.keyFile))]);
  for (const dir of dirs) {
    try {
      const w = watch(dir, { persistent: false }, schedule);
      // A folder that disappears (volume unmounted) stops the watcher; the poll still runs.
      w.on('error', () => w.close());
      watchers.push(w);
    } catch {
      // Watching is best effort; the poll covers it.
    }
  }
  const poll = options.pollIntervalMs > 0 ? setInterval(() => void reload(), options.pollIntervalMs) : undefined;
  poll?.unref();

  return {
    reload,
    get current() {
      return current;
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
      for (const w of watchers) w.close();
    },
  };
}
