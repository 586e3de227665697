// buildx/cache-export-failed: two readings that are not "a flaky backend, run again"; buildkit/push-denied: podman's wording.
// - a cache type given without `type=` (`--cache-to inline`): buildx reads it as a registry ref (docker.io/library/inline), so the
//   export fails at Docker Hub on every run; the fix is `type=inline`. A value that is a real ref, or one with `type=`, is not it.
// - the GitHub cache service answering with an HTML page (`failed to parse error response 400: <h2>…`): a service outage.
// Every log is a fixture (provenance in its README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';
import { cacheExportFailed } from '../../src/rules/catalog/buildx/cache-export-failed.js';

function fixture(rel: string): string {
  return readFileSync(path.join(fixturesRoot, rel), 'utf8');
}

function contextRegex(name: string): RegExp {
  const c = cacheExportFailed.context?.find((x) => x.name === name);
  if (!c?.pattern) throw new Error(`no context ${name}`);
  return new RegExp(c.pattern);
}

describe('buildx/cache-export-failed: a cache type without type=', () => {
  test('buildx#2731: `--cache-to inline` is named, and the fix writes type=inline', async () => {
    const findings = await analyzeLog(fixture('buildx/cache-export-failed/match-registry-ref-inline-no-type-buildx-2731.log'));
    const f = findings[0];
    expect(f?.ruleId).toBe('buildx/cache-export-failed');
    expect(f?.message).toContain('docker.io/library/inline');
    expect(f?.fix).toContain('`--cache-to type=inline`');
    expect(f?.fix).toContain('`cache-to: type=inline`');
    expect(f?.retryable).toBeFalsy();
  });

  test.each([
    ['    --cache-to inline \\', 'inline'],
    ['cache-to: gha', 'gha'],
    ['docker buildx build --cache-to=local .', 'local'],
  ])('%s: a bare cache type', (line, word) => {
    expect(contextRegex('bareCacheType').exec(line)?.groups?.word).toBe(word);
  });

  test.each([
    '--cache-to type=inline',
    'cache-to: type=gha,mode=max',
    '--cache-to ghcr.io/org/app:buildcache',
    '--cache-to inline-cache',
    '--cache-from localhost:5000/app',
  ])('%s: a type given, or a real registry ref, is not a bare type', (line) => {
    expect(contextRegex('bareCacheType').test(line)).toBe(false);
  });

  test('the token scope of that ref names the word; a real library image does not', () => {
    const re = contextRegex('libraryScope');
    expect(re.exec('https://auth.docker.io/token?scope=repository%3Alibrary%2Finline%3Apull%2Cpush')?.groups?.word).toBe('inline');
    expect(re.test('https://auth.docker.io/token?scope=repository%3Alibrary%2Fubuntu%3Apull')).toBe(false);
    expect(re.test('https://auth.docker.io/token?scope=repository%3Alibrary%2Flocalstack%3Apull')).toBe(false);
  });

  test('a command with `--cache-to type=inline` (build-push-action v6 log) gets no bare-type reading', async () => {
    const text = fixture('../facts/build-push-action-v6-hosted.log');
    expect(text).toContain('--cache-to type=inline');
    expect(contextRegex('bareCacheType').test(text.split('\n').find((l) => l.includes('--cache-to type=inline')) ?? '')).toBe(false);
  });
});

describe('buildx/cache-export-failed: the GitHub cache service down', () => {
  test('build-push-action#1485: an HTML page on 400 is an outage, not a failed step', async () => {
    const findings = await analyzeLog(fixture('buildx/cache-export-failed/match-gha-outage-html-400-bpa-1485.log'));
    const f = findings[0];
    expect(f?.ruleId).toBe('buildx/cache-export-failed');
    expect(f?.title).toBe('GitHub Actions cache service unavailable: the cache export failed');
    expect(f?.fix).toContain('ignore-error=true');
    expect(findings.find((x) => x.ruleId === 'buildkit/step-failed')).toBeUndefined();
  });

  test('a connection the service dropped (no HTML page) keeps its own reading', async () => {
    const findings = await analyzeLog(fixture('buildx/cache-export-failed/match-gha-read-on-closed-body.log'));
    expect(findings[0]?.ruleId).toBe('buildx/cache-export-failed');
    expect(findings[0]?.title).not.toContain('unavailable');
  });
});

describe('buildkit/push-denied: podman / buildah / skopeo (containers/image) wording', () => {
  test('push-to-registry#52: a 403 on the destination blob check is a refused push', async () => {
    const findings = await analyzeLog(fixture('buildkit/push-denied/match-podman-reuse-blob-403.log'));
    expect(findings[0]?.ruleId).toBe('buildkit/push-denied');
    expect(findings[0]?.fix).toContain('Manage Actions access');
  });

  test('a 500 on the same line is the registry failing, not a refusal', async () => {
    const { pushDenied } = await import('../../src/rules/catalog/buildkit/push-denied.js');
    const m = pushDenied.match?.find((x) => x.literals.includes('failed to read from destination repository '));
    const re = new RegExp(m?.pattern ?? '^$');
    expect(re.test('failed to read from destination repository test/image_name: 500 (Internal Server Error)')).toBe(false);
    expect(re.test('failed to read from destination repository my_org/my_image: 403 (Forbidden)')).toBe(true);
  });
});
