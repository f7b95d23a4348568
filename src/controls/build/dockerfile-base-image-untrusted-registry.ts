import { fullName, allowListFromOption, DEFAULT_ALLOWED_REGISTRIES } from '../../model/image-ref.js';
import { defineControl } from '../define.js';
import { externalBaseImages, fromInstruction, stageLabel } from './dockerfile-shell.js';

export default defineControl({
  meta: {
    id: 'BLD-004',
    name: 'dockerfile-base-image-untrusted-registry',
    surface: 'build',
    severity: 'high',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Base images in FROM come only from allowed registries and repositories.',
      rationale:
        'A base image is code that runs in every container built on it. Pulled from a public registry it bypasses the ' +
        'organisation’s scanning, signing and promotion process, can be typo-squatted or hijacked, and is subject to rate ' +
        'limits and deletions. The allow-list is the same as for running images (REG-003): by default Microsoft Container ' +
        'Registry and the organisation’s Azure Container Registries. Names are compared fully qualified (golang is ' +
        'docker.io/library/golang) and entries match whole path components. Every stage is checked, since build stages ' +
        'put their compilers and dependencies into the result; FROM scratch and FROM an earlier stage are not images.',
      remediation:
        'Import the base into an allowed registry (`az acr import`, or an ACR cache rule for the upstream repository) and ' +
        'build FROM there, or add the registry to the `registries` option if the organisation trusts it.',
    },
    frameworks: { seed: ['B6', 'R5', 'B8', 'B9'], 'cis-docker': ['4.2'] },
    options: {
      registries: {
        type: 'string[]',
        description:
          "Allowed registry or repository prefixes for base images, normalized like image names ('golang' is " +
          "docker.io/library/golang); '*' matches within one path component, '**' across them; an entry matches whole components.",
        default: [...DEFAULT_ALLOWED_REGISTRIES],
      },
    },
    messages: {
      untrusted: "Stage '{{stage}}' is built FROM '{{image}}' from '{{repository}}', which is not in the allowed registries.",
    },
  },
  check(subject, ctx) {
    const isAllowed = allowListFromOption(ctx.options.registries);
    if (!isAllowed) {
      ctx.notEvaluated("option 'registries' must be a list of registry or repository prefixes");
      return;
    }
    for (const { stage, ref } of externalBaseImages(subject, (reason) => ctx.notEvaluated(reason))) {
      const name = fullName(ref);
      if (isAllowed(name)) continue;
      ctx.report({
        messageId: 'untrusted',
        pointer: fromInstruction(stage)?.pointer ?? stage.pointer,
        data: { stage: stageLabel(stage), image: stage.baseImage, repository: name },
      });
    }
  },
});
