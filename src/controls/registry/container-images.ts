import type { ContainerView, WorkloadSubject } from '../../model/types.js';
import { parseImageRef, type ImageRef } from '../../model/image-ref.js';

export interface ContainerImage {
  container: ContainerView;
  ref: ImageRef;
  /** Pointer to the container's `image` field. */
  pointer: string;
}

/**
 * The parsed image of every container (init, regular and ephemeral: each one pulls and runs an image).
 * A container whose image is missing or cannot be parsed, typically a template placeholder such as
 * `${IMAGE}` that a later step fills in, is handed to `undecided` with a reason: the registry controls
 * say they could not decide rather than passing it.
 */
export function containerImages(workload: WorkloadSubject, undecided: (reason: string) => void): ContainerImage[] {
  const out: ContainerImage[] = [];
  for (const c of workload.containers) {
    if (c.image.trim() === '') {
      undecided(`container '${c.name}' has no image; it is probably set by a later step (kustomize, Helm, a mutating webhook)`);
      continue;
    }
    const parsed = parseImageRef(c.image);
    if (!parsed.ok) {
      undecided(`container '${c.name}': cannot read image '${c.image}': ${parsed.reason}`);
      continue;
    }
    out.push({ container: c, ref: parsed.ref, pointer: `${c.pointer}/image` });
  }
  return out;
}
