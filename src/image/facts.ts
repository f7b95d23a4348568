/**
 * What a built image adds to the build model. An image (a config JSON, `docker inspect` output, a
 * `docker save` / OCI archive or an OCI layout folder) becomes an ImageBuildSubject whose one stage is the
 * image's history turned back into instructions, so the Dockerfile controls run on it unchanged; the facts
 * only a built image shows (its effective configuration and, from an archive, its layers' files) ride along
 * in `image`. Reading archives is a source that runs first and gathers these facts; controls stay pure.
 */
import type { ImageBuildSubject } from '../model/dockerfile.js';

/** Whether a layer comes from the base image or from the application's own build steps. */
export type LayerRole = 'base' | 'application' | 'unknown';

export interface ImageLayer {
  index: number;
  /** The layer's digest as stored (the blob digest), or its DiffID when that is all that is known. */
  digest: string;
  diffId?: string;
  role: LayerRole;
  /** The history entry that made the layer, when history and layers line up. */
  createdBy?: string;
}

export type LayerFileKind = 'secret' | 'setuid' | 'setgid' | 'world-writable';

/** One file of interest found in a layer. Never carries file contents. */
export interface LayerFileFact {
  kind: LayerFileKind;
  layerIndex: number;
  digest: string;
  role: LayerRole;
  /** Path inside the image, with a leading slash. */
  path: string;
  /** True when a later layer deletes the file (a whiteout): it is still in the image's history. */
  deleted: boolean;
  /** Secrets: the rule id and title, and the line in the file (never the value). */
  rule?: string;
  title?: string;
  line?: number;
  /** File mode in octal, for setuid/setgid/world-writable. */
  mode?: string;
}

export interface ImageFacts {
  /** Repo tag, digest or file name: how the image is named in reports. */
  name: string;
  /** Pointers (relative to the subject) of the config fields, for findings. */
  pointers: { user: string; exposedPorts: string; env: string; labels: string; created: string; layers: string };
  user?: string;
  exposedPorts: string[];
  env: { name: string; value: string }[];
  labels: Record<string, string>;
  created?: string;
  layers: ImageLayer[];
  /** True when the layers' contents were read (archives and layouts); false for a config alone. */
  layersScanned: boolean;
  layerFiles: LayerFileFact[];
}

export interface ImageSubject extends ImageBuildSubject {
  image: ImageFacts;
}

/** The image facts of a build subject made from an image; undefined for a Dockerfile. */
export function imageFacts(subject: ImageBuildSubject): ImageFacts | undefined {
  return (subject as Partial<ImageSubject>).image;
}
