import { findJsonSyntaxError } from '../parse/json-syntax.js';
import { readCycloneDx } from './read-cyclonedx.js';
import { readGrype } from './read-grype.js';
import { readOpenVex } from './read-openvex.js';
import { readSarif } from './read-sarif.js';
import { readTrivy, scanTrivyText } from './read-trivy.js';
import { GateInputError, type ReportFormat, type ReportRead } from './types.js';
import type { Json } from './util.js';

function position(text: string, offset: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return `line ${line}, column ${col} (offset ${offset})`;
}

/** Recognises a report by its content; undefined when it is none of the formats the gate reads. */
export function detectFormat(doc: Json): ReportFormat | undefined {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  if (doc.SchemaVersion !== undefined && (Array.isArray(doc.Results) || doc.ArtifactName !== undefined)) return 'trivy';
  if (Array.isArray(doc.matches) && doc.descriptor !== undefined) return 'grype';
  if (Array.isArray(doc.matches) && doc.source !== undefined) return 'grype';
  if (doc.bomFormat === 'CycloneDX') return 'cyclonedx';
  if (typeof doc['@context'] === 'string' && doc['@context'].startsWith('https://openvex.dev/ns') && Array.isArray(doc.statements)) return 'openvex';
  if (typeof doc.version === 'string' && doc.version.startsWith('2.1') && Array.isArray(doc.runs)) return 'sarif';
  return undefined;
}

/** Parses one report's text; throws GateInputError naming the file (and the position for broken JSON). */
export function readReport(text: string, file: string): ReportRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new GateInputError(file, 'empty file: not a vulnerability report');
  // A Trivy report (they can be tens of megabytes) is read straight from its text, keeping only what the
  // gate uses; anything else (other formats, broken JSON, errors) takes the ordinary path below.
  const scanned = scanTrivyText(body, file);
  if (scanned !== undefined && detectFormat(scanned.doc) === 'trivy' && scanned.doc.SchemaVersion === 2) return scanned.read;
  let doc: Json;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    const where = findJsonSyntaxError(body);
    if (where) throw new GateInputError(file, `not valid JSON at ${position(body, where.offset)}: ${where.expected}${where.offset >= body.length ? ' (truncated?)' : ''}`);
    throw new GateInputError(file, `not valid JSON: ${(e as Error).message}`);
  }
  const format = detectFormat(doc);
  if (format === undefined) {
    throw new GateInputError(
      file,
      'not a vulnerability report Palisade reads: expected Trivy JSON (SchemaVersion 2), Grype JSON, CycloneDX JSON, OpenVEX or SARIF 2.1.0',
    );
  }
  if (format === 'trivy' && doc.SchemaVersion !== 2) throw new GateInputError(file, `Trivy JSON SchemaVersion ${String(doc.SchemaVersion)} is not supported: expected 2`);
  switch (format) {
    case 'trivy':
      return readTrivy(doc, file);
    case 'grype':
      return readGrype(doc, file);
    case 'cyclonedx':
      return readCycloneDx(doc, file);
    case 'openvex':
      return readOpenVex(doc, file);
    case 'sarif':
      return readSarif(doc, file);
  }
}
