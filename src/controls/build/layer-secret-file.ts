import { imageFacts } from '../../image/facts.js';
import { defineControl } from '../define.js';
import { layerPointer, layerWhere } from './image-layer-facts.js';

export default defineControl({
  meta: {
    id: 'BLD-110',
    name: 'layer-secret-file',
    surface: 'build',
    severity: 'critical',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: "No layer of a built image contains a private key, cloud credential or .env-style file with secrets.",
      rationale:
        'Everything in a layer ships with the image to every registry, node and person who can pull it, and stays there ' +
        'even when a later layer deletes the file: `docker save` and any registry client extract each layer on its own. ' +
        'Files are read only when their names or extensions make them likely carriers (.env, id_rsa, credentials, .npmrc, ' +
        '*.pem, config files…), at most 1 MiB each; documentation and test trees are skipped for generic files. Findings ' +
        'name the layer, the path, whether the layer comes from the base image, and the kind of secret, never its value.',
      remediation:
        'Remove the file from the build context (.dockerignore), pass secrets with `RUN --mount=type=secret` or at run ' +
        'time (Kubernetes Secrets, Key Vault CSI driver), rotate the exposed credential, and rebuild; deleting it in a ' +
        'later layer does not remove it. A secret in a base-image layer is the base image owner\'s to fix: change base.',
    },
    frameworks: { seed: ['A4', 'B8', 'B9'], 'cis-docker': ['4.10'] },
    messages: {
      secret: "{{what}} in {{path}} (line {{line}}) of {{where}} of image '{{image}}'.",
    },
  },
  check(subject, ctx) {
    const image = imageFacts(subject);
    if (!image) return;
    for (const f of image.layerFiles) {
      if (f.kind !== 'secret') continue;
      ctx.report({
        messageId: 'secret',
        pointer: layerPointer(image, f),
        data: { what: f.title ?? 'secret', rule: f.rule ?? 'secret', path: f.path, line: f.line ?? 1, where: layerWhere(f), image: image.name, layer: f.digest, role: f.role, deleted: f.deleted ? 'yes' : 'no' },
      });
    }
  },
});
