// dist/ is committed (the action runs it with no install): it must be what src/ builds to today.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
// Built from src/ once for the run (test/support/fresh-bundle.ts).
const outdir = inject('freshBundle');

describe('dist/', () => {
  it.each(['index.cjs', 'octokit.cjs', 'cli.cjs', 'cli-main.cjs', 'pre.cjs'])('%s is rebuilt from src/ (run `npm run build` and commit dist/)', (file) => {
    const fresh = readFileSync(join(outdir, file), 'utf8');
    const committed = readFileSync(join(root, 'dist', file), 'utf8');
    expect(committed === fresh, `dist/${file} is stale`).toBe(true);
  });
});
