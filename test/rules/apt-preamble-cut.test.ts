// apt's first line for a name it has no candidate for (`Package X is not available, but is referred to by another
// package.`) read as the finding only where the log stops on it, before apt's `E:` line. Real logs only (provenance in
// fixtures/rules/apt/unable-to-locate-package/README.md and in the comments here).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (rel: string): string => readFileSync(path.join(fixturesRoot, rel), 'utf8');

describe('apt/unable-to-locate-package on a log cut in apt\'s first line', () => {
  test('libgl1-mesa-glx on Debian 13, cut at `is not ava`: the dropped package and its replacement', async () => {
    const findings = await analyzeLog(fixture('apt/unable-to-locate-package/match-dropped-preamble-cut-libgl1-mesa-glx-trixie.log'));
    expect(findings[0]!.ruleId).toBe('apt/unable-to-locate-package');
    expect(findings[0]!.message).toContain('Debian 13');
    expect(findings[0]!.fix).toContain('with `libgl1 libglx-mesa0`');
    expect(findings[0]!.evidence).toEqual(['Package libgl1-mesa-glx is not ava']);
  });

  test('with apt\'s block whole, the E: line is the evidence, not the first line', async () => {
    // Ubuntu Forums, "add/remove program issues" (post by lord.toan, 2007-11-03): `sudo apt-get install firefox` on Kubuntu 7.10
    const log = [
      'Reading package lists... Done',
      'Building dependency tree',
      'Reading state information... Done',
      'Package firefox is not available, but is referred to by another package.',
      'This may mean that the package is missing, has been obsoleted, or',
      'is only available from another source',
      'E: Package firefox has no installation candidate',
      '',
    ].join('\n');
    const f = (await analyzeLog(log)).filter((x) => x.ruleId === 'apt/unable-to-locate-package');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence.join('\n')).not.toContain('is not available');
  });
});
