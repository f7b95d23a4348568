import type { AnyControl } from './define.js';
import { podSecurityControls } from './pod-security/index.js';
import { applicationControls } from './application/index.js';
import { nodeControls } from './node/index.js';
import { registryControls } from './registry/index.js';
import { clusterControls } from './cluster/index.js';
import { buildControls } from './build/index.js';
import { aksControls } from './aks/index.js';
import { acrControls } from './acr/index.js';

/** The whole catalog, sorted by id: the one list the CLI, the docs and the engine read. */
export const catalog: readonly AnyControl[] = [
  ...podSecurityControls,
  ...applicationControls,
  ...nodeControls,
  ...registryControls,
  ...clusterControls,
  ...buildControls,
  ...aksControls,
  ...acrControls,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

export function findControl(idOrName: string): AnyControl | undefined {
  const key = idOrName.toUpperCase();
  return catalog.find((c) => c.meta.id === key || c.meta.name === idOrName);
}
