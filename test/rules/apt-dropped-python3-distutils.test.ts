// apt/unable-to-locate-package on python3-distutils, which Debian 13 and Ubuntu 24.04 dropped with Python 3.12's removal of
// distutils (knowledge/apt-dropped-packages.ts): both apt wordings get the dropped-package finding (python3-setuptools or
// nothing), never the search for a new name that apt's "referred to by another package" block otherwise starts.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog, findingOf } from './support/analyze-log.js';

const read = (name: string): string =>
  readFileSync(new URL(`../../fixtures/rules/apt/unable-to-locate-package/${name}`, import.meta.url), 'utf8');

describe('apt/unable-to-locate-package: python3-distutils dropped, not renamed', () => {
  test.each([
    ['match-dropped-python3-distutils-chirpstack.log'],
    ['match-dropped-python3-distutils-obsolete-block-gnustep.log'],
  ])('%s', async (name) => {
    const f = await findingOf('apt/unable-to-locate-package', read(name));
    expect(f.title).toBe('apt package dropped by newer releases');
    expect(f.message).toContain('Debian 13 (trixie) and Ubuntu 24.04 dropped it');
    expect(f.fix).toContain('replace `python3-distutils` with `python3-setuptools`');
    expect(f.fix).toContain('just remove it');
    expect(f.fix).not.toContain('showpkg');
    expect(f.fix).not.toContain('apt-cache search');
  });

  test('python-distutils-extra, which apt says python3-distutils-extra replaces (varietywalls/variety#781): not this package', async () => {
    // varietywalls/variety#781 (issue description, 2025-06-18), `sudo apt install python-distutils-extra` on Ubuntu 22.04, as posted.
    const log = [
      'Package python-distutils-extra is not available, but is referred to by another package.',
      'This may mean that the package is missing, has been obsoleted, or',
      'is only available from another source',
      'However the following packages replace it:',
      '  python3-distutils-extra',
    ].join('\n');
    const findings = await analyzeLog(log);
    for (const f of findings) {
      expect(f.title).not.toContain('dropped');
      expect(f.message).not.toContain('python3-distutils`');
    }
  });
});
