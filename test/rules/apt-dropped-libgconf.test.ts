// apt/unable-to-locate-package on libgconf-2-4 (GConf), which Debian 13 and Ubuntu 23.10 dropped
// (knowledge/apt-dropped-packages.ts): the fix removes it from the install line or pins a `-bookworm` tag.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { droppedPackage, releaseLacks } from '../../src/knowledge/apt-dropped-packages.js';
import { findingOf } from './support/analyze-log.js';

const read = (name: string): string =>
  readFileSync(new URL(`../../fixtures/rules/apt/unable-to-locate-package/${name}`, import.meta.url), 'utf8');

describe('apt/unable-to-locate-package: libgconf-2-4 dropped by Debian 13 and Ubuntu 23.10', () => {
  test('browser-use/web-ui#684: one line, no release shown: drop it, or a -bookworm tag', async () => {
    const f = await findingOf('apt/unable-to-locate-package', read('match-dropped-libgconf-2-4-browser-use.log'));
    expect(f.title).toBe('apt package dropped by newer releases');
    expect(f.message).toContain('Debian 13 (trixie) and Ubuntu 23.10');
    expect(f.message).toContain('python:3.x-slim is Debian 13');
    expect(f.fix).toContain('Remove `libgconf-2-4` from the `apt-get install` line');
    expect(f.fix).toContain('python:3.11-slim-bookworm');
    expect(f.fix).not.toContain('apt-cache policy');
  });

  test('Debian 12 and Ubuntu 22.04 still have it: not the dropped story there', () => {
    const pkg = droppedPackage('libgconf-2-4');
    expect(pkg).not.toBeNull();
    expect(releaseLacks(pkg!, 'Debian 12')).toBe(false);
    expect(releaseLacks(pkg!, 'Ubuntu 22.04')).toBe(false);
    expect(releaseLacks(pkg!, 'Debian 13')).toBe(true);
    expect(releaseLacks(pkg!, 'Ubuntu 24.04')).toBe(true);
  });

  test('the Ubuntu boundary: 23.04 (lunar) was the last release with it, 23.10 (mantic) the first without', () => {
    // keybase/client#25984: a fresh 23.10 cannot install it; upgraded from 23.04, the installed copy stays
    const pkg = droppedPackage('libgconf-2-4');
    expect(releaseLacks(pkg!, 'Ubuntu 23.04')).toBe(false);
    expect(releaseLacks(pkg!, 'Ubuntu 23.10')).toBe(true);
  });
});
