import { asAny, type AnyControl } from '../define.js';
import kubernetesVersionSupported from './aks-kubernetes-version-supported.js';
import nodePoolVersionSupported from './aks-node-pool-version-supported.js';

/** AKS controls on node pools, networking and versions (AKS-020…041). */
export const aksNodeAndVersionControls: AnyControl[] = [
  asAny(kubernetesVersionSupported), // AKS-028
  asAny(nodePoolVersionSupported), // AKS-029
];
