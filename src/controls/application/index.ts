import { asAny, type AnyControl } from '../define.js';
import readOnlyRootFilesystem from './read-only-root-filesystem.js';

/** Controls of the application surface, in id order. */
export const applicationControls: AnyControl[] = [asAny(readOnlyRootFilesystem)];
