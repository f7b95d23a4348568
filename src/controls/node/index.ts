import type { AnyControl } from '../define.js';

/** Controls of the node surface, in id order. */
export const nodeControls: AnyControl[] = [];
