/** The vulnerability gate (B7) for library users: read scanner reports, gate them, format the result. */
export { readReport, detectFormat } from './read.js';
export { evaluateGate, summarize as summarizeGate, GATE_GROUPS, type GateGroup, type GateResult, type GatedFinding } from './evaluate.js';
export { runGate, readReports, readState, writeState, StateStoreError, type GateRun, type GateRunOptions } from './io.js';
export { formatGateJson, writeGateJson, toGateJson, gateExitCode, GATE_JSON_VERSION, type ChunkSink } from './report-json.js';
export { formatGateText } from './report-text.js';
export { formatGateSarif } from './report-sarif.js';
export { formatGateJunit } from './report-junit.js';
