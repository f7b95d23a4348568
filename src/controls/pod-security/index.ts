import type { AnyControl } from '../define.js';

/** The Pod Security Standards controls, baseline then restricted, in id order. */
export const podSecurityControls: AnyControl[] = [];
