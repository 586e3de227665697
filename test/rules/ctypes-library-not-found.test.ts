// runtime/ctypes-library-not-found: soundfile's own wording (speaches-ai/speaches#21); the OS package follows the distro the
// log shows; the loader's wording for the same library is runtime/shared-library-missing's.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog, findingOf } from './support/analyze-log.js';
import { ctypesLibraryEnrich } from '../../src/knowledge/ctypes-library-enricher.js';
import type { FactView } from '../../src/facts/fact-view.js';
import type { BuildModel } from '../../src/model/types.js';

const dir = '../../fixtures/rules/runtime/ctypes-library-not-found/';
const speaches = readFileSync(new URL(`${dir}match-soundfile-poetry-venv-speaches-21.log`, import.meta.url), 'utf8');
const loader = readFileSync(new URL(`${dir}nomatch-loader-wording-libsndfile-cdll.log`, import.meta.url), 'utf8');

function factsWithOs(os: string | null): FactView {
  return { get: () => null, value: (name) => (name === 'os' ? os : null), conflicts: () => [], place: 'image-build', githubHosted: false };
}
const model = { steps: [] } as unknown as BuildModel;

describe('runtime/ctypes-library-not-found', () => {
  test('soundfile without a distro in the log: each family, and the wheels that bundle the library', async () => {
    const f = await findingOf('runtime/ctypes-library-not-found', speaches);
    expect(f.message).toContain('`soundfile` could not load libsndfile');
    expect(f.fix).toContain('apt-get install -y --no-install-recommends libsndfile1');
    expect(f.fix).toMatch(/Alpine .libsndfile. \(apk\)/);
    expect(f.fix).toContain('manylinux_2_28');
    // soundfile 0.12.x's Linux wheels are manylinux_2_31 (setup.py at tags 0.12.0, 0.12.1), 0.13.x's manylinux_2_28
    expect(f.fix).toContain('0.12.x with glibc 2.31 or later, manylinux_2_31');
  });

  test('the OS package for the distro family of fact os', () => {
    expect(ctypesLibraryEnrich({ name: 'sndfile' }, null, model, factsWithOs('Debian 12'))['ctInstall']).toContain('apt-get install -y --no-install-recommends libsndfile1');
    expect(ctypesLibraryEnrich({ name: 'sndfile' }, null, model, factsWithOs('Alpine 3.20'))['ctInstall']).toBe('apk add --no-cache libsndfile');
    expect(ctypesLibraryEnrich({ name: 'sndfile' }, null, model, factsWithOs('Rocky Linux 9'))['ctInstall']).toBe('dnf install -y libsndfile');
    expect(ctypesLibraryEnrich({ name: 'sndfile' }, null, model, factsWithOs(null))['ctInstall']).toBeUndefined();
  });

  test('near miss: the loader\'s wording for the same library is another rule\'s', async () => {
    const findings = await analyzeLog(loader);
    expect(findings.some((f) => f.ruleId === 'runtime/ctypes-library-not-found')).toBe(false);
    expect(findings.some((f) => f.ruleId === 'runtime/shared-library-missing')).toBe(true);
  });
});
