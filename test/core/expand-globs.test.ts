import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandGlob, expandLogPaths, isGlob } from '../../src/core/expand-globs.js';
import { matchSegment } from '../../src/core/wildcard.js';
import { InputError } from '../../src/core/errors.js';

describe('one path segment against a wildcard', () => {
  it.each([
    ['*.log', 'build.log', true],
    ['*.log', 'build.log.gz', false],
    ['build-?.log', 'build-1.log', true],
    ['build-?.log', 'build-10.log', false],
    ['*', '', true],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxbyy', false],
    ['*.log*', 'x.log.gz', true],
    ['[ab].log', '[ab].log', true],
    ['[ab].log', 'a.log', false],
  ])('%s ~ %s → %s', (pattern, name, expected) => {
    expect(matchSegment(pattern, name)).toBe(expected);
  });

  // A backtracking matcher would take hours here and trip the hang guard; no clock is read.
  it('answers the pattern that makes backtracking regexes explode', () => {
    expect(matchSegment('*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(255))).toBe(false);
    expect(matchSegment('*a*a*a*a*a*a*a*a*a*a*b', `${'a'.repeat(255)}b`)).toBe(true);
  });
});

describe('expanding log paths', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'bkd-glob-'));
    for (const file of ['logs/a.log', 'logs/b.log', 'logs/b.txt', 'logs/.hidden.log', 'logs/amd64/build.log', 'logs/arm64/deep/build.log', 'logs/.git/x.log']) {
      mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(root, file), 'x\n');
    }
    // A symlink loop must not be walked forever by `**`.
    symlinkSync(path.join(root, 'logs'), path.join(root, 'logs/amd64/loop'));
  });

  it('tells globs from paths', () => {
    expect(isGlob('logs/*.log')).toBe(true);
    expect(isGlob('logs/build.log')).toBe(false);
  });

  it('matches one directory level with *, sorted, without hidden files', async () => {
    expect(await expandGlob('logs/*.log', { cwd: root })).toEqual(['logs/a.log', 'logs/b.log']);
    expect(await expandGlob('logs/.*.log', { cwd: root })).toEqual(['logs/.hidden.log']);
  });

  it('matches any depth with **, skipping hidden and symlinked directories', async () => {
    expect(await expandGlob('logs/**/*.log', { cwd: root })).toEqual([
      'logs/a.log',
      'logs/amd64/build.log',
      'logs/arm64/deep/build.log',
      'logs/b.log',
    ]);
    expect(await expandGlob('logs/*/build.log', { cwd: root })).toEqual(['logs/amd64/build.log']);
    expect(await expandGlob('**/build.log', { cwd: root })).toEqual(['logs/amd64/build.log', 'logs/arm64/deep/build.log']);
  });

  it('keeps absolute patterns absolute', async () => {
    expect(await expandGlob(path.join(root, 'logs/?.log'))).toEqual([path.join(root, 'logs/a.log'), path.join(root, 'logs/b.log')]);
  });

  it('says which glob matched nothing', async () => {
    await expect(expandGlob('logs/*.json', { cwd: root })).rejects.toThrow(new InputError('no file matches "logs/*.json"'));
  });

  it('refuses a glob that matches too much, rather than reading without end', async () => {
    await expect(expandGlob('logs/**/*', { cwd: root, maxMatches: 2 })).rejects.toThrow(/matches more than 2 files/);
  });

  it('passes - and plain paths through, and reads a file named twice once', async () => {
    expect(await expandLogPaths(['-', 'missing.log', 'logs/a.log', 'logs/*.log'], { cwd: root })).toEqual(['-', 'missing.log', 'logs/a.log', 'logs/b.log']);
  });
});
