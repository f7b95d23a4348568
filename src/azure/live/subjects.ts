/**
 * Raw ARM response bodies into the same subjects the offline JSON path makes: one body (or one item of a
 * list page) is normalised exactly as if it had been saved to a file and scanned, so a live scan and a scan
 * of the recorded JSON give the same verdicts. Only the source differs: an `azure://` address instead of a
 * path, and no line numbers.
 */
import type { AzureSubject } from '../../model/azure.js';
import type { PositionIndex } from '../../model/types.js';
import { normalizeAzure } from '../normalize.js';

const NO_POSITIONS: PositionIndex = { locate: () => undefined };

/** `azure:///subscriptions/<id>/resourceGroups/<rg>/providers/…`: where a live resource came from, readable in reports. */
export function azureAddress(resourceIdOrPath: string): string {
  return `azure://${resourceIdOrPath.startsWith('/') ? '' : '/'}${resourceIdOrPath}`;
}

/** Subjects of one raw resource body (a managed cluster, registry, token, role assignment or get-versions body). */
export function subjectsFromBody(body: unknown, file: string): AzureSubject[] {
  return normalizeAzure({ value: body, documentIndex: 0, basePointer: '', startLine: 1, positions: NO_POSITIONS }, file).subjects;
}

/**
 * The get-versions body carries no id or location: the region it was read for is what ties it to the
 * clusters there (as `AzureEstate.versionsFor` matches it).
 */
export function versionsSubjects(body: unknown, subscriptionId: string, location: string, path: string): AzureSubject[] {
  const subjects = subjectsFromBody(body, azureAddress(path));
  for (const s of subjects) {
    if (s.type === 'azure.aks-versions') s.azure = { ...s.azure, subscriptionId, location };
  }
  return subjects.filter((s) => s.type === 'azure.aks-versions');
}
