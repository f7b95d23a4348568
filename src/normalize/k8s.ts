import type { DocumentSource, InputError, JsonObject, ResourceRef, Subject } from '../model/types.js';
import type { ParsedDocument } from '../parse/document.js';
import { joinPointer } from '../parse/lines.js';
import { isObject, stringMap, toWorkload } from './workload.js';
import { isKnownBuiltinKind, isBuiltinGroup } from './kinds.js';
import { evaluationScope, isAdmissionReviewLike, objectForEvaluation, parseReview } from '../admission/review.js';

export interface NormalizeOutcome {
  subjects: Subject[];
  errors: InputError[];
}

/**
 * Turns one parsed document into subjects: every object is a `k8s.object`, every pod-bearing object
 * also a `k8s.workload`. `List` objects (kubectl get -o yaml|json) are unwrapped item by item. An
 * `admission.k8s.io/v1` AdmissionReview stands for the object under review (`request.object`), exactly as
 * the webhook sees it, so `palisade scan` on a review reproduces the webhook's findings.
 */
export function normalizeDocument(doc: ParsedDocument, file: string): NormalizeOutcome {
  const out: NormalizeOutcome = { subjects: [], errors: [] };
  visit(doc.value, doc.basePointer ?? '', doc, file, out);
  return out;
}

function visit(value: unknown, base: string, doc: ParsedDocument, file: string, out: NormalizeOutcome): void {
  const at = () => doc.positions.locate(base);
  if (!isObject(value)) {
    const pos = at();
    out.errors.push({
      file,
      ...(pos ?? {}),
      documentIndex: doc.documentIndex,
      code: 'not-kubernetes',
      message: `document is ${Array.isArray(value) ? 'a sequence' : 'a scalar'}, not a Kubernetes object`,
    });
    return;
  }
  const kind = value.kind;
  const apiVersion = value.apiVersion;
  if (typeof kind !== 'string' || kind === '' || typeof apiVersion !== 'string' || apiVersion === '') {
    const pos = at();
    const missing = [typeof apiVersion === 'string' && apiVersion ? '' : 'apiVersion', typeof kind === 'string' && kind ? '' : 'kind']
      .filter(Boolean)
      .join(' and ');
    out.errors.push({
      file,
      ...(pos ?? {}),
      documentIndex: doc.documentIndex,
      code: 'not-kubernetes',
      message: `not a Kubernetes object: missing ${missing}`,
    });
    return;
  }
  if (isAdmissionReviewLike(value)) {
    visitReview(value, base, doc, file, out);
    return;
  }
  if (Array.isArray(value.items) && (kind === 'List' || kind.endsWith('List'))) {
    value.items.forEach((item, i) => visit(item, joinPointer(base, 'items', i), doc, file, out));
    return;
  }
  if (isBuiltinGroup(apiVersion) && !isKnownBuiltinKind(apiVersion, kind)) {
    const pos = doc.positions.locate(joinPointer(base, 'kind'));
    out.errors.push({
      file,
      ...(pos ?? {}),
      documentIndex: doc.documentIndex,
      code: 'unknown-kind',
      message: `unknown kind '${kind}' for apiVersion '${apiVersion}'`,
    });
    return;
  }
  const metadata = isObject(value.metadata) ? value.metadata : {};
  const resource: ResourceRef = { apiVersion, kind };
  if (typeof metadata.namespace === 'string' && metadata.namespace) resource.namespace = metadata.namespace;
  const name = typeof metadata.name === 'string' ? metadata.name : typeof metadata.generateName === 'string' ? metadata.generateName : undefined;
  if (name) resource.name = name;
  const source: DocumentSource = {
    file,
    documentIndex: doc.documentIndex,
    basePointer: base,
    positions: doc.positions,
  };
  const object = value as JsonObject;
  out.subjects.push({
    type: 'k8s.object',
    resource,
    object,
    labels: stringMap(metadata.labels),
    annotations: stringMap(metadata.annotations),
    source,
  });
  const workload = toWorkload(object, resource, source);
  if (workload) out.subjects.push(workload);
}

/**
 * A review is read with the webhook's own rules (review.ts): the same validation, the same requests left
 * unevaluated (DELETE, CONNECT, most subresources: they yield no subject), and the same object, with the
 * namespace the API server fills in. Pointers stay relative to the file: `/request/object/...`.
 */
function visitReview(value: JsonObject, base: string, doc: ParsedDocument, file: string, out: NormalizeOutcome): void {
  const parsed = parseReview(value);
  if (!parsed.ok) {
    const pos = doc.positions.locate(base);
    out.errors.push({ file, ...(pos ?? {}), documentIndex: doc.documentIndex, code: 'invalid-review', message: parsed.message });
    return;
  }
  if (!evaluationScope(parsed.request).evaluate) return;
  const object = objectForEvaluation(parsed.request);
  if (object) visit(object, joinPointer(base, 'request', 'object'), doc, file, out);
}
