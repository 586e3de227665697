import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/rules/pip/wheel-not-supported/${name}`, import.meta.url), 'utf8');

describe("uv's no-file-for-this-platform error", () => {
  test('wrapped by uv (`can\'t be installed` / `because …`, hint split before `but`): recognised, PyTorch lock advice', async () => {
    const [f] = await analyzeLog(fixture('match-uv-sync-torch-lock-aarch64-only.log'));
    expect(f?.ruleId).toBe('pip/wheel-not-supported');
    expect(f?.message).toContain('`torch==2.5.1` from PyTorch\'s cu124 index');
    expect(f?.message).toContain('`manylinux_2_39_x86_64`');
    expect(f?.fix).toContain('uv lock --upgrade-package torch');
    expect(f?.fix).toContain('uv sync --extra gpu');
    expect(f?.fix).toContain('torch==2.5.1+cu124');
    expect(f?.fix).toContain('required-environments');
  });

  test('near miss: a PyPI release whose wheels list other platforms keeps the generic advice', async () => {
    const [f] = await analyzeLog(fixture('match-uv-sync-hint-old-glibc.log'));
    expect(f?.ruleId).toBe('pip/wheel-not-supported');
    expect(f?.fix).not.toContain('uv lock --upgrade-package');
    expect(f?.message).toContain("uv's hint says this is Linux");
  });
});
