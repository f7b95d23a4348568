import type { InputError, PositionIndex } from '../model/types.js';

/** One parsed document of a file, with the means to map pointers in it back to the file. */
export interface ParsedDocument {
  value: unknown;
  documentIndex: number;
  /** Where `value` sits inside the file's document: "" for a whole document, "/items/3" for one List item parsed alone. */
  basePointer?: string;
  /** 1-based line where the document's content starts. */
  startLine: number;
  positions: PositionIndex;
}

/** Parsing never throws: a broken document is an error result, and the file's other documents survive. */
export interface ParseOutcome {
  documents: ParsedDocument[];
  errors: InputError[];
}
