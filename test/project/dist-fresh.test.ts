// dist/ is committed (the action runs it with no install): it must be what src/ builds to today.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const outdir = mkdtempSync(join(tmpdir(), 'bkd-dist-'));

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('dist/', () => {
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: root, env: { ...process.env, BUNDLE_OUTDIR: outdir } });

  it.each(['index.cjs', 'cli.cjs', 'cli-main.cjs', 'pre.cjs'])('%s is rebuilt from src/ (run `npm run build` and commit dist/)', (file) => {
    const fresh = readFileSync(join(outdir, file), 'utf8');
    const committed = readFileSync(join(root, 'dist', file), 'utf8');
    expect(committed === fresh, `dist/${file} is stale`).toBe(true);
  });
});
