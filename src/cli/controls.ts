import { catalog, findControl } from '../controls/index.js';
import { renderCatalogMarkdown, renderControlListJson, renderControlTable, renderExplain, renderSeedCoverageMarkdown } from '../docs/catalog.js';
import { isProfile, profileIncludes, PROFILES } from '../policy/profiles.js';
import { parse } from './args.js';
import type { CliIo } from './main.js';
import { UsageError } from './usage.js';

/** `palisade controls list|explain|coverage`. */
export function runControls(args: string[], io: CliIo): number {
  const [sub, ...rest] = args;
  if (sub === 'list' || sub === undefined) {
    const { values } = parse(rest, { format: { type: 'string', short: 'f' }, profile: { type: 'string', short: 'p' } });
    let controls = catalog;
    if (values.profile !== undefined) {
      const profile = values.profile;
      if (!isProfile(profile)) throw new UsageError(`unknown profile '${profile}': expected ${PROFILES.join(', ')}`);
      controls = catalog.filter((c) => profileIncludes(profile, c));
    }
    const format = values.format ?? 'text';
    if (format === 'json') io.stdout(renderControlListJson(controls));
    else if (format === 'markdown') io.stdout(renderCatalogMarkdown(controls));
    else if (format === 'text') io.stdout(renderControlTable(controls));
    else throw new UsageError(`unknown format '${format}': expected text, json, markdown`);
    return 0;
  }
  if (sub === 'explain') {
    const key = rest[0];
    if (!key) throw new UsageError('controls explain needs a control id or name');
    const control = findControl(key);
    if (!control) {
      io.stderr(`palisade: no control '${key}'. See 'palisade controls list'.\n`);
      return 2;
    }
    io.stdout(renderExplain(control));
    return 0;
  }
  if (sub === 'coverage') {
    io.stdout(renderSeedCoverageMarkdown(catalog));
    return 0;
  }
  throw new UsageError(`unknown controls subcommand '${sub}': expected list, explain, coverage`);
}
