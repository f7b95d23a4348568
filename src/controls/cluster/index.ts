import type { AnyControl } from '../define.js';

/** Controls of the cluster surface, in id order. */
export const clusterControls: AnyControl[] = [];
