import { defineControl } from '../define.js';
import { nonDefaultProcMounts, PSS_APPLIES_TO, PSS_STAGES } from './shared.js';

const SINCE = 35;

export default defineControl({
  meta: {
    id: 'APP-013',
    name: 'pss-proc-mount-restricted',
    surface: 'application',
    severity: 'medium',
    appliesTo: PSS_APPLIES_TO,
    stages: PSS_STAGES,
    pss: { level: 'restricted', checkId: 'procMount_restricted', since: SINCE },
    docs: {
      summary:
        'Containers keep the default, masked /proc (procMount unset or Default), even in pods with their own user ' +
        'namespace (policy v1.35+).',
      rationale:
        'Baseline allows an Unmasked /proc from v1.35 when the pod runs in its own user namespace, because host ' +
        'privileges no longer follow. The restricted level keeps the masking anyway: an unmasked /proc still exposes ' +
        'kernel interfaces and information that ordinary applications never need.',
      remediation: 'Remove securityContext.procMount or set it to Default on every container.',
    },
    frameworks: {
      seed: ['B1', 'K9'],
      pss: ['procMount_restricted'],
      'azure-policy': ['f85eb0dd-92ee-40e9-8a76-db25a507d6d3'],
    },
    messages: {
      procMount: "Container '{{container}}' sets procMount '{{procMount}}'; the restricted level allows only the Default procMount.",
    },
  },
  check(w, ctx) {
    if (ctx.pssVersion < SINCE) return;
    for (const { container, pointer, procMount } of nonDefaultProcMounts(w)) {
      ctx.report({ messageId: 'procMount', pointer, data: { container: container.name, procMount } });
    }
  },
});
