import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export const CONFIG_FILE_NAMES = ['palisade.yaml', 'palisade.yml', '.palisade.yaml', '.palisade.yml'];

/** Finds palisade.yaml in the folder of `start` or any parent. */
export function discoverConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) {
        // Shown in reports: keep it as short as the paths the user typed when it lies below the cwd.
        const rel = path.relative(process.cwd(), candidate);
        return rel.startsWith('..') || path.isAbsolute(rel) ? candidate : rel;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
