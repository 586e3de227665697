// pip/resolution-impossible on uv's `there are no versions of X`: uv saw no version of the name at all (removed or
// quarantined on the index, a typo, another index), which no relaxing of a bound fixes. The singular `there is no
// version of X==V` (one version missing) keeps its own findings.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingOf } from './support/analyze-log.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/pip/resolution-impossible/${name}`, import.meta.url), 'utf8');

const finding = (text: string) => findingOf('pip/resolution-impossible', text);

describe("uv's `there are no versions of`", () => {
  test('mistralai quarantined on PyPI (NousResearch/hermes-agent#24347): no versions at all, not a conflict', async () => {
    const f = await finding(read('match-uv-no-versions-quarantined.log'));
    expect(f.title).toBe('uv found no versions at all of a package');
    expect(f.message).toContain('`mistralai`');
    expect(f.message).toContain('required by hermes-agent[all]==0.13.0');
    expect(f.fix).toContain('curl -s https://pypi.org/simple/mistralai/');
    expect(f.fix).toContain('pip index versions mistralai');
    expect(f.fix).not.toContain('relax the pin');
    expect(f.evidence.some((e) => e.includes('there are no versions of mistralai'))).toBe(true);
  });

  test('the singular `there is no version of torch==1.6.0+cu101` (astral-sh/uv#12980): not this finding', async () => {
    const f = await finding(read('match-uv-add-torch-local-find-links.log'));
    expect(f.title).not.toBe('uv found no versions at all of a package');
  });

  // uv's range forms (astral-sh/uv's packse scenario snapshots, dependency-excludes-range-of-compatible-versions): versions
  // missing from a range, not a name with no versions at all.
  test('`there are no versions of albatross that satisfy any of:` (a range): not this finding', async () => {
    const log = [
      '  × No solution found when resolving dependencies:',
      '  ╰─▶ Because there are no versions of albatross that satisfy any of:',
      '          albatross<1.0.0',
      '          albatross>1.0.0,<2.0.0',
      '      and albatross==1.0.0 depends on bluebird==1.0.0, we can conclude that albatross<2.0.0 depends on bluebird==1.0.0.',
    ].join('\n');
    const f = await finding(log);
    expect(f.title).not.toBe('uv found no versions at all of a package');
  });

  test('`there are no versions of c<1.0.0 | >1.0.0, <2.0.0 | >2.0.0 and …` (a range): not this finding', async () => {
    const log = [
      '  × No solution found when resolving dependencies:',
      '  ╰─▶ Because there are no versions of c<1.0.0 | >1.0.0, <2.0.0 | >2.0.0 and c==1.0.0 depends on a<2.0.0, c<2.0.0 depends on a<2.0.0.',
    ].join('\n');
    const f = await finding(log);
    expect(f.title).not.toBe('uv found no versions at all of a package');
  });
});
