import type { AnyControl } from '../define.js';

/** Controls of the registry surface, in id order. */
export const registryControls: AnyControl[] = [];
