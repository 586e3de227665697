// The release script: which versions it takes, and the tags it writes (vX.Y.Z, and the major tag
// vX that users pin, moved to it). Its checks (clean tree, fresh dist/) run in the dry run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOptions, parseVersion, releaseCommands } from '../../scripts/release.mjs';

describe('scripts/release.mjs', () => {
  it('takes X.Y.Z (with or without v) and nothing else', () => {
    expect(parseVersion('1.2.3')).toEqual({ major: 1, minor: 2, patch: 3, text: '1.2.3' });
    expect(parseVersion('v0.4.0')?.text).toBe('0.4.0');
    for (const bad of ['1.2', '1.2.3-rc.1', '01.2.3', 'latest', undefined]) expect(parseVersion(bad)).toBeNull();
  });

  it('tags vX.Y.Z, moves vX to the same commit, and pushes only when asked (the major tag forced)', () => {
    const version = parseVersion('0.2.0')!;
    expect(releaseCommands(version)).toEqual([
      ['git', 'tag', '-a', 'v0.2.0', '-m', 'v0.2.0'],
      ['git', 'tag', '-f', '-a', 'v0', '-m', 'v0 = v0.2.0', 'v0.2.0^{commit}'],
    ]);
    expect(releaseCommands(version, { push: true, remote: 'upstream' }).slice(2)).toEqual([
      ['git', 'push', 'upstream', 'refs/tags/v0.2.0'],
      ['git', 'push', '--force', 'upstream', 'refs/tags/v0'],
    ]);
  });

  it('is a dry run unless told otherwise', () => {
    expect(parseOptions([])).toEqual({ version: null, apply: false, push: false, remote: 'origin' });
    expect(parseOptions(['--push', '1.0.0'])).toMatchObject({ version: '1.0.0', apply: true, push: true });
    expect(() => parseOptions(['--force'])).toThrow(/unknown argument --force/);
  });

  it('refuses a version that is not package.json’s before it builds anything', () => {
    const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'release.mjs'), 'not-a-version'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('release: "not-a-version" is not a release version (X.Y.Z)\n');
  });
});
