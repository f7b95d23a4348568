import type { AnyControl } from '../define.js';

/** ACR registry posture controls (catalog ACR-001…023), on `az acr show` / ARM / template input. */
export const acrControls: AnyControl[] = [];
