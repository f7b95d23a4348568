import { asAny, type AnyControl } from '../define.js';
import hostNamespaces from './pss-host-namespaces.js';
import privileged from './pss-privileged.js';
import hostPathVolumes from './pss-host-path-volumes.js';
import hostPorts from './pss-host-ports.js';
import windowsHostProcess from './pss-windows-host-process.js';
import hostProbesAndLifecycle from './pss-host-probes-and-lifecycle.js';
import capabilitiesBaseline from './pss-capabilities-baseline.js';
import appArmorProfile from './pss-apparmor-profile.js';
import seLinuxOptions from './pss-selinux-options.js';
import procMount from './pss-proc-mount.js';
import seccompBaseline from './pss-seccomp-baseline.js';
import sysctls from './pss-sysctls.js';
import restrictedVolumes from './pss-restricted-volumes.js';
import allowPrivilegeEscalation from './pss-allow-privilege-escalation.js';
import runAsNonRoot from './pss-run-as-non-root.js';
import runAsUser from './pss-run-as-user.js';
import seccompRestricted from './pss-seccomp-restricted.js';
import capabilitiesRestricted from './pss-capabilities-restricted.js';
import procMountRestricted from './pss-proc-mount-restricted.js';

/** The Pod Security Standards controls (baseline and restricted), in id order: APP-001…APP-013, then NOD-001…NOD-006. */
export const podSecurityControls: AnyControl[] = [
  asAny(capabilitiesBaseline),
  asAny(appArmorProfile),
  asAny(seLinuxOptions),
  asAny(procMount),
  asAny(seccompBaseline),
  asAny(sysctls),
  asAny(restrictedVolumes),
  asAny(allowPrivilegeEscalation),
  asAny(runAsNonRoot),
  asAny(runAsUser),
  asAny(seccompRestricted),
  asAny(capabilitiesRestricted),
  asAny(procMountRestricted),
  asAny(hostNamespaces),
  asAny(privileged),
  asAny(hostPathVolumes),
  asAny(hostPorts),
  asAny(windowsHostProcess),
  asAny(hostProbesAndLifecycle),
];
