import type { AnyControl } from '../define.js';
import { aksClusterConfigControls } from './cluster-config.js';
import { aksNodeAndVersionControls } from './nodes-and-versions.js';

/** AKS cluster posture controls (catalog AKS-001…046), on `az aks show` / ARM / template input. */
export const aksControls: AnyControl[] = [...aksClusterConfigControls, ...aksNodeAndVersionControls];
