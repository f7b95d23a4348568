import { asAny, type AnyControl } from '../define.js';
import containerRuntimeSocketMount from './container-runtime-socket-mount.js';
import sensitiveHostMounts from './sensitive-host-mounts.js';

/** Controls of the node surface, in id order. */
export const nodeControls: AnyControl[] = [asAny(containerRuntimeSocketMount), asAny(sensitiveHostMounts)];
