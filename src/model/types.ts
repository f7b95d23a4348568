import type { ImageBuildSubject } from './dockerfile.js';
import type { AzureSubject } from './azure.js';

export type { ImageBuildSubject, DockerInstruction, DockerStage } from './dockerfile.js';
export type {
  AzureSubject,
  AksClusterSubject,
  AcrRegistrySubject,
  AcrTokenSubject,
  AksVersionsSubject,
  RoleAssignmentSubject,
  AksNodePool,
  AzureIdentity,
} from './azure.js';

/**
 * The typed model every stage shares. Subjects are what controls look at; findings are what they say.
 * Everything here is plain data so that the CLI, the library and (later) the webhook exchange the same shapes.
 */

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SURFACES = ['build', 'registry', 'cluster', 'node', 'application'] as const;
export type Surface = (typeof SURFACES)[number];

/** Where in the life of a container a control runs. */
export const STAGES = ['ci', 'admission', 'audit'] as const;
export type Stage = (typeof STAGES)[number];

/** What a finding does at a stage: deny fails the gate / rejects, warn reports loudly, audit only records. */
export const ACTIONS = ['deny', 'warn', 'audit'] as const;
export type Action = (typeof ACTIONS)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function isSeverity(s: unknown): s is Severity {
  return typeof s === 'string' && (SEVERITIES as readonly string[]).includes(s);
}

/** A Kubernetes object's identity, as it appears in reports. */
export interface ResourceRef {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  /** Azure resource id, for Azure resources that have one. */
  id?: string;
}

/** A point in an input file. `line` and `column` are 1-based. */
export interface Position {
  line: number;
  column: number;
}

export interface Location extends Partial<Position> {
  file: string;
  /** RFC 6901 JSON pointer inside the document (the document root is ""). */
  pointer: string;
}

/** Maps a JSON pointer inside one parsed document to its position in the file. */
export interface PositionIndex {
  locate(pointer: string): Position | undefined;
}

/** The document a subject came from. */
export interface DocumentSource {
  /** The path as the user gave it ("-" for standard input). */
  file: string;
  /** 0-based index of the document inside a multi-document file. */
  documentIndex: number;
  /** Pointer prefix of this object inside the document (e.g. "/items/3" for an item of a List). */
  basePointer: string;
  positions: PositionIndex;
}

export type JsonObject = Record<string, unknown>;

/** Any Kubernetes object, as read. */
export interface K8sObjectSubject {
  type: 'k8s.object';
  resource: ResourceRef;
  object: JsonObject;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  source: DocumentSource;
}

export type ContainerRole = 'container' | 'init' | 'ephemeral';

export interface ContainerView {
  name: string;
  role: ContainerRole;
  /** Pointer to the container object, relative to the object root (e.g. "/spec/template/spec/containers/0"). */
  pointer: string;
  image: string;
  /** The container as written. */
  spec: JsonObject;
  /** The container's own securityContext as written ({} when absent). */
  securityContext: JsonObject;
  /** Container settings with pod-level defaults applied, as the kubelet would resolve them. */
  effective: EffectiveSecurityContext;
}

export interface EffectiveSecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  seccompProfileType?: string;
  appArmorProfileType?: string;
  seLinuxOptions?: JsonObject;
  allowPrivilegeEscalation?: boolean;
  privileged?: boolean;
  readOnlyRootFilesystem?: boolean;
  windowsHostProcess?: boolean;
}

/**
 * The one workload view every pod-bearing kind normalizes to: controls never see CronJob nesting.
 */
export interface WorkloadSubject {
  type: 'k8s.workload';
  resource: ResourceRef;
  object: JsonObject;
  /** Labels and annotations of the pod (template), where pod-level annotations such as AppArmor live. */
  podMetadata: { labels: Record<string, string>; annotations: Record<string, string> };
  /** Pointer to the pod metadata ("/metadata" for a Pod, "/spec/template/metadata" for a Deployment…). */
  podMetadataPointer: string;
  /** The pod spec as written. */
  podSpec: JsonObject;
  /** Pointer to the pod spec. */
  podSpecPointer: string;
  /** The pod-level securityContext as written ({} when absent). */
  podSecurityContext: JsonObject;
  containers: ContainerView[];
  source: DocumentSource;
}

export type Subject = K8sObjectSubject | WorkloadSubject | ImageBuildSubject | AzureSubject;
export type SubjectType = Subject['type'];
export type SubjectOf<T extends SubjectType> = Extract<Subject, { type: T }>;

export type FindingStatus = 'fail' | 'exempted';

export interface Frameworks {
  seed: string[];
  pss?: string[];
  'cis-kubernetes'?: string[];
  'cis-aks'?: string[];
  'azure-policy'?: string[];
  [framework: string]: string[] | undefined;
}

export interface ExemptionNote {
  source: 'policy' | 'annotation';
  justification: string;
  owner?: string;
  expires?: string;
}

export interface Finding {
  controlId: string;
  controlName: string;
  surface: Surface;
  severity: Severity;
  status: FindingStatus;
  action: Action;
  messageId: string;
  message: string;
  data: Record<string, string | number>;
  frameworks: Frameworks;
  resource: ResourceRef;
  location: Location;
  exemption?: ExemptionNote;
}

/** A control that ran on a subject but could not decide. Never counted as a pass. */
export interface NotEvaluated {
  controlId: string;
  controlName: string;
  resource: ResourceRef;
  location: Location;
  reason: string;
  /** 'error' when the control threw, 'skipped' when it could not evaluate (input, stage or permission). */
  kind: 'error' | 'skipped';
}

export interface InputError {
  file: string;
  line?: number;
  column?: number;
  documentIndex?: number;
  message: string;
  /** Stable code for tools: read-error, parse-error, not-kubernetes, unknown-kind, too-large, binary, alias-bomb, invalid-review. */
  code: string;
}

/** A note about the policy itself, e.g. an exemption that has expired. */
export interface PolicyNotice {
  level: 'warning' | 'info';
  message: string;
  file?: string;
}
