import { defineControl } from '../define.js';
import { allInstructions, commandName, effectiveWords, scriptOf, splitScript } from './dockerfile-shell.js';

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'time', 'exec', 'env', 'command', 'nohup']);

export default defineControl({
  meta: {
    id: 'BLD-008',
    name: 'dockerfile-sudo',
    surface: 'build',
    severity: 'medium',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'RUN, CMD and ENTRYPOINT do not use sudo.',
      rationale:
        'sudo in a Dockerfile means the image carries a sudo binary and a sudoers rule, so an unprivileged process in the ' +
        'container can become root again: USER no longer limits anything. sudo also behaves unpredictably without a TTY ' +
        'and with its own environment handling, which makes builds fragile. A RUN that needs root should run under ' +
        '`USER root` and switch back, and a process that needs to drop privileges at start should use a tool such as ' +
        'gosu or su-exec.',
      remediation:
        'Use `USER root` before the RUN lines that need it and `USER <app>` after them; remove the sudo package and any ' +
        'sudoers entries from the image. For entrypoints that must start as root and drop privileges, use gosu or su-exec.',
    },
    frameworks: { seed: ['B1', 'B8'] },
    messages: {
      sudo: '{{instruction}} runs a command with sudo: {{command}}.',
    },
  },
  check(subject, ctx) {
    for (const { instruction: i } of allInstructions(subject)) {
      if (i.keyword !== 'RUN' && i.keyword !== 'CMD' && i.keyword !== 'ENTRYPOINT') continue;
      for (const command of splitScript(scriptOf(i)).flat()) {
        let k = 0;
        while (k < command.length && (ASSIGNMENT.test(command[k] as string) || RESERVED.has(command[k] as string))) k++;
        if (commandName(command[k]) !== 'sudo') continue;
        const run = commandName(effectiveWords(command.slice(k))[0]);
        ctx.report({ messageId: 'sudo', pointer: i.pointer, data: { instruction: i.keyword, command: `sudo ${run}`.trim() } });
        break;
      }
    }
  },
});
