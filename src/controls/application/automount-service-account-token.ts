import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'APP-021',
    name: 'automount-service-account-token',
    surface: 'application',
    severity: 'medium',
    appliesTo: ['k8s.workload'],
    stages: ['ci', 'admission', 'audit'],
    docs: {
      summary: "Pods that run as the 'default' service account do not mount its API token.",
      rationale:
        "Every pod gets a Kubernetes API token unless automountServiceAccountToken is false. A pod that runs as the namespace's " +
        "'default' service account (serviceAccountName unset or 'default') has no API access intended, so the token only " +
        'serves an intruder: it identifies the pod to the API server, lets it probe discovery endpoints, and inherits any ' +
        "role someone later binds to 'default'. Workloads with a named service account are assumed to need the API; the " +
        'flagNamedServiceAccounts option reports them too, for teams that want every token mount to be explicit. The ' +
        "ServiceAccount object's own automountServiceAccountToken is not visible from the pod manifest, so the setting is " +
        'expected on the pod.',
      remediation:
        'Set spec.automountServiceAccountToken: false in the pod template. A workload that needs Azure resources uses ' +
        'Microsoft Entra Workload ID with a dedicated service account (which mounts only a projected, audience-bound token); ' +
        'one that needs the Kubernetes API gets its own service account with a least-privilege Role.',
    },
    frameworks: {
      seed: ['C1', 'K10'],
      'cis-kubernetes': ['5.1.5', '5.1.6'],
      'azure-policy': ['423dd1ba-798e-40e4-9c4d-b6902674b423'],
    },
    options: {
      flagNamedServiceAccounts: {
        type: 'boolean',
        description: 'Also report pods with a named service account that mount its token without saying so (automountServiceAccountToken unset).',
        default: false,
      },
    },
    messages: {
      defaultServiceAccount:
        "Pod runs as the '{{serviceAccount}}' service account, which needs no API access, but mounts its API token; set automountServiceAccountToken: false.",
      namedServiceAccount:
        "Pod mounts the API token of service account '{{serviceAccount}}' without setting automountServiceAccountToken explicitly.",
    },
  },
  check(workload, ctx) {
    const spec = workload.podSpec;
    if (spec.automountServiceAccountToken === false) return;
    // serviceAccount is the deprecated alias the API server still honours when serviceAccountName is empty.
    const named = [spec.serviceAccountName, spec.serviceAccount].find((v): v is string => typeof v === 'string' && v !== '');
    const serviceAccount = named ?? 'default';
    const explicit = 'automountServiceAccountToken' in spec;
    const pointer = explicit ? `${workload.podSpecPointer}/automountServiceAccountToken` : workload.podSpecPointer;
    if (serviceAccount === 'default') {
      ctx.report({ messageId: 'defaultServiceAccount', pointer, data: { serviceAccount } });
    } else if (ctx.options.flagNamedServiceAccounts === true && !explicit) {
      ctx.report({ messageId: 'namedServiceAccount', pointer, data: { serviceAccount } });
    }
  },
});
