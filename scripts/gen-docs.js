// Regenerates the README sections built from control metadata (npm run docs).
import { readFileSync, writeFileSync } from 'node:fs';
import { catalog } from '../dist/controls/index.js';
import { renderCatalogMarkdown, renderCisDockerMarkdown, renderProfilesMarkdown, renderSeedCoverageMarkdown } from '../dist/docs/catalog.js';

const file = new URL('../README.md', import.meta.url);
let readme = readFileSync(file, 'utf8');
const sections = {
  catalog: renderCatalogMarkdown(catalog),
  coverage: renderSeedCoverageMarkdown(catalog),
  profiles: renderProfilesMarkdown(),
  'cis-docker': renderCisDockerMarkdown(catalog),
};
for (const [name, body] of Object.entries(sections)) {
  const re = new RegExp(`<!-- ${name}:start -->\\n[\\s\\S]*?<!-- ${name}:end -->`);
  if (!re.test(readme)) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> section`);
  readme = readme.replace(re, () => `<!-- ${name}:start -->\n${body}<!-- ${name}:end -->`);
}
writeFileSync(file, readme);
console.log(`README.md: ${catalog.length} controls documented`);
