// pip/uv-lock-outdated when uv's `--no-build` kept it from validating the lock (astral-sh/uv#9016): the lock is reported
// stale though it may not be, and `--frozen` is the way through; without that warning the re-lock advice stays.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingOf } from './support/analyze-log.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/pip/uv-lock-outdated/${name}`, import.meta.url), 'utf8');

const finding = (text: string) => findingOf('pip/uv-lock-outdated', text);

describe('pip/uv-lock-outdated with --no-build', () => {
  test("uv's --no-build warning before the --locked error (astral-sh/uv#9016): the bug named, --frozen first", async () => {
    const f = await finding(read('match-uv-sync-locked-no-build-uv9016.log'));
    expect(f.title).toBe('uv --locked --no-build reported the lock as stale (a uv bug)');
    expect(f.message).toContain('`project==0.0.0a0 @ editable+.`');
    expect(f.message).toContain('astral-sh/uv#9016');
    expect(f.fix.indexOf('--frozen')).toBeLessThan(f.fix.indexOf('uv lock --locked'));
    expect(f.fix).toContain('uv 0.5.2');
    expect(f.fix).not.toMatch(/^uv lock$/m);
  });

  test('a lock made with exclude-newer (agentic-community/mcp-gateway-registry#1314): the span first, then the date', async () => {
    const f = await finding(read('match-one-line-exclude-newer-mcp-gateway.log'));
    // a relative cutoff is kept as `exclude-newer-span`, beside a placeholder `exclude-newer` (uv's lock/serialize.rs)
    expect(f.fix).toContain("grep -m1 '^exclude-newer-span = ' uv.lock || grep -m1 '^exclude-newer = ' uv.lock");
    // the whole [options] table: resolution-mode, prerelease-mode and fork-strategy can come before the cutoff
    expect(f.fix).toContain("sed -n '/^\\[options\\]/,/^$/p' uv.lock");
  });

  test('the --locked error without that warning: re-lock, as before', async () => {
    const f = await finding(read('match-uv-sync-locked-buildx.log'));
    expect(f.title).not.toContain('--no-build');
    expect(f.fix).toMatch(/^uv lock$/m);
  });
});
