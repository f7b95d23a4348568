import { defineControl } from '../define.js';
import { commandName, commandsOf, finalChain, scriptOf } from './dockerfile-shell.js';

const SSH_PORT = 22;

/** SSH server packages by package manager family. */
function isSshServer(pkg: string, manager: string): boolean {
  const name = pkg.replace(/[=<>~].*$/, '');
  if (name === 'openssh-server' || name === 'dropbear') return true;
  // Alpine's `openssh` pulls in the server; Debian's `ssh` is the client-and-server meta-package.
  if (name === 'openssh') return manager === 'apk';
  if (name === 'ssh') return manager === 'apt-get' || manager === 'apt' || manager === 'aptitude';
  return false;
}
/** Package-manager commands whose arguments after the sub-command are packages to install. */
const INSTALLERS: Record<string, readonly string[]> = {
  'apt-get': ['install'],
  apt: ['install'],
  aptitude: ['install'],
  apk: ['add'],
  yum: ['install'],
  dnf: ['install'],
  microdnf: ['install'],
  tdnf: ['install'],
  zypper: ['install', 'in'],
};

/** `22`, `22/tcp`, `20-30`, `20-30/tcp`: whether the EXPOSE word covers port 22 over TCP. */
function coversSsh(word: string): boolean {
  const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(word.trim());
  if (!m) return false;
  if (m[3] !== undefined && m[3].toLowerCase() !== 'tcp') return false;
  const low = Number(m[1]);
  const high = m[2] !== undefined ? Number(m[2]) : low;
  return low <= SSH_PORT && SSH_PORT <= high;
}

export default defineControl({
  meta: {
    id: 'BLD-002',
    name: 'dockerfile-ssh-exposed',
    surface: 'build',
    severity: 'high',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The image does not EXPOSE port 22 or install an SSH server.',
      rationale:
        'An SSH daemon in a container is a second, unaudited door: it carries its own keys or passwords (often baked into ' +
        'the image and shared by every replica), bypasses the Kubernetes API, RBAC and its audit log, and gives an ' +
        'interactive shell to whoever holds a key. Containers are debugged with `kubectl exec` / `kubectl debug`, which ' +
        'are authenticated with Entra ID and recorded. EXPOSE 22 (alone, as 22/tcp, or in a range) in the stages that ' +
        'make the image, and installing openssh-server or dropbear with apt, apk, yum, dnf, microdnf, tdnf or zypper in any ' +
        'RUN of those stages, are reported. Installing only the SSH client (openssh-client) is not.',
      remediation:
        'Remove the SSH server package and the EXPOSE; use `kubectl exec`/`kubectl debug` with Azure RBAC for Kubernetes. ' +
        'If the image is an SFTP service by design, record an exemption with an owner and isolate it with a NetworkPolicy.',
    },
    frameworks: { seed: ['B2', 'B8'] },
    messages: {
      exposed: "The image exposes the SSH port: EXPOSE {{port}}.",
      sshServer: "RUN installs the SSH server package '{{package}}' with {{manager}}.",
    },
  },
  check(subject, ctx) {
    for (const stage of finalChain(subject).reverse()) {
      for (const i of stage.instructions) {
        if (i.keyword === 'EXPOSE') {
          const words = i.json ?? i.args.trim().split(/\s+/);
          const port = words.find(coversSsh);
          if (port !== undefined) ctx.report({ messageId: 'exposed', pointer: i.pointer, data: { port } });
          continue;
        }
        if (i.keyword !== 'RUN') continue;
        let found: { package: string; manager: string } | undefined;
        for (const words of commandsOf(scriptOf(i))) {
          const manager = commandName(words[0]);
          const subcommands = INSTALLERS[manager];
          if (!subcommands) continue;
          const args = words.slice(1);
          const sub = args.findIndex((w) => subcommands.includes(w));
          if (sub === -1) continue;
          const pkg = args.slice(sub + 1).find((w) => !w.startsWith('-') && isSshServer(w, manager));
          if (pkg !== undefined) {
            found = { package: pkg.replace(/[=<>~].*$/, ''), manager };
            break;
          }
        }
        if (found) ctx.report({ messageId: 'sshServer', pointer: i.pointer, data: found });
      }
    }
  },
});
