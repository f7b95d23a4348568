import type {
  ContainerRole,
  ContainerView,
  DocumentSource,
  EffectiveSecurityContext,
  JsonObject,
  ResourceRef,
  WorkloadSubject,
} from '../model/types.js';
import { joinPointer } from '../parse/lines.js';

/** Where each pod-bearing kind keeps its pod template, as pointer segments from the object root. */
const POD_TEMPLATE_PATHS: Record<string, string[]> = {
  Pod: [],
  PodTemplate: ['template'],
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export const POD_BEARING_KINDS = Object.keys(POD_TEMPLATE_PATHS);

export function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function get(obj: unknown, path: string[]): unknown {
  let cur = obj;
  for (const p of path) {
    if (!isObject(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(v)) return out;
  for (const [k, val] of Object.entries(v)) if (val !== null && val !== undefined) out[k] = String(val);
  return out;
}

/**
 * Finds the pod template of a pod-bearing object. Known kinds use their documented path; any other
 * kind (Argo Rollout, OpenKruise CloneSet…) is treated as a workload when it carries `spec.template`
 * with containers, because it will run exactly that pod.
 */
function templatePath(kind: string, object: JsonObject): string[] | undefined {
  const known = POD_TEMPLATE_PATHS[kind];
  if (known) return known;
  const t = get(object, ['spec', 'template', 'spec', 'containers']);
  return Array.isArray(t) ? ['spec', 'template'] : undefined;
}

export function toWorkload(
  object: JsonObject,
  resource: ResourceRef,
  source: DocumentSource,
): WorkloadSubject | undefined {
  const path = templatePath(resource.kind ?? '', object);
  if (!path) return undefined;
  const isPod = path.length === 0;
  const specPath = isPod ? ['spec'] : [...path, 'spec'];
  const metaPath = isPod ? ['metadata'] : [...path, 'metadata'];
  const podSpec = get(object, specPath);
  if (!isObject(podSpec)) return undefined;
  const podMeta = get(object, metaPath);
  const podSpecPointer = joinPointer('', ...specPath);
  const podSecurityContext = isObject(podSpec.securityContext) ? podSpec.securityContext : {};

  const containers: ContainerView[] = [];
  const roles: [string, ContainerRole][] = [
    ['initContainers', 'init'],
    ['containers', 'container'],
    ['ephemeralContainers', 'ephemeral'],
  ];
  for (const [field, role] of roles) {
    const list = podSpec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      if (!isObject(c)) return;
      const sc = isObject(c.securityContext) ? c.securityContext : {};
      containers.push({
        name: typeof c.name === 'string' ? c.name : `${field}[${i}]`,
        role,
        pointer: joinPointer(podSpecPointer, field, i),
        image: typeof c.image === 'string' ? c.image : '',
        spec: c,
        securityContext: sc,
        effective: effectiveSecurityContext(podSecurityContext, sc),
      });
    });
  }

  return {
    type: 'k8s.workload',
    resource,
    object,
    podMetadata: {
      labels: stringMap(get(podMeta, ['labels'])),
      annotations: stringMap(get(podMeta, ['annotations'])),
    },
    podMetadataPointer: joinPointer('', ...metaPath),
    podSpec,
    podSpecPointer,
    podSecurityContext,
    containers,
    source,
  };
}

function pick<T>(container: unknown, pod: unknown, guard: (v: unknown) => v is T): T | undefined {
  if (guard(container)) return container;
  if (guard(pod)) return pod;
  return undefined;
}

const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isNum = (v: unknown): v is number => typeof v === 'number';
const isStr = (v: unknown): v is string => typeof v === 'string';

/** Container settings override pod settings field by field, as the kubelet resolves them. */
export function effectiveSecurityContext(pod: JsonObject, container: JsonObject): EffectiveSecurityContext {
  const out: EffectiveSecurityContext = {};
  const set = <K extends keyof EffectiveSecurityContext>(k: K, v: EffectiveSecurityContext[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('runAsNonRoot', pick(container.runAsNonRoot, pod.runAsNonRoot, isBool));
  set('runAsUser', pick(container.runAsUser, pod.runAsUser, isNum));
  set('runAsGroup', pick(container.runAsGroup, pod.runAsGroup, isNum));
  set('seccompProfileType', pick(get(container, ['seccompProfile', 'type']), get(pod, ['seccompProfile', 'type']), isStr));
  set(
    'appArmorProfileType',
    pick(get(container, ['appArmorProfile', 'type']), get(pod, ['appArmorProfile', 'type']), isStr),
  );
  const se = isObject(container.seLinuxOptions) ? container.seLinuxOptions : isObject(pod.seLinuxOptions) ? pod.seLinuxOptions : undefined;
  set('seLinuxOptions', se);
  set('allowPrivilegeEscalation', isBool(container.allowPrivilegeEscalation) ? container.allowPrivilegeEscalation : undefined);
  set('privileged', isBool(container.privileged) ? container.privileged : undefined);
  set('readOnlyRootFilesystem', isBool(container.readOnlyRootFilesystem) ? container.readOnlyRootFilesystem : undefined);
  set(
    'windowsHostProcess',
    pick(get(container, ['windowsOptions', 'hostProcess']), get(pod, ['windowsOptions', 'hostProcess']), isBool),
  );
  return out;
}
