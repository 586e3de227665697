// Bundles the action and the CLI into self-contained CommonJS files under dist/, committed so that
// the action runs with no `npm install` (GitHub runs `node dist/index.cjs`).
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// BUNDLE_OUTDIR lets the freshness test build a second copy to compare with the committed one.
const outdir = process.env.BUNDLE_OUTDIR ?? 'dist';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Node 20 here, node24 on GitHub's runners: keep syntax both run.
  target: 'node20',
  legalComments: 'none',
  sourcemap: false,
  logLevel: 'warning',
  // ESM-only dependencies use import.meta.url; give the CommonJS bundle an equivalent.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

await build({ ...common, entryPoints: ['src/index.ts'], outfile: `${outdir}/index.cjs` });
// the `pre` step: notes when the job started, for `build-ref: auto`
await build({ ...common, entryPoints: ['src/pre.ts'], outfile: `${outdir}/pre.cjs` });
// The CLI in two files: the bin (version at once, then a V8 code cache for the rest) and the rest.
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: `${outdir}/cli.cjs`,
  banner: { js: '#!/usr/bin/env node' },
});
await build({ ...common, entryPoints: ['src/cli/start.ts'], outfile: `${outdir}/cli-main.cjs` });

// Every bundle pure ASCII: esbuild escapes strings but leaves comments and regular-expression
// literals as written, and one non-ASCII character makes Node decode the whole file as UTF-8 into
// a two-byte string (tens of milliseconds for the CLI's ~1.9 MB at each start). A `\uXXXX` escape
// means the same character in a string, a regular expression (a surrogate pair included) and an
// identifier, and is inert in a comment, so the escaped bundle runs the same code.
for (const name of ['index.cjs', 'pre.cjs', 'cli.cjs', 'cli-main.cjs']) {
  const path = `${outdir}/${name}`;
  const text = readFileSync(path, 'utf8');
  // eslint-disable-next-line no-control-regex -- everything outside ASCII
  const ascii = text.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(path, ascii);
}
