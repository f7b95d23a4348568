/** Kept in step with package.json by the release script; read by reports (tool.version). */
export const VERSION = '0.1.0';
