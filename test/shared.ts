import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The project's shared data (conformance fixtures, Azure data) lives beside the repository in ../shared.
 * A missing folder fails the test that needs it, naming where it looked: it never passes silently.
 */
export function sharedDir(): string {
  const dir = process.env.PALISADE_SHARED ?? path.resolve(import.meta.dirname, '..', '..', 'shared');
  if (!existsSync(dir)) throw new Error(`shared data not found at ${dir} (set PALISADE_SHARED to its location)`);
  return dir;
}
