import type { ScanResult } from '../engine/result.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

/** The output formats of `scan --format`; text is for people, the others for tools. */
export const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

export interface FormatOptions {
  /** ANSI colours in the text format; ignored by the others. */
  color: boolean;
  /** Absolute directory relative SARIF paths start from (the CLI's working directory). */
  srcRoot?: string;
}

/** Renders a scan result. Pure: no I/O, no clock. */
export function formatResult(result: ScanResult, format: Format, options: FormatOptions): string {
  switch (format) {
    case 'text':
      return formatText(result, { color: options.color });
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(result, options.srcRoot !== undefined ? { srcRoot: options.srcRoot } : {});
    case 'junit':
      return formatJunit(result);
  }
}

export { formatJson, toJsonReport, type JsonReport } from './json.js';
export { formatJunit } from './junit.js';
export { formatSarif, type SarifOptions } from './sarif.js';
export { formatText, type TextOptions } from './text.js';
