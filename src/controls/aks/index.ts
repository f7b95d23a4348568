import { asAny, type AnyControl } from '../define.js';
import apiServerAccessRestricted from './aks-api-server-access-restricted.js';

/** AKS cluster posture controls (catalog AKS-001…046), on `az aks show` / ARM / template input. */
export const aksControls: AnyControl[] = [asAny(apiServerAccessRestricted)];
