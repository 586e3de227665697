#!/usr/bin/env node
// Regenerates docs/summary-sample.md and docs/comment-sample.md from the demo build log
// (`npm run docs:samples`), or with `--check` exits 1 when they are stale. The TypeScript sources
// are bundled in memory with esbuild, so no build step is needed first.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'docs-samples-'));
const outfile = path.join(dir, 'docs-samples.cjs');
let renderDocSamples;
try {
  await build({
    entryPoints: [path.join(root, 'scripts', 'docs-samples.ts')],
    bundle: true,
    outfile,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
  });
  ({ renderDocSamples } = createRequire(import.meta.url)(outfile));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const samples = await renderDocSamples(root);
let stale = 0;
for (const [file, content] of Object.entries(samples)) {
  const target = path.join(root, file);
  let current = null;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // not written yet
  }
  if (current === content) continue;
  if (process.argv.includes('--check')) {
    console.error(`${file} is stale: run \`npm run docs:samples\``);
    stale++;
  } else {
    writeFileSync(target, content);
    console.log(`${file} updated`);
  }
}
process.exit(stale > 0 ? 1 : 0);
