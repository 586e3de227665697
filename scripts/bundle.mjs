// Bundles the action and the CLI into self-contained CommonJS files under dist/, committed so that
// the action runs with no `npm install` (GitHub runs `node dist/index.cjs`).
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// BUNDLE_OUTDIR lets the freshness test build a second copy to compare with the committed one.
const outdir = process.env.BUNDLE_OUTDIR ?? 'dist';

// @actions/core's modules declare no side effects of their own, but the package does not say so, so
// esbuild keeps all of them: its OIDC client (with @actions/http-client and undici under it) and
// its platform helpers (with @actions/exec) would be loaded at every start, though the action
// uses neither. Marked free of side effects, a module nothing uses is left out. @actions/github,
// which the comment needs, brings the HTTP stack back: it is imported when the first request is made.
const toolkitWithoutSideEffects = {
  name: 'toolkit-without-side-effects',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData === 'resolving' || !/[\\/]node_modules[\\/]@actions[\\/]core[\\/]/.test(args.importer)) return undefined;
      const result = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'resolving' });
      return result.errors.length > 0 ? undefined : { path: result.path, sideEffects: false };
    });
  },
};

const common = {
  plugins: [toolkitWithoutSideEffects],
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

// The action in two files: @actions/github (octokit, and the HTTP stack under it) is half of the
// action's code and only a comment needs it, so it is a file of its own that the action requires at
// its first request (src/github/octokit-comments.ts imports it dynamically); a run without a comment
// never reads or compiles it.
const githubApart = {
  name: 'github-apart',
  setup(build) {
    build.onResolve({ filter: /^@actions\/github$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './octokit.cjs', external: true } : undefined));
  },
};
await build({ ...common, plugins: [...common.plugins, githubApart], entryPoints: ['src/index.ts'], outfile: `${outdir}/index.cjs` });
await build({ ...common, entryPoints: ['src/github/octokit.ts'], outfile: `${outdir}/octokit.cjs` });
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
for (const name of ['index.cjs', 'octokit.cjs', 'pre.cjs', 'cli.cjs', 'cli-main.cjs']) {
  const path = `${outdir}/${name}`;
  const text = readFileSync(path, 'utf8');
  // eslint-disable-next-line no-control-regex -- everything outside ASCII
  const ascii = text.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(path, ascii);
}
