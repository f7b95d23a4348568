/**
 * `palisade/azure-live`: the live Azure reader, a separate entry point so that importing the library does
 * not load the Azure SDK. Pass its result to `scan({ extraSubjects, unreadable, azureFacts })`.
 */
export { readAzureLive, DEFAULT_ARM_ENDPOINT, LIVE_CONTROL_ID, LIVE_CONTROL_NAME } from './read.js';
export type { LiveReadOptions, LiveReadResult, LiveProgress } from './read.js';
