/**
 * Progress of a live Azure read on standard error: a one-line bar redrawn in place on a terminal, otherwise
 * one plain line per subscription read (CI logs), never anything on standard output.
 */
import type { LiveProgress } from './read.js';

export interface ProgressRenderer {
  onProgress: (p: LiveProgress) => void;
  /** Clears the bar (call before the report is written). */
  finish: () => void;
}

const WIDTH = 24;

export function progressRenderer(write: (s: string) => void, tty: boolean, now: () => number = Date.now): ProgressRenderer {
  let last = 0;
  let drawn = false;
  const plain = (p: LiveProgress) => {
    const d = p.subscriptionDone;
    if (!d) return;
    const parts = [`${d.clusters} cluster${d.clusters === 1 ? '' : 's'}`, `${d.registries} registr${d.registries === 1 ? 'y' : 'ies'}`];
    if (d.unreadable > 0) parts.push(`${d.unreadable} part${d.unreadable === 1 ? '' : 's'} not readable (see "Not evaluated")`);
    write(`palisade: azure: subscription ${p.subscriptionIndex}/${p.subscriptions} ${p.subscription}: ${parts.join(', ')}\n`);
  };
  const bar = (p: LiveProgress) => {
    const t = now();
    if (!p.subscriptionDone && t - last < 80) return;
    last = t;
    const ratio = p.requestsPlanned > 0 ? p.requestsDone / p.requestsPlanned : 0;
    const filled = Math.round(ratio * WIDTH);
    const columns = Number(process.stderr.columns) || 100;
    const line = `azure [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${p.requestsDone}/${p.requestsPlanned} reads · subscription ${p.subscriptionIndex}/${p.subscriptions} · ${p.what}`;
    write(`\r\x1b[2K${line.length > columns - 1 ? `${line.slice(0, columns - 2)}…` : line}`);
    drawn = true;
  };
  return {
    onProgress: tty ? bar : plain,
    finish: () => {
      if (drawn) write('\r\x1b[2K');
      drawn = false;
    },
  };
}
