#!/usr/bin/env node
// `npm run new-rule -- family/name`: writes a rule file in the house style, a match and a nomatch
// fixture with their provenance file (scripts/rule-scaffold.ts), registers the rule in the catalog
// and the README table (`npm run rules:table`) and records the match fixture's expected output.
// Everything it writes says SCAFFOLD where the author has work to do; `npm test` fails until none is
// left, so replace the fixtures with real log lines, write the rule for them, then re-record the
// expected output.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const id = process.argv[2];
if (id === undefined || process.argv.length > 3) {
  console.error('usage: npm run new-rule -- family/name');
  process.exit(2);
}

const dir = mkdtempSync(path.join(tmpdir(), 'new-rule-'));
const outfile = path.join(dir, 'rule-scaffold.cjs');
let scaffoldFiles;
try {
  await build({ entryPoints: [path.join(root, 'scripts/rule-scaffold.ts')], bundle: true, outfile, platform: 'node', format: 'cjs', logLevel: 'error' });
  ({ scaffoldFiles } = createRequire(import.meta.url)(outfile));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

let files;
try {
  files = scaffoldFiles(id);
} catch (err) {
  console.error(err.message);
  process.exit(2);
}
const taken = [files[0].file, path.dirname(files[1].file)].filter((p) => existsSync(path.join(root, p)));
if (taken.length > 0) {
  console.error(`${id} exists already: ${taken.join(', ')}`);
  process.exit(2);
}
for (const f of files) {
  mkdirSync(path.dirname(path.join(root, f.file)), { recursive: true });
  writeFileSync(path.join(root, f.file), f.text, { flag: 'wx' });
  console.log(`wrote ${f.file}`);
}

const run = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run([path.join(root, 'scripts/rules-table.mjs')]);
// The expected output of the match fixture, recorded the way the test records every other one.
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
run([vitest, 'run', 'test/rules/expected-output.test.ts', '-u', '-t', `^expected output beside every match fixture ${id}: `]);
// The README table links a rule's first expected output, which exists now.
run([path.join(root, 'scripts/rules-table.mjs')]);

console.log(`
${id} is scaffolded and registered. Every SCAFFOLD in these files is work left, and npm test fails
until none is: replace the fixtures with real log lines (their provenance in README.md), write the
rule for them (its rank: its line in src/rules/catalog/index.ts), then re-record the expected output:
  npx vitest run test/rules/expected-output.test.ts -u`);
