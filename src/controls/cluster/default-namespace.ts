import { isObject } from '../../normalize/workload.js';
import { defineControl } from '../define.js';

/** Built-in kinds that have no namespace. */
const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ComponentStatus', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass',
  'CSIDriver', 'CSINode', 'VolumeAttachment', 'VolumeAttributesClass', 'CustomResourceDefinition',
  'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding', 'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding', 'PriorityClass',
  'IngressClass', 'RuntimeClass', 'APIService', 'CertificateSigningRequest', 'ClusterTrustBundle', 'FlowSchema',
  'PriorityLevelConfiguration', 'PodSecurityPolicy', 'IPAddress', 'ServiceCIDR', 'DeviceClass', 'ResourceSlice',
  'TokenReview', 'SelfSubjectReview', 'SubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview',
  // Widely used cluster-scoped custom resources.
  'ConstraintTemplate',
]);

/** API groups all of whose kinds are cluster-scoped (Gatekeeper constraints have arbitrary kind names). */
const CLUSTER_SCOPED_GROUPS = new Set(['constraints.gatekeeper.sh']);

/** Objects Kubernetes itself creates in `default`; an audit of a live cluster always finds them. */
const SYSTEM_OBJECTS = new Set(['Service/kubernetes', 'Endpoints/kubernetes', 'EndpointSlice/kubernetes', 'ServiceAccount/default', 'ConfigMap/kube-root-ca.crt']);

/** Kinds that record what happened rather than declare something to run. */
const RECORD_KINDS = new Set(['Event']);

function groupOf(apiVersion: string | undefined): string {
  const slash = apiVersion?.indexOf('/') ?? -1;
  return slash === -1 || apiVersion === undefined ? '' : apiVersion.slice(0, slash);
}

export default defineControl({
  meta: {
    id: 'CLU-001',
    name: 'default-namespace',
    surface: 'cluster',
    severity: 'low',
    appliesTo: ['k8s.object'],
    stages: ['ci', 'admission', 'audit'],
    docs: {
      summary: "Namespaced objects are not placed in the 'default' namespace.",
      rationale:
        "Everything in 'default' shares one set of RBAC bindings, quotas, network policies and Pod Security labels, so " +
        'workloads of different teams, environments and sensitivity end up segmented by nothing. Dedicated namespaces per ' +
        'application and environment are what RBAC, NetworkPolicy and admission policy are scoped to. ' +
        'A manifest without metadata.namespace lands wherever it is applied (kubectl -n, the current context, kustomize ' +
        "or Helm --namespace), often in 'default': for every namespaced kind, such an object is reported as not evaluated " +
        '(never as a pass) unless the flagMissingNamespace option turns it into a finding. Cluster-scoped kinds (Namespace, ' +
        'Node, ClusterRole, StorageClass, CRDs, webhook configurations, PriorityClass, IngressClass, RuntimeClass, kinds ' +
        "named Cluster…) are skipped, as are the objects Kubernetes itself keeps in 'default' (the kubernetes Service and " +
        'Endpoints, the default ServiceAccount, kube-root-ca.crt) and Events.',
      remediation:
        "Create a namespace per application and environment and set metadata.namespace in every manifest (or kustomize's " +
        '`namespace:`), with its own RBAC, ResourceQuota, NetworkPolicy and Pod Security labels. Restrict who may create ' +
        "objects in 'default'.",
    },
    frameworks: {
      seed: ['C6', 'C11'],
      'cis-kubernetes': ['5.7.4'],
      'azure-policy': ['9f061a12-e40d-4183-a00e-171812443373'],
    },
    options: {
      flagMissingNamespace: {
        type: 'boolean',
        description:
          "Report objects without metadata.namespace as findings (they land in 'default' with plain kubectl apply) instead of as not evaluated.",
        default: false,
      },
      clusterScopedKinds: {
        type: 'string[]',
        description: 'More kinds (typically custom resources) that are cluster-scoped and so have no namespace.',
        default: [],
      },
    },
    messages: {
      defaultNamespace: "{{kind}} '{{name}}' is in the 'default' namespace.",
      noNamespace: "{{kind}} '{{name}}' sets no namespace, so it lands in the namespace it is applied to, often 'default'.",
    },
  },
  check(subject, ctx) {
    const kind = subject.resource.kind ?? '';
    const extra = Array.isArray(ctx.options.clusterScopedKinds) ? (ctx.options.clusterScopedKinds as unknown[]) : [];
    if (
      CLUSTER_SCOPED_KINDS.has(kind) ||
      kind.startsWith('Cluster') ||
      CLUSTER_SCOPED_GROUPS.has(groupOf(subject.resource.apiVersion)) ||
      extra.includes(kind) ||
      RECORD_KINDS.has(kind)
    ) {
      return;
    }
    const name = subject.resource.name ?? '(unnamed)';
    const metadata = isObject(subject.object.metadata) ? subject.object.metadata : undefined;
    const namespace = metadata?.namespace;
    if (typeof namespace === 'string' && namespace !== '') {
      if (namespace !== 'default' || SYSTEM_OBJECTS.has(`${kind}/${name}`)) return;
      ctx.report({ messageId: 'defaultNamespace', pointer: '/metadata/namespace', data: { kind, name } });
      return;
    }
    if (ctx.options.flagMissingNamespace === true) {
      ctx.report({ messageId: 'noNamespace', pointer: metadata ? '/metadata' : '', data: { kind, name } });
    } else {
      ctx.notEvaluated(`${kind} '${name}' sets no metadata.namespace; its namespace is chosen when it is applied`);
    }
  },
});
