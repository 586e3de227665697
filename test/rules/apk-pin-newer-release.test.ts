// apt/apk-unable-to-select on an exact pin (`python3=3.11.8-r0`) when the repository has a newer release (3.11.9-r0): the fix
// leads with a pin that matches it (`python3~3.11`), not `=~3.11.8`. Near miss: a new build of the pinned release
// (`build-base=0.5-r2` under `build-base-0.5-r3`) keeps `=~0.5`, which matches it.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingOf } from './support/analyze-log.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/apt/apk-unable-to-select/${name}`, import.meta.url), 'utf8');

describe('apt/apk-unable-to-select: exact pin, the repository a release ahead', () => {
  test('python3=3.11.8-r0 under python3-3.11.9-r0 (cybcon/modbus-server#38): python3~3.11 first', async () => {
    const f = await findingOf('apt/apk-unable-to-select', read('match-exact-pin-newer-release-modbus.log'));
    expect(f.fix.replace(/\s+/g, ' ')).toContain('`python3~3.11` takes any 3.11 release');
    expect(f.fix).toContain('not `=~3.11.8` either');
    expect(f.fix.indexOf('python3~3.11')).toBeLessThan(f.fix.indexOf('python3=3.11.9-r0'));
  });

  test('build-base=0.5-r2 under build-base-0.5-r3 (pact-foundation/pact-docker-cli#72): any build of 0.5', async () => {
    const f = await findingOf('apt/apk-unable-to-select', read('match-virtual-group-revision-pin.log'));
    expect(f.fix).toContain('=~0.5`');
    expect(f.fix).not.toContain('a newer release than the one pinned');
  });
});
