/**
 * Request-level exemptions of the `admission:` policy section: who asks (user, group, service account),
 * where (namespace) and what would run (images). An exempt request is allowed without evaluation; the
 * reason goes to the log line and the audit annotations. Finding-level exemptions (the policy file's
 * `exemptions:` with expiry, and annotations when enabled) are applied by the engine, as in a scan.
 */
import picomatch from 'picomatch';
import type { AdmissionSettings } from '../policy/types.js';
import { requestNamespace, serviceAccountOf, type AdmissionRequest } from './review.js';

export interface RequestIdentity {
  namespace?: string;
  user?: string;
  groups: string[];
  /** "namespace/name" of the requesting service account. */
  serviceAccount?: string;
  /** Every container image of the object under review. */
  images: string[];
}

/** Who asks, where, and for which images. */
export function identityOf(request: AdmissionRequest, images: string[]): RequestIdentity {
  const id: RequestIdentity = { groups: request.userInfo.groups ?? [], images };
  const ns = requestNamespace(request);
  if (ns !== undefined) id.namespace = ns;
  if (request.userInfo.username !== undefined) id.user = request.userInfo.username;
  const sa = serviceAccountOf(request.userInfo.username);
  if (sa !== undefined) id.serviceAccount = sa;
  return id;
}

const cache = new Map<string, (s: string) => boolean>();
function glob(pattern: string): (s: string) => boolean {
  let m = cache.get(pattern);
  if (!m) {
    // Same matching as the policy file's exemptions: '*' crosses '/' (image references, ns/name pairs).
    m = picomatch(pattern, { dot: true, nobrace: true, noextglob: true, bash: true });
    cache.set(pattern, m);
  }
  return m;
}

function firstMatch(patterns: readonly string[], value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return patterns.find((p) => glob(p)(value));
}

/** The reason a request is exempt, or undefined. Palisade's own namespace is always exempt. */
export function requestExemption(id: RequestIdentity, settings: AdmissionSettings): string | undefined {
  if (id.namespace !== undefined) {
    // Without this the webhook could deny its own replacement pods and lock itself (and the cluster) out.
    if (id.namespace === settings.namespace) return `namespace '${id.namespace}' is Palisade's own namespace`;
    const p = firstMatch(settings.exemptNamespaces, id.namespace);
    if (p !== undefined) return `namespace '${id.namespace}' matches admission.exemptNamespaces '${p}'`;
  }
  const u = firstMatch(settings.exemptUsers, id.user);
  if (u !== undefined) return `user '${id.user}' matches admission.exemptUsers '${u}'`;
  for (const g of id.groups) {
    const p = firstMatch(settings.exemptGroups, g);
    if (p !== undefined) return `group '${g}' matches admission.exemptGroups '${p}'`;
  }
  const sa = firstMatch(settings.exemptServiceAccounts, id.serviceAccount);
  if (sa !== undefined) return `service account '${id.serviceAccount}' matches admission.exemptServiceAccounts '${sa}'`;
  if (settings.exemptImages.length > 0 && id.images.length > 0 && id.images.every((img) => firstMatch(settings.exemptImages, img) !== undefined)) {
    return `every image (${id.images.join(', ')}) matches admission.exemptImages`;
  }
  return undefined;
}
