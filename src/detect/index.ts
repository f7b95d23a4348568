import path from 'node:path';
import { looksLikeImageConfig } from '../image/config.js';

/** The kinds of input this version understands. Later capabilities (image configs, reports…) add theirs here. */
export type InputKind = 'k8s.yaml' | 'k8s.json' | 'dockerfile' | 'image.config';

/**
 * Dockerfile names, as BuildKit, Podman and editors know them (case-insensitive): `Dockerfile`,
 * `Dockerfile.<anything>`, `<anything>.Dockerfile`, `Containerfile`, `Containerfile.<anything>`. A
 * per-Dockerfile ignore file (`Dockerfile.dockerignore`, `api.Dockerfile.dockerignore`) is not one.
 */
export function isDockerfileName(file: string): boolean {
  const base = path.basename(file).toLowerCase();
  if (base.endsWith('.dockerignore')) return false;
  return /^(?:dockerfile|containerfile)(?:\..+)?$/.test(base) || /.\.dockerfile$/.test(base);
}

/**
 * Decides how to read an input. A Dockerfile is known by its name; otherwise the extension decides when
 * there is one; otherwise (standard input, files named explicitly without an extension) the first
 * significant character does.
 */
export function detectInput(file: string, text: string): InputKind {
  if (isDockerfileName(file)) return 'dockerfile';
  const ext = path.extname(file).toLowerCase();
  // An image config JSON or `docker inspect` output (rootfs.diff_ids / RootFS with Config).
  if ((ext === '.json' || ext === '') && looksLikeImageConfig(text)) return 'image.config';
  if (ext === '.json') return 'k8s.json';
  if (ext === '.yaml' || ext === '.yml') return 'k8s.yaml';
  const m = /\S/.exec(text);
  return m && (m[0] === '{' || m[0] === '[') ? 'k8s.json' : 'k8s.yaml';
}
