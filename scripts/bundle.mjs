// Bundles the action and the CLI into self-contained CommonJS files under dist/, committed so that
// the action runs with no `npm install` (GitHub runs `node dist/index.cjs`).
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
