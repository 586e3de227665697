// apt/unable-to-locate-package names the packages as apt printed them: apt echoes a name as it was asked for, upper case
// included, so a placeholder like `python3.X` is one name and no shorter name (`python3`) is made up from it.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingOf } from './support/analyze-log.js';

const read = (name: string): string =>
  readFileSync(new URL(`../../fixtures/rules/apt/unable-to-locate-package/${name}`, import.meta.url), 'utf8');

describe('apt/unable-to-locate-package: the names apt printed', () => {
  test('bentoml/BentoML#5484: `python3.X` and `python3.X-dev`, and no `python3`', async () => {
    const f = await findingOf('apt/unable-to-locate-package', read('match-python3X-placeholder-bentoml-5484.log'));
    expect(f.message).toContain('`python3.X, python3.X-dev`');
    expect(f.fix).toContain('apt-cache policy python3.X python3.X-dev');
    expect(f.fix).not.toMatch(/policy python3 /);
  });

  test('an upper-case name is kept whole', async () => {
    // Produced for real on this project's machine (apt 2.6.1, Debian 12): `apt-get install -s Zzfoo`, its last line.
    const f = await findingOf('apt/unable-to-locate-package', 'E: Unable to locate package Zzfoo\n');
    expect(f.message).toContain('`Zzfoo`');
  });
});
