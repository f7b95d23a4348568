import { defineControl } from '../define.js';
import { containerImages } from './container-images.js';

export default defineControl({
  meta: {
    id: 'REG-002',
    name: 'image-not-pinned-by-digest',
    surface: 'registry',
    severity: 'low',
    appliesTo: ['k8s.workload'],
    stages: ['ci', 'admission', 'audit'],
    docs: {
      summary: 'Images with an explicit release tag are also pinned by digest (@sha256:…).',
      rationale:
        'A tag is a movable pointer: anyone with push rights, or a compromised pipeline, can point 1.4.2 at different content, ' +
        'and nodes that pull later run it. A digest is the hash of the image manifest, so the content that comes out of the ' +
        'registry is provably the content that was built, scanned and signed. Images without a tag or with latest are ' +
        'reported by REG-001 instead, so one image never gets both findings.',
      remediation:
        'Add the digest after the tag (contoso.azurecr.io/web:1.4.2@sha256:…); the tag stays for people, the digest is what ' +
        'the runtime pulls. Resolve digests at release time (kustomize `images:` with `digest:`, `crane digest`, ' +
        '`az acr repository show`), and lock release tags in ACR (`az acr repository update --write-enabled false`).',
    },
    frameworks: { seed: ['R7', 'R11'] },
    messages: {
      notPinned: "Container '{{container}}' uses image '{{image}}' by tag '{{tag}}' without a digest; the tag can be moved to other content.",
    },
  },
  check(workload, ctx) {
    for (const { container, ref, pointer } of containerImages(workload, (r) => ctx.notEvaluated(r))) {
      if (ref.digest !== undefined || ref.tag === undefined || ref.tag === 'latest') continue;
      ctx.report({ messageId: 'notPinned', pointer, data: { container: container.name, image: ref.original, tag: ref.tag } });
    }
  },
});
