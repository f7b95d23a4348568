/**
 * What every benchmark script shares: peak RSS, and sections that each run in a fresh child process (so
 * each section's peak memory is its own) chosen with BENCH_SECTIONS.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Peak resident set size of this process (VmHWM on Linux, getrusage elsewhere), in bytes. */
export function peakRssBytes() {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux: fall back to getrusage
  }
  return process.resourceUsage().maxRSS * 1024;
}

export const mib = (b) => `${(b / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Runs a bench script made of sections: `sections` maps a name to { run(inChild) → printable text (in the
 * parent), child(args) → JSON-able figures (in a fresh process) }. `script` is the script's own path.
 */
export async function runSections(script, title, sections) {
  const inChild = (section, args) =>
    new Promise((resolve, reject) => {
      const child = fork(script, ['--child', section], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      child.once('message', (m) => (m.error ? reject(new Error(m.error)) : resolve(m.result)));
      child.once('error', reject);
      child.once('exit', (code) => code !== 0 && reject(new Error(`${section} child exited ${code}`)));
      child.send(args);
    });

  if (process.argv[2] === '--child') {
    const section = sections[process.argv[3]];
    process.once('message', async (args) => {
      try {
        process.send({ result: await section.child(args) }, () => process.exit(0));
      } catch (e) {
        process.send({ error: e.stack ?? String(e) }, () => process.exit(1));
      }
    });
    return;
  }
  const wanted = (process.env.BENCH_SECTIONS ?? Object.keys(sections).join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  console.log(`${title}, node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}`);
  for (const name of wanted) {
    const s = sections[name];
    if (!s) {
      console.log(`${name}: no such section (have ${Object.keys(sections).join(', ')})`);
      continue;
    }
    console.log(await s.run(inChild));
  }
}

/** True when `script` is the file node was started with (not imported by another script). */
export function isMain(script) {
  return Boolean(process.argv[1]) && path.resolve(process.argv[1]) === script;
}
