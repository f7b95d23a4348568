/** The pure admission decision, for the HTTPS shell and for library users. */
export { createAdmissionHandler, type AdmissionHandlerSettings } from './decide.js';
export { admissionDecisionFromScan, type AdmissionDecisionSummary, type FromScanOptions } from './from-scan.js';
export { parseReview, ADMISSION_API_VERSION, type AdmissionRequest } from './review.js';
export type { AdmissionHandler, Decision, DecisionLog, HandlerResult, Operation } from './contract.js';
export { WARNING_BUDGET_RUNES, WARNING_MAX_RUNES, type AdmissionReviewResponse, type StatusBody } from './response.js';
