import { defineControl } from '../define.js';
import { externalBaseImages, fromInstruction, stageLabel } from './dockerfile-shell.js';

export default defineControl({
  meta: {
    id: 'BLD-003',
    name: 'dockerfile-base-image-mutable',
    surface: 'build',
    severity: 'high',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: "Base images in FROM have a tag other than 'latest', or a digest.",
      rationale:
        "A FROM without tag or digest pulls ':latest', and 'latest' moves with every upstream push: the same Dockerfile " +
        'builds on a different base from one day to the next, a rebuild can silently pull a compromised or broken base, and ' +
        'what was scanned is not what ships. Every stage is checked (a build stage decides which compiler and which ' +
        'dependencies end up in the binary); FROM an earlier stage and FROM scratch are not images. Build arguments in FROM ' +
        'are resolved from their ARG defaults; a base that stays a variable cannot be judged and is reported as not evaluated.',
      remediation:
        'Pin a release tag and, better, its digest, and let a bot (Dependabot, Renovate) propose updates: ' +
        '`FROM mcr.microsoft.com/dotnet/aspnet:8.0@sha256:…`. A digest pins the content whatever the tag says.',
    },
    frameworks: { seed: ['R7', 'B6', 'B8', 'B9'], 'cis-docker': ['4.2'] },
    messages: {
      noTag: "Stage '{{stage}}' is built FROM '{{image}}' without a tag or digest, so it builds on whatever 'latest' is at build time.",
      latestTag: "Stage '{{stage}}' is built FROM '{{image}}' with the mutable 'latest' tag.",
    },
  },
  check(subject, ctx) {
    for (const { stage, ref } of externalBaseImages(subject, (reason) => ctx.notEvaluated(reason))) {
      if (ref.digest !== undefined) continue;
      const pointer = fromInstruction(stage)?.pointer ?? stage.pointer;
      const data = { stage: stageLabel(stage), image: stage.baseImage };
      if (ref.tag === undefined) ctx.report({ messageId: 'noTag', pointer, data });
      else if (ref.tag === 'latest') ctx.report({ messageId: 'latestTag', pointer, data });
    }
  },
});
