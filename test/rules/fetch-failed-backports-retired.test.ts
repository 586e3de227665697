// apt/fetch-failed on a Debian backports suite that left the mirrors while its release was still served: the finding names
// that one suite and removes its line (or points it at archive.debian.org), never stale lists, retries or a new base image.
// Near misses: a release archived as a whole (buster) keeps the release's finding; an Ubuntu `-backports` suite of a release
// past its end of life keeps the old-releases finding.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingOf } from './support/analyze-log.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/apt/fetch-failed/${name}`, import.meta.url), 'utf8');

const finding = (text: string) => findingOf('apt/fetch-failed', text);

const TITLE = 'Debian backports suite retired from the mirrors';

describe('apt/fetch-failed: a retired Debian backports suite', () => {
  test.each([
    ['match-bullseye-backports-retired-tinypilot-host.log'],
    ['match-bullseye-backports-retired-armbian-2line.log'],
  ])('%s: drop the bullseye-backports line', async (name) => {
    const f = await finding(read(name));
    expect(f.title).toBe(TITLE);
    expect(f.message).toContain('`bullseye-backports` left Debian\'s mirrors for archive.debian.org on 2025-07-22');
    expect(f.fix).toContain("xargs -r sed -E -i '/^[#[:space:]]*deb(-src)?[[:space:]].*[[:space:]]bullseye-backports[[:space:]]/d'");
    expect(f.fix).toContain('deb http://archive.debian.org/debian bullseye-backports main');
    expect(f.fix).not.toContain('Acquire::Retries');
    expect(f.fix).not.toContain('base image');
  });

  test("Debian 10 archived as a whole (bihealth/sodar-server#2220): the release's own finding", async () => {
    const f = await finding(read('match-debian-buster-eol.log'));
    expect(f.title).toBe('Debian release past its end of life, moved to archive.debian.org');
  });

  test('Ubuntu 17.10 with artful-backports (Lab41/PySEAL#30): the old-releases finding', async () => {
    const f = await finding(read('match-ubuntu-artful-eol.log'));
    expect(f.title).toBe('Ubuntu release past its end of life, moved to old-releases.ubuntu.com');
  });
});
