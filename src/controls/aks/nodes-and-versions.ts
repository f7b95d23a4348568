import type { AnyControl } from '../define.js';

/** AKS controls on node pools, networking and versions (AKS-020…041). */
export const aksNodeAndVersionControls: AnyControl[] = [];
