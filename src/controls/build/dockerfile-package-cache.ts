import type { DockerInstruction } from '../../model/dockerfile.js';
import { defineControl } from '../define.js';
import { allInstructions, commandName, commandsOf, imageInstructions, scriptOf } from './dockerfile-shell.js';

type Message = 'updateAlone' | 'aptLists' | 'apkCache' | 'pipCache' | 'yumClean';

/** Index-refresh sub-commands, and what must follow them in the same RUN. */
const UPDATE: Record<string, { update: readonly string[]; install: readonly string[] }> = {
  'apt-get': { update: ['update'], install: ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'source', 'build-dep', 'reinstall'] },
  apt: { update: ['update'], install: ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'reinstall'] },
  apk: { update: ['update'], install: ['add', 'upgrade'] },
  yum: { update: ['makecache'], install: ['install', 'update', 'upgrade', 'groupinstall', 'localinstall', 'reinstall'] },
  dnf: { update: ['makecache'], install: ['install', 'update', 'upgrade', 'groupinstall', 'reinstall'] },
  zypper: { update: ['refresh', 'ref'], install: ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch'] },
};
const APT = new Set(['apt-get', 'apt']);
const RPM = new Set(['yum', 'dnf', 'microdnf', 'tdnf']);
const PIP = /^pip[0-9.]*$/;

/** The sub-command of a package-manager invocation: the first word that is not an option. */
function subcommand(words: string[]): string | undefined {
  for (let k = 1; k < words.length; k++) {
    const w = words[k] as string;
    if (w.startsWith('-')) {
      // options with a separate value
      if (/^-(?:o|c|t|X|-repo|-root|-installroot|-setopt|-enablerepo|-disablerepo)$/.test(w)) k++;
      continue;
    }
    return w;
  }
  return undefined;
}

/** A cache mount keeps the cache out of the image. */
function cacheMounted(i: DockerInstruction, path: RegExp): boolean {
  const mount = i.flags.mount ?? '';
  return /type=cache/.test(mount) && path.test(mount);
}

