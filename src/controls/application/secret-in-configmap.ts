import { isObject } from '../../normalize/workload.js';
import { joinPointer } from '../../parse/lines.js';
import { detectAssignment, printableName, scanText } from '../../secrets/patterns.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'APP-023',
    name: 'secret-in-configmap',
    surface: 'application',
    severity: 'high',
    appliesTo: ['k8s.object'],
    stages: ['ci', 'admission', 'audit'],
    docs: {
      summary: 'ConfigMaps do not hold secrets, neither as values nor inside configuration files they carry.',
      rationale:
        'ConfigMaps are meant to be read: RBAC roles such as view grant them freely, they are not encrypted at rest by the ' +
        'KMS provider for secrets, and they are printed by `kubectl get -o yaml` and committed to Git as is. A key is ' +
        'reported when its value has the shape of a known credential or when the key names a secret (DB_PASSWORD, ' +
        'client-secret…) with a literal value; keys holding files (application.properties, appsettings.json, .env, XML, ' +
        'YAML) are scanned line by line for both, including private keys. References, placeholders, paths and URLs without ' +
        'credentials are not secrets. binaryData is not decoded. Findings name the key, the setting and the kind of ' +
        'secret, never the value.',
      remediation:
        'Move the secret to Azure Key Vault and mount it with the Secrets Store CSI driver and Workload ID, or into a ' +
        'Kubernetes Secret; keep only non-secret settings in the ConfigMap and let the application read the secret from ' +
        'its own file or variable. Rotate the exposed credential.',
    },
    frameworks: { seed: ['A4', 'A8'] },
    messages: {
      secretValue: "ConfigMap key '{{key}}' holds a literal {{kind}}.",
      secretSetting: "ConfigMap key '{{key}}' sets '{{setting}}' to a literal {{kind}} (line {{line}} of the value).",
      secretInText: "ConfigMap key '{{key}}' contains a {{kind}} (line {{line}} of the value).",
    },
  },
  check(subject, ctx) {
    if (subject.resource.kind !== 'ConfigMap') return;
    const data = subject.object.data;
    if (!isObject(data)) return;
    for (const [rawKey, value] of Object.entries(data)) {
      if (typeof value !== 'string') continue;
      const pointer = joinPointer('', 'data', rawKey);
      const key = printableName(rawKey);
      if (!value.includes('\n')) {
        const kind = detectAssignment(rawKey, value);
        if (kind) {
          ctx.report({ messageId: 'secretValue', pointer, data: { key, kind: kind.title } });
          continue;
        }
      }
      for (const hit of scanText(value)) {
        if (hit.name !== undefined) {
          ctx.report({ messageId: 'secretSetting', pointer, data: { key, setting: hit.name, kind: hit.kind.title, line: hit.line } });
        } else {
          ctx.report({ messageId: 'secretInText', pointer, data: { key, kind: hit.kind.title, line: hit.line } });
        }
      }
    }
  },
});
