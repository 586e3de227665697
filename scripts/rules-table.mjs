#!/usr/bin/env node
// Regenerates the rule table in README.md from the catalog (`npm run rules:table`), or with
// `--check` exits 1 when the README is stale. The TypeScript sources are bundled in memory with
// esbuild (already a dev dependency), so no build step is needed first.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const readmePath = `${root}README.md`;

// Bundled as CommonJS into a temporary file: some dependencies (yaml) are CommonJS themselves.
const dir = mkdtempSync(path.join(tmpdir(), 'rules-table-'));
const outfile = path.join(dir, 'rules-table.cjs');
let currentRulesTable;
let withRulesTable;
try {
  await build({
    stdin: {
      contents: "export { currentRulesTable, withRulesTable } from './src/report/rules-table.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    outfile,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
  });
  ({ currentRulesTable, withRulesTable } = createRequire(import.meta.url)(outfile));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const readme = readFileSync(readmePath, 'utf8');
const updated = withRulesTable(readme, currentRulesTable(root));
if (updated === null) {
  console.error('README.md has no <!-- rules:start --> / <!-- rules:end --> markers');
  process.exit(2);
}
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md rule table is stale: run `npm run rules:table`');
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync(readmePath, updated);
  console.log('README.md rule table updated');
}
