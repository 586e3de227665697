// Facts an independent review (round REVIEW1) checked against their sources and found wrong, and one over-match:
// - `ignore-error` on a cache export is in BuildKit v0.11.0 (moby/buildkit#3430, cherry-picked into v0.11.0-rc4; the
//   v0.11.0 README lists it), not only from v0.12;
// - Arrow's install page now downloads `apache-arrow-apt-source` from packages.apache.org (apache/arrow-site install.md);
// - Kitware's steps remove the hand-installed keyring before the `kitware-archive-keyring` package (apt.kitware.com);
// - a bare `429 Too Many Requests` from npm in a `RUN` is no container registry's rate limit (npm/cli#836).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';
import { registryRateLimit } from '../../src/rules/catalog/buildkit/registry-rate-limit.js';

const fixture = (path: string): string => readFileSync(new URL(`../../fixtures/rules/${path}`, import.meta.url), 'utf8');

describe('ignore-error needs BuildKit 0.11, image-manifest 0.12', () => {
  test('GHA cache export: ignore-error from BuildKit 0.11', async () => {
    const [f] = await analyzeLog(fixture('buildx/cache-export-failed/match-gha-read-on-closed-body.log'));
    expect(f?.ruleId).toBe('buildx/cache-export-failed');
    expect(f?.fix).toContain('add `ignore-error=true` to it (BuildKit 0.11 or later)');
    expect(f?.fix).not.toContain('0.12');
  });

  test('registry cache manifest refused: ignore-error 0.11, image-manifest still 0.12', async () => {
    const [f] = await analyzeLog(fixture('buildx/cache-export-failed/match-hub-cacheconfig-400.log'));
    expect(f?.fix).toContain('`ignore-error=true` (BuildKit 0.11 or later)');
    expect(f?.fix).toContain("BuildKit's index (BuildKit 0.12 or later; the default from 0.21)");
  });

  test('rate-limited cache export: ignore-error from BuildKit 0.11', () => {
    const cacheExport = registryRateLimit.variants?.find((v) => v.when === 'cacheExport');
    expect(cacheExport?.fix).toContain('BuildKit 0.11 or later');
    expect(cacheExport?.fix).not.toContain('0.12');
  });
});

describe('third-party apt keys', () => {
  test("Arrow: the apt-source package from packages.apache.org, as Arrow's install page gives it", async () => {
    const [f] = await analyzeLog(fixture('apt/fetch-failed/match-arrow-key-rotated.log'));
    expect(f?.title).toBe("Apache Arrow's apt repository key is not installed (the key rotated)");
    expect(f?.fix).toContain('wget https://packages.apache.org/artifactory/arrow/$(lsb_release --id --short');
    expect(f?.fix).not.toContain('wget https://apache.jfrog.io');
  });

  test("Kitware: the hand-installed keyring removed before Kitware's keyring package, as apt.kitware.com does", async () => {
    const [f] = await analyzeLog(fixture('apt/fetch-failed/match-kitware-key-rotated.log'));
    expect(f?.title).toBe("Kitware's apt repository key is not installed (Kitware rotates it)");
    const fix = f?.fix ?? '';
    const update = fix.indexOf('apt-get update\n');
    const rm = fix.indexOf('rm /usr/share/keyrings/kitware-archive-keyring.gpg');
    const install = fix.indexOf('apt-get install -y kitware-archive-keyring');
    expect(update).toBeGreaterThan(0);
    expect(rm).toBeGreaterThan(update);
    expect(install).toBeGreaterThan(rm);
  });
});

describe('registry rate limit is a container registry', () => {
  test("npm's 429 in a RUN is not a container registry's rate limit", async () => {
    const findings = await analyzeLog(fixture('buildkit/registry-rate-limit/nomatch-npm-registry-429-in-run.log'));
    expect(findings.map((f) => f.ruleId)).not.toContain('buildkit/registry-rate-limit');
  });

  test('near miss: the GHCR blob 429 (a /v2/ request) still matches, with the same status', async () => {
    const [f] = await analyzeLog(fixture('buildkit/registry-rate-limit/match-ghcr-cache-blob-429.log'));
    expect(f?.ruleId).toBe('buildkit/registry-rate-limit');
    expect(f?.message).toContain('`429 Too Many Requests - Server message: toomanyrequests');
  });
});
