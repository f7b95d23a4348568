import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-142',
    name: 'aks-no-http-application-routing',
    surface: 'cluster',
    severity: 'medium',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The retired HTTP application routing add-on is not enabled.',
      rationale:
        'The HTTP application routing add-on (addonProfiles.httpApplicationRouting) was retired on 2025-03-03: it receives no ' +
        'fixes. It was never meant for production: it exposes services through a public ingress controller and a public DNS ' +
        'zone it creates, without TLS by default. The managed NGINX "application routing" add-on (ingressProfile.webAppRouting) ' +
        'replaces it.',
      remediation:
        '`az aks disable-addons --addons http_application_routing` (ARM: `properties.addonProfiles.httpApplicationRouting.' +
        'enabled: false`); use `az aks approuting enable` for the supported application routing add-on.',
    },
    frameworks: azureFrameworks({ catalog: 'AKS-042', seed: ['A6', 'C4'], mcsb: ['NS-1', 'DP-4'] }),
    messages: {
      enabled:
        'The HTTP application routing add-on is enabled: it was retired on 2025-03-03, gets no fixes, and publishes services ' +
        'through a public ingress and DNS zone.',
    },
  },
  check(cluster, ctx) {
    const flag = cluster.view.get('addonProfiles.httpApplicationRouting.enabled');
    if (flag.bool() === true) ctx.report({ messageId: 'enabled', pointer: flag.pointer });
  },
});
