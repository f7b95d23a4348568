/**
 * Helpers shared by the Pod Security Standards controls: version gates, the per-version allow lists
 * (safe sysctls, SELinux types, baseline capabilities, restricted volume types) and the pod traits that
 * relax some checks (Windows pods, user namespaces).
 *
 * `ctx.pssVersion` is the minor number N of the policy version v1.N. Every rule below names the minor in
 * which it changed, so a control evaluated against an older policy version behaves as that version did.
 */
import type { ContainerView, JsonObject, WorkloadSubject } from '../../model/types.js';
import { joinPointer } from '../../parse/lines.js';
import { isObject } from '../../normalize/workload.js';

export { isObject };

/** Every Pod Security control runs at all three stages and only on workloads. */
export const PSS_APPLIES_TO = ['k8s.workload'] as const;
export const PSS_STAGES = ['ci', 'admission', 'audit'] as const;

/** Reads a nested value from a plain JSON object; undefined as soon as a step is not an object. */
export function dig(obj: unknown, ...path: string[]): unknown {
  let cur = obj;
  for (const p of path) {
    if (!isObject(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

/** A value that is set (YAML `~`/`null` counts as unset, as it does for the API server). */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** Shows a written value in a message: strings as they are, anything else as JSON. */
export function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
}

/**
 * Windows pods (spec.os.name: windows). From policy v1.25 the restricted checks that have no meaning on
 * Windows (allowPrivilegeEscalation, seccomp, capabilities) do not apply to them.
 */
export function isWindowsPod(w: WorkloadSubject): boolean {
  return dig(w.podSpec, 'os', 'name') === 'windows';
}

export const WINDOWS_RELAXATION_SINCE = 25;

export function windowsRelaxed(w: WorkloadSubject, version: number): boolean {
  return version >= WINDOWS_RELAXATION_SINCE && isWindowsPod(w);
}

/**
 * Pods in their own user namespace (spec.hostUsers: false). From policy v1.35 such pods may run as UID 0
 * inside the namespace (runAsNonRoot, runAsUser) and may use an unmasked /proc at baseline, because root
 * in the container maps to an unprivileged user on the node.
 */
export function usesUserNamespace(w: WorkloadSubject): boolean {
  return w.podSpec.hostUsers === false;
}

export const USER_NAMESPACE_RELAXATION_SINCE = 35;

export function userNamespaceRelaxed(w: WorkloadSubject, version: number): boolean {
  return version >= USER_NAMESPACE_RELAXATION_SINCE && usesUserNamespace(w);
}

/** Sysctls the baseline level allows, with the minor version that added each. */
const SAFE_SYSCTLS: readonly [string, number][] = [
  ['kernel.shm_rmid_forced', 0],
  ['net.ipv4.ip_local_port_range', 0],
  ['net.ipv4.ip_unprivileged_port_start', 0],
  ['net.ipv4.tcp_syncookies', 0],
  ['net.ipv4.ping_group_range', 0],
  ['net.ipv4.ip_local_reserved_ports', 27],
  ['net.ipv4.tcp_keepalive_time', 29],
  ['net.ipv4.tcp_fin_timeout', 29],
  ['net.ipv4.tcp_keepalive_intvl', 29],
  ['net.ipv4.tcp_keepalive_probes', 29],
  ['net.ipv4.tcp_rmem', 32],
  ['net.ipv4.tcp_wmem', 32],
  ['net.ipv4.tcp_slow_start_after_idle', 37],
  ['net.ipv4.tcp_notsent_lowat', 37],
];

export function safeSysctls(version: number): string[] {
  return SAFE_SYSCTLS.filter(([, since]) => version >= since).map(([name]) => name);
}

/** SELinux types the baseline level allows ("" and unset always are). */
const SELINUX_TYPES: readonly [string, number][] = [
  ['container_t', 0],
  ['container_init_t', 0],
  ['container_kvm_t', 0],
  ['container_engine_t', 31],
];

export function allowedSeLinuxTypes(version: number): string[] {
  return SELINUX_TYPES.filter(([, since]) => version >= since).map(([name]) => name);
}

/** Capabilities the baseline level allows a container to add (the container runtime's default set). */
export const BASELINE_CAPABILITIES: readonly string[] = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
];

/** Volume sources the restricted level allows. A volume with no source at all is defaulted to emptyDir. */
export const RESTRICTED_VOLUME_SOURCES: readonly string[] = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

/** Legacy annotations that older clusters read instead of the securityContext fields. */
export const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
export const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
export const APPARMOR_CONTAINER_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** Pointer to a pod annotation, with the key escaped (annotation keys usually contain '/'). */
export function annotationPointer(w: WorkloadSubject, key: string): string {
  return joinPointer(w.podMetadataPointer, 'annotations', key);
}

/** Pointer to a field of the pod's securityContext. */
export function podSecurityPointer(w: WorkloadSubject, ...path: string[]): string {
  return joinPointer(w.podSpecPointer, 'securityContext', ...path);
}

/** Pointer to a field of a container's securityContext. */
export function containerSecurityPointer(c: ContainerView, ...path: string[]): string {
  return joinPointer(c.pointer, 'securityContext', ...path);
}

/** The volumes of the pod, with their index (entries that are not objects are skipped). */
export function volumes(w: WorkloadSubject): { index: number; volume: JsonObject; name: string }[] {
  const list = w.podSpec.volumes;
  if (!Array.isArray(list)) return [];
  const out: { index: number; volume: JsonObject; name: string }[] = [];
  list.forEach((v, index) => {
    if (isObject(v)) out.push({ index, volume: v, name: typeof v.name === 'string' ? v.name : `volumes[${index}]` });
  });
  return out;
}

/** Containers that set a procMount other than Default, with the field's pointer (procMount and procMount_restricted). */
export function nonDefaultProcMounts(w: WorkloadSubject): { container: ContainerView; pointer: string; procMount: string }[] {
  const out: { container: ContainerView; pointer: string; procMount: string }[] = [];
  for (const c of w.containers) {
    const v = c.securityContext.procMount;
    if (isSet(v) && v !== 'Default') out.push({ container: c, pointer: containerSecurityPointer(c, 'procMount'), procMount: show(v) });
  }
  return out;
}
