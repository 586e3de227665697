// apt/held-broken-packages: an unmet dependency that names another architecture (`pkg:armel`) is a cross build's package the
// repositories may not build for that architecture, not a repository mix; a dependency without one keeps the general advice.
// Both logs are the rule's match fixtures (provenance in fixtures/rules/apt/held-broken-packages/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingOf } from './support/analyze-log.js';

const dir = 'fixtures/rules/apt/held-broken-packages';
const read = (name: string): string => readFileSync(`${dir}/${name}`, 'utf8');

describe('apt/held-broken-packages: a dependency of another architecture', () => {
  test('docker/docker-credential-helpers#403: linux-libc-dev:armel in an xx cross build', async () => {
    const f = await findingOf('apt/held-broken-packages', read('match-xx-cross-armel-bookworm-lts-credential-helpers-403.log'));
    expect(f.title).toBe('apt cannot install a package of another architecture (cross build)');
    expect(f.fix).toContain('apt-cache policy linux-libc-dev:armel linux-libc-dev');
    expect(f.fix).toContain("grep -H '^Architectures:' /var/lib/apt/lists/*Release");
    expect(f.message).not.toContain('mixed repositories');
  });

  test('build-essential : Depends: libc6-dev (no architecture): the general advice', async () => {
    const f = await findingOf('apt/held-broken-packages', read('match-build-essential-unmet.log'));
    expect(f.title).not.toContain('another architecture');
    expect(f.fix).not.toContain('Architectures:');
  });
});
