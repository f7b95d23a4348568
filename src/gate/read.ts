import { findJsonSyntaxError } from '../parse/json-syntax.js';
import { readCycloneDx } from './read-cyclonedx.js';
import { readGrype } from './read-grype.js';
import { readOpenVex } from './read-openvex.js';
import { readSarif } from './read-sarif.js';
import { readTrivy, scanTrivyBytes, scanTrivyText } from './read-trivy.js';
import { scratchBuffer } from './scratch.js';
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

/** Parses one report (its text, or its UTF-8 bytes); throws GateInputError naming the file (and the position for broken JSON). */
export function readReport(input: string | Uint8Array, file: string): ReportRead {
  if (typeof input !== 'string') {
    const { buf, len } = padInScratch(input);
    return readReportBytes(buf, len, file);
  }
  const body = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // A Trivy report (they can be tens of megabytes) is read straight from its text, keeping only what the
  // gate uses; anything else (other formats, broken JSON, errors) takes the ordinary path below.
  const scanned = scanTrivyText(body, file);
  if (scanned !== undefined && isTrivy2(scanned.doc)) return scanned.read;
  return readParsed(body, file);
}

/** Zero bytes readReportBytes needs after a report's bytes (where the scan of a truncated text stops). */
export const PADDING = 8;

/** Bytes already read, copied into the gate's scratch buffer with PADDING zeros after them. */
export function padInScratch(bytes: Uint8Array): { buf: Buffer; len: number } {
  const buf = scratchBuffer(bytes.length + PADDING);
  buf.set(bytes);
  buf.fill(0, bytes.length, bytes.length + PADDING);
  return { buf, len: bytes.length };
}

/**
 * Reads one report from its UTF-8 bytes, buf[0, len), with PADDING zero bytes after them (how readReports
 * reads a file). A Trivy report is scanned in the bytes; only another format is decoded to text and parsed.
 */
export function readReportBytes(buf: Buffer, len: number, file: string): ReportRead {
  const bom = len >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const scanned = scanTrivyBytes(bom ? buf.subarray(bom) : buf, len - bom, file);
  if (scanned !== undefined && isTrivy2(scanned.doc)) return scanned.read;
  return readParsed(buf.toString('utf8', bom, len), file);
}

function isTrivy2(doc: Json): boolean {
  return detectFormat(doc) === 'trivy' && doc.SchemaVersion === 2;
}

/** The ordinary reader: JSON.parse, then the format's reader. */
function readParsed(body: string, file: string): ReportRead {
  if (body.trim() === '') throw new GateInputError(file, 'empty file: not a vulnerability report');
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
