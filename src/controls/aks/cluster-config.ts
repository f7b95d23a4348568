import { asAny, type AnyControl } from '../define.js';
import apiServerAccessRestricted from './aks-api-server-access-restricted.js';

/** AKS controls on cluster-wide settings: API access, identity, add-ons, security profile, logging (AKS-001…019, 042…046). */
export const aksClusterConfigControls: AnyControl[] = [asAny(apiServerAccessRestricted)];
