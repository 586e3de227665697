// The bundles (`dist/*.cjs`) built once from today's src/ for the whole run (vitest's globalSetup),
// in a temporary folder: the tests that run the action or the CLI as users do share them, and the
// freshness test compares them with the committed dist/. Building them once per test file cost a
// bundle of all three files each time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder holding index.cjs, pre.cjs and cli.cjs built from src/. */
    freshBundle: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'bkd-dist-'));
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: join(import.meta.dirname, '..', '..'), env: { ...process.env, BUNDLE_OUTDIR: dir }, stdio: 'pipe' });
  project.provide('freshBundle', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
