import { asAny, type AnyControl } from '../define.js';
import defaultNamespace from './default-namespace.js';

/** Controls of the cluster surface, in id order. */
export const clusterControls: AnyControl[] = [asAny(defaultNamespace)];
