import { asAny, type AnyControl } from '../define.js';
import dockerfileRootUser from './dockerfile-root-user.js';
import dockerfileSshExposed from './dockerfile-ssh-exposed.js';
import dockerfileBaseImageMutable from './dockerfile-base-image-mutable.js';
import dockerfileBaseImageUntrustedRegistry from './dockerfile-base-image-untrusted-registry.js';
import dockerfileSecretInEnvArg from './dockerfile-secret-in-env-arg.js';
import dockerfileAddInsteadOfCopy from './dockerfile-add-instead-of-copy.js';
import dockerfileCurlPipeShell from './dockerfile-curl-pipe-shell.js';
import dockerfileSudo from './dockerfile-sudo.js';
import dockerfileWorldWritable from './dockerfile-world-writable.js';
import dockerfileMissingHealthcheck from './dockerfile-missing-healthcheck.js';
import dockerfilePackageCache from './dockerfile-package-cache.js';
import dockerfileSetuidChmod from './dockerfile-setuid-chmod.js';
import dockerfileUnverifiedPackages from './dockerfile-unverified-packages.js';
import imageMissingSourceLabel from './image-missing-source-label.js';
import imageTooOld from './image-too-old.js';
import layerSecretFile from './layer-secret-file.js';
import layerSetuid from './layer-setuid.js';
import layerWorldWritable from './layer-world-writable.js';

/** Controls of the build surface (Dockerfiles), in id order. */
export const buildControls: AnyControl[] = [
  asAny(dockerfileRootUser),
  asAny(dockerfileSshExposed),
  asAny(dockerfileBaseImageMutable),
  asAny(dockerfileBaseImageUntrustedRegistry),
  asAny(dockerfileSecretInEnvArg),
  asAny(dockerfileAddInsteadOfCopy),
  asAny(dockerfileCurlPipeShell),
  asAny(dockerfileSudo),
  asAny(dockerfileWorldWritable),
  asAny(dockerfileMissingHealthcheck),
  asAny(dockerfilePackageCache),
  asAny(dockerfileSetuidChmod),
  asAny(dockerfileUnverifiedPackages),
  asAny(imageMissingSourceLabel),
  asAny(imageTooOld),
  asAny(layerSecretFile),
  asAny(layerSetuid),
  asAny(layerWorldWritable),
];
