import { fullName, allowListFromOption, DEFAULT_ALLOWED_REGISTRIES } from '../../model/image-ref.js';
import { defineControl } from '../define.js';
import { containerImages } from './container-images.js';

export default defineControl({
  meta: {
    id: 'REG-003',
    name: 'untrusted-registry',
    surface: 'registry',
    severity: 'high',
    appliesTo: ['k8s.workload'],
    stages: ['ci', 'admission', 'audit'],
    docs: {
      summary: 'Containers run only images from allowed registries and repositories.',
      rationale:
        'Images from public registries or unknown repositories bypass the organisation’s build, scanning, signing and ' +
        'promotion process, and a typo-squatted or hijacked public image runs with the workload’s permissions. Keeping a ' +
        'central allow-list of registries (by default Microsoft Container Registry and the organisation’s Azure Container ' +
        'Registries) means every image that runs came through a registry that is governed. Names are compared fully ' +
        'qualified: nginx is docker.io/library/nginx, and entries match whole path components, so ' +
        "'contoso.azurecr.io' never admits 'contoso.azurecr.io.evil.example'.",
      remediation:
        'Import or build the image into an allowed registry (`az acr import --source docker.io/library/nginx:1.27 ...`, or an ' +
        'ACR cache rule for the upstream) and reference it from there, or add the registry to the `registries` option if the ' +
        'organisation trusts it. Prefer a narrow entry (contoso.azurecr.io/team-a/) to a whole public registry.',
    },
    frameworks: {
      seed: ['R5', 'A9', 'B6'],
      'azure-policy': ['febd0533-8e55-448f-b837-bd0e06f16469'],
    },
    options: {
      registries: {
        type: 'string[]',
        description:
          "Allowed registry or repository prefixes, normalized like image names ('nginx' is docker.io/library/nginx); " +
          "'*' matches within one path component, '**' across them; an entry matches whole components. An empty list allows nothing.",
        default: [...DEFAULT_ALLOWED_REGISTRIES],
      },
    },
    messages: {
      untrusted: "Container '{{container}}' runs image '{{image}}' from '{{repository}}', which is not in the allowed registries.",
    },
  },
  check(workload, ctx) {
    const isAllowed = allowListFromOption(ctx.options.registries);
    if (!isAllowed) {
      ctx.notEvaluated("option 'registries' must be a list of registry or repository prefixes");
      return;
    }
    for (const { container, ref, pointer } of containerImages(workload, (r) => ctx.notEvaluated(r))) {
      const name = fullName(ref);
      if (isAllowed(name)) continue;
      ctx.report({ messageId: 'untrusted', pointer, data: { container: container.name, image: ref.original, repository: name } });
    }
  },
});
