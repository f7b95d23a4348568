/**
 * The hostPath template (kube-linter style: code here, checks as data). Each check built from it is a
 * list of host paths that matter plus how a mount relates to them; the template normalizes every
 * hostPath, matches it and reports at the volume's `hostPath.path`.
 *
 * A mount matters when it is one of the listed paths, when it is a parent directory of one (mounting
 * /var/run hands over /var/run/docker.sock), and, for checks whose targets are directories, when it is
 * below one (/etc/kubernetes is inside /etc). Both pod volumes and PersistentVolumes of type hostPath
 * are checked, since a claim on such a volume mounts the same host directory.
 */
import type { Frameworks, JsonObject, Severity } from '../../model/types.js';
import { isObject } from '../../normalize/workload.js';
import { joinPointer } from '../../parse/lines.js';
import { defineControl, type ControlDocs } from '../define.js';

export interface HostPathTarget {
  /** Absolute path on the node, or a Windows named pipe (`\\.\pipe\docker_engine`). */
  path: string;
  /** What the path is, for messages: "the Docker socket", "host configuration". */
  label: string;
}

export interface HostPathCheck {
  id: string;
  name: string;
  severity: Severity;
  docs: ControlDocs;
  frameworks: Frameworks;
  targets: readonly HostPathTarget[];
  /** Whether a mount below a target counts (directories) or only the target and its parents (sockets). */
  matchDescendants: boolean;
  messages: {
    /** The volume mounts a target or (with matchDescendants) something inside it. */
    target: string;
    /** The volume mounts a directory that contains a target. */
    parent: string;
  };
  /** Wording of the extra-paths option. */
  extraPathsDescription: string;
}

const WINDOWS_PIPE = /^[\\/]{2}\.[\\/]pipe[\\/]/i;

/**
 * Normalizes a host path as the node resolves it lexically: collapses `//`, drops `.` segments,
 * resolves `..` (never above /), removes trailing slashes. Relative paths are taken from / (the
 * kubelet would reject or resolve them there; treating them as absolute errs on the side of reporting).
 * Windows named pipes are lower-cased with back-slashes.
 */
export function normalizeHostPath(raw: string): string {
  const p = raw.trim();
  if (WINDOWS_PIPE.test(p)) return '\\\\.\\pipe\\' + p.slice(9).replace(/\//g, '\\').toLowerCase();
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

function isWithin(path: string, dir: string): boolean {
  if (dir === '/') return path.startsWith('/');
  return path === dir || path.startsWith(dir + '/');
}

export type HostPathRelation = 'target' | 'parent';

/** How a normalized mount path relates to the targets: the first target it is, is inside, or contains. */
export function matchHostPath(
  mount: string,
  targets: readonly HostPathTarget[],
  matchDescendants: boolean,
): { relation: HostPathRelation; target: HostPathTarget } | undefined {
  if (mount.startsWith('\\\\')) {
    const t = targets.find((x) => x.path.toLowerCase() === mount);
    return t ? { relation: 'target', target: t } : undefined;
  }
  for (const t of targets) {
    // Everything is inside '/': the root counts only as itself, or no hostPath would ever pass.
    const inside = matchDescendants && t.path !== '/' && isWithin(mount, t.path);
    if (mount === t.path || inside) return { relation: 'target', target: t };
  }
  for (const t of targets) {
    if (!t.path.startsWith('\\\\') && isWithin(t.path, mount)) return { relation: 'parent', target: t };
  }
  return undefined;
}

interface HostPathVolume {
  volume: string;
  path: string;
  pointer: string;
}

function podVolumes(podSpec: JsonObject, podSpecPointer: string): HostPathVolume[] {
  const out: HostPathVolume[] = [];
  const volumes = podSpec.volumes;
  if (!Array.isArray(volumes)) return out;
  volumes.forEach((v, i) => {
    if (!isObject(v) || !isObject(v.hostPath) || typeof v.hostPath.path !== 'string') return;
    out.push({
      volume: typeof v.name === 'string' ? v.name : `volumes[${i}]`,
      path: v.hostPath.path,
      pointer: joinPointer(podSpecPointer, 'volumes', i, 'hostPath', 'path'),
    });
  });
  return out;
}

function persistentVolume(object: JsonObject, name: string | undefined): HostPathVolume[] {
  const spec = object.spec;
  if (!isObject(spec) || !isObject(spec.hostPath) || typeof spec.hostPath.path !== 'string') return [];
  return [{ volume: name ?? 'PersistentVolume', path: spec.hostPath.path, pointer: '/spec/hostPath/path' }];
}

export function hostPathControl(check: HostPathCheck) {
  const custom = (extra: unknown): HostPathTarget[] =>
    Array.isArray(extra)
      ? extra
          .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
          .map((p) => ({ path: normalizeHostPath(p), label: 'a path listed in the policy' }))
      : [];

  return defineControl({
    meta: {
      id: check.id,
      name: check.name,
      surface: 'node',
      severity: check.severity,
      appliesTo: ['k8s.workload', 'k8s.object'],
      stages: ['ci', 'admission', 'audit'],
      docs: check.docs,
      frameworks: check.frameworks,
      messages: check.messages,
      options: {
        extraPaths: { type: 'string[]', description: check.extraPathsDescription, default: [] },
      },
    },
    check(subject, ctx) {
      let volumes: HostPathVolume[];
      if (subject.type === 'k8s.workload') volumes = podVolumes(subject.podSpec, subject.podSpecPointer);
      else if (subject.resource.kind === 'PersistentVolume') volumes = persistentVolume(subject.object, subject.resource.name);
      else return; // every other object is not a volume; workloads are checked through their k8s.workload view
      const targets = [...check.targets, ...custom(ctx.options.extraPaths)];
      for (const v of volumes) {
        const path = normalizeHostPath(v.path);
        const m = matchHostPath(path, targets, check.matchDescendants);
        if (!m) continue;
        ctx.report({
          messageId: m.relation,
          pointer: v.pointer,
          data: { volume: v.volume, path, target: m.target.path, what: m.target.label },
        });
      }
    },
  });
}
