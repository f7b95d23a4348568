import { asAny, type AnyControl } from '../define.js';
import readOnlyRootFilesystem from './read-only-root-filesystem.js';
import automountServiceAccountToken from './automount-service-account-token.js';
import secretInEnv from './secret-in-env.js';
import secretInConfigmap from './secret-in-configmap.js';
import sshPortExposed from './ssh-port-exposed.js';
import resourceLimits from './resource-limits.js';
import deprecatedSecurityAnnotations from './deprecated-security-annotations.js';

/** Controls of the application surface, in id order. */
export const applicationControls: AnyControl[] = [
  asAny(readOnlyRootFilesystem),
  asAny(automountServiceAccountToken),
  asAny(secretInEnv),
  asAny(secretInConfigmap),
  asAny(sshPortExposed),
  asAny(resourceLimits),
  asAny(deprecatedSecurityAnnotations),
];
