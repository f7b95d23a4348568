/**
 * Palisade's library API. The CLI is a thin shell over these functions.
 */
export { scan, loadPolicy, discoverConfig, type ScanOptions } from './scan.js';
export { catalog, findControl } from './controls/index.js';
export { defineControl, formatMessage } from './controls/define.js';
export type { AnyControl, Control, ControlMeta, CheckContext } from './controls/define.js';
export { subjectsFromText } from './engine/pipeline.js';
export { evaluateSubject, planControls } from './engine/evaluate.js';
export { SCHEMA_VERSION, isBlocking, type ScanResult, type ScanSummary } from './engine/result.js';
export { ConfigError, parseConfig, resolvePolicy, LATEST_PSS_VERSION } from './policy/config.js';
export { PROFILES, PROFILE_DOCS } from './policy/profiles.js';
export { FORMATS, formatResult, type Format } from './report/index.js';
export * from './model/types.js';
export * from './admission/index.js';
export * from './gate/index.js';
export { VERSION } from './version.js';
export { AzureEstate, type AzureFacts, type RegistryPull } from './azure/estate.js';
export { loadCalendar, supportOf, minorOf, CalendarError, type VersionCalendar, type CalendarEntry } from './azure/calendar.js';
export { looksLikeAzure } from './azure/normalize.js';
export { AzNode, CannotEvaluate } from './azure/view.js';
export type { EstateReport, PullRelation } from './azure/topology.js';
