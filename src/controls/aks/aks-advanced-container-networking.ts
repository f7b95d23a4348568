import type { AksClusterSubject } from '../../model/azure.js';
import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

/**
 * Whether ACNS security enforces FQDN (or L7, a superset) network policies: security.enabled, and
 * advancedNetworkPolicies FQDN or L7 (absent defaults to FQDN when security is enabled).
 */
export function fqdnPoliciesEnabled(cluster: AksClusterSubject): boolean {
  const acns = cluster.view.get('networkProfile.advancedNetworking');
  if (acns.get('enabled').bool() === false) return false;
  const security = acns.get('security');
  if (security.get('enabled').bool() !== true) return false;
  const policies = security.get('advancedNetworkPolicies');
  return !policies.exists || policies.is('FQDN', 'L7');
}

export default defineControl({
  meta: {
    id: 'CLU-127',
    name: 'aks-advanced-container-networking',
    surface: 'cluster',
    severity: 'info',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Advanced Container Networking Services are on: FQDN/L7 network policies and network flow observability.',
      rationale:
        'Advanced Container Networking Services (networkProfile.advancedNetworking) add, on Cilium clusters, FQDN and ' +
        'Layer 7 network policies (security: egress limited to named hosts, not just IP ranges) and flow logs and metrics ' +
        '(observability: who talked to whom, dropped flows), which make lateral movement and exfiltration visible. ' +
        'transitEncryption type WireGuard additionally encrypts pod-to-pod traffic between nodes. It is a paid add-on, ' +
        'hence advisory.',
      remediation:
        '`az aks update -g <rg> -n <cluster> --enable-acns` (Cilium dataplane required); ARM: ' +
        '`networkProfile.advancedNetworking: { enabled: true, observability: { enabled: true }, security: { enabled: true, ' +
        'advancedNetworkPolicies: "FQDN" } }`, optionally `security.transitEncryption.type: "WireGuard"`.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-027',
      seed: seedFromDesign(['C13', 'A6', 'R4']),
      mcsb: ['LT-4'],
    }),
    messages: {
      off: 'Advanced Container Networking is off: no FQDN/L7 network policies and no network flow observability.',
      securityOff: 'Advanced Container Networking security is off: egress cannot be limited by FQDN or Layer 7 policies.',
      observabilityOff: 'Advanced Container Networking observability is off: there are no network flow logs or metrics to investigate traffic.',
    },
  },
  check(cluster, ctx) {
    const acns = cluster.view.get('networkProfile.advancedNetworking');
    const on = acns.get('enabled').bool() !== false;
    const security = acns.get('security.enabled');
    const observability = acns.get('observability.enabled');
    const securityOn = on && security.bool() === true;
    const observabilityOn = on && observability.bool() === true;
    if (!securityOn && !observabilityOn) {
      ctx.report({ messageId: 'off', pointer: acns.pointer });
      return;
    }
    if (!securityOn) ctx.report({ messageId: 'securityOff', pointer: security.pointer });
    if (!observabilityOn) ctx.report({ messageId: 'observabilityOff', pointer: observability.pointer });
  },
});
