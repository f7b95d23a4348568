import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

/** A CIDR open to (nearly) everyone: 0.0.0.0/0, ::/0, or any prefix shorter than /8. */
function isWildcardRange(cidr: string): boolean {
  const m = /^([^/]+)(?:\/(\d+))?$/.exec(cidr.trim());
  if (!m) return false;
  const prefix = m[2] === undefined ? (m[1]?.includes(':') ? 128 : 32) : Number(m[2]);
  return prefix < 8;
}

export default defineControl({
  meta: {
    id: 'CLU-101',
    name: 'aks-api-server-access-restricted',
    surface: 'cluster',
    severity: 'high',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The AKS API server is private, or reachable only from authorized IP ranges.',
      rationale:
        'A public API server with no IP filter can be reached, probed and brute-forced by anyone on the Internet; every ' +
        'Kubernetes CVE in the API server or an authentication plugin is then one request away. A private cluster keeps ' +
        'the endpoint inside the virtual network; authorized IP ranges limit it to known networks. A range such as ' +
        '0.0.0.0/0, ::/0 or any prefix shorter than /8 filters nothing. 0.0.0.0/32 is the documented value meaning "only ' +
        "the cluster's own outbound IP\" and counts as restricted. API Server VNet Integration alone does not restrict access.",
      remediation:
        'Create the cluster private (`--enable-private-cluster`), or set `az aks update --api-server-authorized-ip-ranges ' +
        '<cidr,…>` to your corporate egress and CI ranges.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-001',
      seed: seedFromDesign(['D1', 'C4']),
      azurePolicy: ['0e246bcf-5f6f-4f87-bc6f-775d4712c7ea'],
      defender: ['1a2b5b4c-f80d-46e7-ac81-b51a9fb363de'],
      mcsb: ['NS-2'],
    }),
    messages: {
      public: 'The API server is public and no authorized IP ranges are set: anyone on the Internet can reach it.',
      wildcard: "Authorized IP range '{{range}}' admits (nearly) every address: the API server is effectively public.",
    },
  },
  check(cluster, ctx) {
    const access = cluster.view.get('apiServerAccessProfile');
    if (access.get('enablePrivateCluster').bool() === true) return;
    const ranges = access.get('authorizedIPRanges');
    const list = ranges.strings();
    if (list.length === 0) {
      ctx.report({ messageId: 'public', pointer: access.exists ? access.pointer : cluster.view.get('apiServerAccessProfile').pointer });
      return;
    }
    ranges.items().forEach((n) => {
      const range = n.str();
      if (range !== undefined && isWildcardRange(range)) ctx.report({ messageId: 'wildcard', pointer: n.pointer, data: { range } });
    });
  },
});
