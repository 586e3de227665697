#!/usr/bin/env node
// Registers the catalog and regenerates what is written from it (`npm run rules:table`):
// src/rules/catalog/index.ts from the rule files under src/rules/catalog/<family>/ (see
// scripts/catalog.ts: new files added, deleted ones dropped, the order kept), then the rule table
// in README.md. With `--check` it writes nothing and exits 1 when either is stale. The TypeScript
// sources are bundled in memory with esbuild (already a dev dependency), so no build step is needed.
//
// A branch that still has family indexes (src/rules/catalog/<family>/index.ts, an older layout) is
// merged by running this once: the rules those indexes add are placed next to the neighbours they
// were listed with, and the family indexes are removed.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const readmePath = `${root}README.md`;
const check = process.argv.includes('--check');

/** Bundles `contents` (TypeScript, resolved from the repository root) as CommonJS and loads it. */
async function load(contents, name) {
  // CommonJS in a temporary file: some dependencies (yaml) are CommonJS themselves.
  const dir = mkdtempSync(path.join(tmpdir(), `${name}-`));
  const outfile = path.join(dir, `${name}.cjs`);
  try {
    await build({ stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, outfile, platform: 'node', format: 'cjs', logLevel: 'error' });
    return createRequire(import.meta.url)(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const catalog = await load("export * from './scripts/catalog.ts';", 'catalog');
const files = catalog.catalogFiles(root);
const { modules, ruleSchema } = await load(
  [
    "export { ruleSchema } from './src/rules/schema.ts';",
    ...files.map((f, i) => `import * as m${i} from './${f.file}';`),
    `export const modules = [${files.map((_f, i) => `m${i}`).join(', ')}];`,
  ].join('\n'),
  'catalog-files',
);

const problems = [];
const rules = new Map();
files.forEach((f, i) => {
  const found = catalog.ruleExports(modules[i]);
  if (found.length === 0) return; // a helper the family's rules import (a shared block of advice)
  if (found.length > 1 || found[0].id !== f.id) {
    problems.push(`${f.file}: a rule file exports one rule, whose id is its path (${f.id}); found ${found.map((r) => r.id).join(', ')}`);
    return;
  }
  rules.set(f.id, { id: f.id, exportName: found[0].name, specificity: ruleSchema.parse(found[0].input).specificity });
});
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(2);
}

const indexPath = path.join(root, catalog.catalogDir, 'index.ts');
const indexText = readFileSync(indexPath, 'utf8');
const families = [...new Set(files.map((f) => f.id.split('/')[0]))];
const leftovers = families.map((family) => path.join(root, catalog.catalogDir, family, 'index.ts')).filter((p) => existsSync(p));
const hints = leftovers.map((p) => catalog.listedIn(readFileSync(p, 'utf8'), path.basename(path.dirname(p))));
const listed = catalog.listedIn(indexText);
const order = catalog.placeRules(listed, rules, hints);
const updatedIndex = catalog.renderCatalogIndex(
  order.map((id) => rules.get(id)),
  catalog.entryComments(indexText),
);

let stale = false;
const added = order.filter((id) => !listed.includes(id));
const dropped = listed.filter((id) => !order.includes(id));
if (updatedIndex !== indexText || leftovers.length > 0) {
  stale = true;
  if (!check) {
    writeFileSync(indexPath, updatedIndex);
    for (const p of leftovers) rmSync(p);
    for (const id of added) console.log(`registered ${id} (line ${order.indexOf(id) + 1} of ${order.length} in ${catalog.catalogDir}/index.ts)`);
    for (const id of dropped) console.log(`dropped ${id} (no file defines it)`);
    for (const p of leftovers) console.log(`removed ${path.relative(root, p)} (the catalog index lists every rule)`);
    console.log(`${catalog.catalogDir}/index.ts updated`);
  } else console.error(`${catalog.catalogDir}/index.ts is stale (${[...added.map((id) => `+${id}`), ...dropped.map((id) => `-${id}`)].join(' ') || 'order or imports'}): run \`npm run rules:table\``);
}

// The table reads the catalog through its index: bundled after the index is written.
const { currentRulesTable, withRulesTable } = await load("export { currentRulesTable, withRulesTable } from './src/report/rules-table.ts';", 'rules-table');
const readme = readFileSync(readmePath, 'utf8');
const updated = withRulesTable(readme, currentRulesTable(root));
if (updated === null) {
  console.error('README.md has no <!-- rules:start --> / <!-- rules:end --> markers');
  process.exit(2);
}
if (updated !== readme) {
  stale = true;
  if (check) console.error('README.md rule table is stale: run `npm run rules:table`');
  else {
    writeFileSync(readmePath, updated);
    console.log('README.md rule table updated');
  }
}
if (check && stale) process.exit(1);
