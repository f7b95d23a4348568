import { asAny, type AnyControl } from '../define.js';
import imageMutableTag from './image-mutable-tag.js';
import imageNotPinnedByDigest from './image-not-pinned-by-digest.js';
import untrustedRegistry from './untrusted-registry.js';
import aksRegistryLandingZone from './aks-registry-landing-zone.js';

/** Controls of the registry surface, in id order. */
export const registryControls: AnyControl[] = [asAny(imageMutableTag), asAny(imageNotPinnedByDigest), asAny(untrustedRegistry), asAny(aksRegistryLandingZone)];
