/** Helpers shared by the layer controls (BLD-110…): how a layer finding names its layer and points into the config. */
import type { ImageFacts, LayerFileFact } from '../../image/facts.js';

/** "layer 3 (application, sha256:abcd…, deleted in a later layer)". */
export function layerWhere(f: LayerFileFact): string {
  const role = f.role === 'unknown' ? 'base or application: unknown' : f.role === 'base' ? 'base image' : 'application';
  return `layer ${f.layerIndex + 1} (${role}, ${f.digest}${f.deleted ? ', deleted by a later layer but still in the image history' : ''})`;
}

/** The layer's DiffID in the config: "/rootfs/diff_ids/2". */
export function layerPointer(image: ImageFacts, f: LayerFileFact): string {
  return `${image.pointers.layers}/${f.layerIndex}`;
}
