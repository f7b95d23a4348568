import type { DockerInstruction } from '../../model/dockerfile.js';
import { defineControl } from '../define.js';
import { finalChain, fromInstruction, stageLabel } from './dockerfile-shell.js';

/** `root`, `0`, `root:group`, `0:0` (and Windows' ContainerAdministrator): the user part decides. */
function isRoot(user: string): boolean {
  const name = user.split(':')[0] ?? '';
  return name === 'root' || /^0+$/.test(name) || name.toLowerCase() === 'containeradministrator';
}

export default defineControl({
  meta: {
    id: 'BLD-001',
    name: 'dockerfile-root-user',
    surface: 'build',
    severity: 'high',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The image built by a Dockerfile runs as a non-root USER.',
      rationale:
        'Without a USER instruction, or when the last one is root (root, 0, root:…, 0:…, or ContainerAdministrator on Windows), every container of the image ' +
        'starts as UID 0. Any remote code execution in the application is then root inside the container: it can change ' +
        'binaries and configuration, read every mounted secret, install tools, and a container escape lands as root on ' +
        'the node. Only the stage that produces the image counts (the final stage and the stages it is built FROM): a root ' +
        'build stage whose output is copied into a non-root final stage is fine. A base image that itself sets a ' +
        'non-root user is not visible from the Dockerfile, so state the user explicitly.',
      remediation:
        'Create an unprivileged user and switch to it at the end of the final stage: `RUN adduser --system --uid 10001 app` ' +
        'then `USER 10001` (a numeric UID lets Kubernetes verify runAsNonRoot). Distroless and Chainguard images provide ' +
        '`nonroot` (65532); Microsoft .NET images provide `app` ($APP_UID). Also set runAsNonRoot: true in the pod spec.',
    },
    frameworks: { seed: ['B1', 'B8', 'B9'], 'cis-docker': ['4.1'] },
    messages: {
      noUser: "The final stage '{{stage}}' (FROM {{image}}) sets no USER, so the image runs as root unless its base image switches user.",
      rootUser: "The image runs as root: the last USER of the final stage '{{stage}}' is '{{user}}'.",
    },
  },
  check(subject, ctx) {
    // The last USER among the final stage and the stages it derives from (a USER in an unrelated stage does not count).
    let last: DockerInstruction | undefined;
    for (const stage of finalChain(subject)) {
      const users = stage.instructions.filter((i) => i.keyword === 'USER');
      last = users[users.length - 1];
      if (last) break;
    }
    const final = subject.finalStage;
    const stage = stageLabel(final);
    if (!last) {
      const from = fromInstruction(final);
      ctx.report({ messageId: 'noUser', pointer: from?.pointer ?? final.pointer, data: { stage, image: final.baseImageRaw } });
      return;
    }
    const user = (last.json?.[0] ?? last.args).trim().split(/\s+/)[0] ?? '';
    if (user.includes('$')) {
      ctx.notEvaluated(`USER '${user}' is set from a variable whose value is not known from the Dockerfile`);
      return;
    }
    if (isRoot(user)) ctx.report({ messageId: 'rootUser', pointer: last.pointer, data: { stage, user } });
  },
});
