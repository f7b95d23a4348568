/** A configuration problem: names the file, the path inside it and what was expected. Exit code 2. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly path?: string,
  ) {
    super(`${file ?? 'configuration'}${path ? ` at ${path}` : ''}: ${message}`);
    this.name = 'ConfigError';
  }
}