export default defineControl({
  meta: {
    id: 'BLD-011',
    name: 'dockerfile-package-cache',
    surface: 'build',
    severity: 'low',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Package index updates are paired with installs, and package caches are not left in the image.',
      rationale:
        'A RUN with `apt-get update` (apk update, yum/dnf makecache, zypper refresh) alone is cached as its own layer: later ' +
        'builds reuse the stale index and install outdated, vulnerable package versions (CIS Docker 4.7); this is checked ' +
        'in every stage. In the stages that make the image, package caches add tens to hundreds of megabytes of files ' +
        'that only serve the build and widen what a scanner and an attacker find: apt-get/apt install without removing ' +
        '/var/lib/apt/lists in the same RUN, apk add without --no-cache, pip install without --no-cache-dir (or ' +
        'PIP_NO_CACHE_DIR), and yum/dnf/microdnf/tdnf install without `clean all` in the same RUN. A BuildKit cache ' +
        'mount on the cache directory keeps it out of the image and counts as clean.',
      remediation:
        'Update and install in one RUN and clean in the same layer: `RUN apt-get update && apt-get install -y ' +
        '--no-install-recommends curl=8.* && rm -rf /var/lib/apt/lists/*`; `apk add --no-cache curl`; ' +
        '`pip install --no-cache-dir -r requirements.txt`; `dnf install -y curl && dnf clean all`; or use ' +
        '`RUN --mount=type=cache,target=/var/cache/apt …`.',
    },
    frameworks: { seed: ['B8', 'B9'], 'cis-docker': ['4.7'] },
    messages: {
      updateAlone: "RUN refreshes the package index with '{{command}}' but installs nothing in the same RUN: the stale index is cached as a layer.",
      aptLists: '{{manager}} install leaves the package lists in the image: remove /var/lib/apt/lists/* in the same RUN.',
      apkCache: 'apk add without --no-cache leaves the package index in the image.',
      pipCache: '{{manager}} install without --no-cache-dir leaves the download cache in the image.',
      yumClean: "{{manager}} install without '{{manager}} clean all' in the same RUN leaves the package cache in the image.",
    },
  },
  check(subject, ctx) {
    // CIS 4.7: in every stage.
    for (const { instruction: i } of allInstructions(subject)) {
      if (i.keyword !== 'RUN') continue;
      const commands = commandsOf(scriptOf(i));
      commands.some((words, at) => {
        const manager = commandName(words[0]);
        const rule = UPDATE[manager];
        const sub = subcommand(words);
        if (!rule || sub === undefined || !rule.update.includes(sub)) return false;
        const family = (n: string) => (APT.has(manager) ? APT.has(n) : RPM.has(manager) ? RPM.has(n) : n === manager);
        const installs = commands.slice(at + 1).some((w) => {
          const s = subcommand(w);
          return family(commandName(w[0])) && s !== undefined && (UPDATE[commandName(w[0])]?.install ?? []).includes(s);
        });
        if (installs) return false;
        ctx.report({ messageId: 'updateAlone', pointer: i.pointer, data: { command: `${manager} ${sub}` } });
        return true;
      });
    }

    // Cache hygiene: only the stages that make the image.
    // ENV PIP_NO_CACHE_DIR in the image's stages (in build order) turns pip's cache off for the RUNs after it.
    let pipNoCacheEnv = false;
    for (const { instruction: i } of imageInstructions(subject)) {
      if ((i.keyword === 'ENV' || i.keyword === 'ARG') && /\bPIP_NO_CACHE_DIR\b/.test(i.args)) pipNoCacheEnv = true;
      if (i.keyword !== 'RUN') continue;
      const script = scriptOf(i);
      const commands = commandsOf(script);
      const reported = new Set<Message>();
      const report = (messageId: Message, manager: string) => {
        if (reported.has(messageId)) return;
        reported.add(messageId);
        ctx.report({ messageId, pointer: i.pointer, data: { manager } });
      };
      const removes = (path: RegExp) =>
        commands.some((w) => commandName(w[0]) === 'rm' && w.slice(1).some((a) => path.test(a)));
      commands.forEach((words, at) => {
        const manager = commandName(words[0]);
        const sub = subcommand(words);
        if (APT.has(manager) && sub === 'install') {
          if (!removes(/^\/var\/lib\/apt\/lists(?:\/|$)/) && !cacheMounted(i, /\/var\/lib\/apt/)) report('aptLists', manager);
        } else if (manager === 'apk' && sub === 'add') {
          if (!words.includes('--no-cache') && !removes(/^\/var\/cache\/apk(?:\/|$)/) && !cacheMounted(i, /\/var\/cache\/apk/)) report('apkCache', manager);
        } else if (RPM.has(manager) && sub === 'install') {
          const cleaned = commands.slice(at + 1).some((w) => commandName(w[0]) === manager && subcommand(w) === 'clean' && w.includes('all'));
          const removed = removes(new RegExp(`^/var/cache/(?:${manager}|yum|dnf)(?:/|$)`));
          if (!cleaned && !removed && !cacheMounted(i, /\/var\/cache\/(?:yum|dnf)/)) report('yumClean', manager);
        } else {
          // pip install, python -m pip install
          const pipAt = PIP.test(manager) ? 0 : /^python[0-9.]*$/.test(manager) && words[1] === '-m' && PIP.test(words[2] ?? '') ? 2 : -1;
          if (pipAt === -1 || !words.slice(pipAt + 1).includes('install')) return;
          const noCache = words.includes('--no-cache-dir') || /PIP_NO_CACHE_DIR=/.test(script) || pipNoCacheEnv;
          if (!noCache && !cacheMounted(i, /\.cache\/pip/)) report('pipCache', pipAt === 0 ? manager : 'pip');
        }
      });
    }
  },
});
