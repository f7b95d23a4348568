import { defineControl } from '../define.js';
import { containerImages } from './container-images.js';

export default defineControl({
  meta: {
    id: 'REG-001',
    name: 'image-mutable-tag',
    surface: 'registry',
    severity: 'high',
    appliesTo: ['k8s.workload'],
    stages: ['ci', 'admission', 'audit'],
    docs: {
      summary: "Images are not referenced by the 'latest' tag or without any tag.",
      rationale:
        "An image without tag or digest is pulled as ':latest', and 'latest' is moved by every push. The same manifest then " +
        'runs different code on different nodes and after every restart, a roll-back does not roll back, and what was scanned ' +
        "and approved is not what runs. With 'latest' Kubernetes also defaults imagePullPolicy to Always, so a registry " +
        'outage or a hostile push reaches running workloads directly.',
      remediation:
        'Reference a unique release tag produced by the pipeline (1.4.2, a build number or commit SHA), and preferably its ' +
        'digest: contoso.azurecr.io/web:1.4.2@sha256:…. Tools such as kustomize `images:`, Helm values or `crane digest` fill ' +
        'digests in at release time.',
    },
    frameworks: {
      seed: ['R7', 'B6'],
      'azure-policy': ['021f8078-41a0-40e6-81b6-c6597da9f3ee'],
    },
    messages: {
      noTag: "Container '{{container}}' uses image '{{image}}' without a tag or digest, so it runs whatever 'latest' points to at pull time.",
      latestTag: "Container '{{container}}' uses image '{{image}}' with the mutable 'latest' tag.",
    },
  },
  check(workload, ctx) {
    for (const { container, ref, pointer } of containerImages(workload, (r) => ctx.notEvaluated(r))) {
      if (ref.digest !== undefined) continue; // a digest pins the content whatever the tag says
      if (ref.tag === undefined) ctx.report({ messageId: 'noTag', pointer, data: { container: container.name, image: ref.original } });
      else if (ref.tag === 'latest') ctx.report({ messageId: 'latestTag', pointer, data: { container: container.name, image: ref.original } });
    }
  },
});
