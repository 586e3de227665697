// build/git-lfs-pointer on GitHub Actions: the checkout step it prints is actions/checkout's current major (v7, node24), with
// `lfs: true`; v4 runs on node20.
import { describe, expect, test } from 'vitest';
import { gitLfsPointer } from '../../src/rules/catalog/build/git-lfs-pointer.js';

describe('build/git-lfs-pointer: the workflow fix', () => {
  test("every variant for a runner names actions/checkout's current major with lfs: true", () => {
    const ci = (gitLfsPointer.variants ?? []).filter((v) => v.when.includes('fact.runner'));
    expect(ci.length).toBeGreaterThan(0);
    for (const v of ci) {
      expect(v.fix).toContain('- uses: actions/checkout@v7');
      expect(v.fix).toContain('    lfs: true');
      expect(v.fix).not.toContain('actions/checkout@v4');
    }
  });
});
