import { describe, expect, it } from 'vitest';
import { aptSourcesFile, archiveSourcesCommand, endedUbuntu, releaseName, ubuntuOldReleasesCommand } from '../../src/knowledge/eol-releases.js';

describe('archived Debian releases', () => {
  it('points buster at archive.debian.org for both the release and its security suite', () => {
    expect(archiveSourcesCommand('buster')).toBe(
      "sed -i -e 's|deb.debian.org|archive.debian.org|g' -e 's|security.debian.org|archive.debian.org|g' /etc/apt/sources.list",
    );
  });

  it('drops stretch-updates, which the archive does not hold', () => {
    expect(archiveSourcesCommand('stretch')).toContain("-e '/stretch-updates/d'");
  });

  it('has no archive command for a supported release', () => {
    expect(archiveSourcesCommand('bookworm')).toBeNull();
  });

  it('names a release with its version from the codename table', () => {
    expect(releaseName('buster')).toBe('Debian 10 (buster)');
  });
});

describe('Ubuntu releases past their end of life', () => {
  it('dates 19.10 eoan as Ubuntu records it, and leaves LTS releases out', () => {
    expect(endedUbuntu.eoan).toEqual({ version: '19.10', ended: '2020-07-17' });
    expect(endedUbuntu.focal).toBeUndefined();
    expect(endedUbuntu.noble).toBeUndefined();
  });
});

describe('where the sources are', () => {
  it('is the deb822 file from Ubuntu 24.04 and Debian 12, the one-line sources.list before', () => {
    expect(aptSourcesFile('Ubuntu 24.10')).toBe('/etc/apt/sources.list.d/ubuntu.sources');
    expect(aptSourcesFile('Ubuntu 24.04')).toBe('/etc/apt/sources.list.d/ubuntu.sources');
    expect(aptSourcesFile('Ubuntu 23.10')).toBe('/etc/apt/sources.list');
    expect(aptSourcesFile('Debian 12')).toBe('/etc/apt/sources.list.d/debian.sources');
    expect(aptSourcesFile('Debian 11')).toBe('/etc/apt/sources.list');
  });

  it('rewrites ubuntu.sources for 24.10, sources.list for 17.10, and every file naming the mirrors for an unknown release', () => {
    expect(ubuntuOldReleasesCommand('24.10')).toMatch(/old-releases\.ubuntu\.com\|g' \/etc\/apt\/sources\.list\.d\/ubuntu\.sources$/);
    expect(ubuntuOldReleasesCommand('17.10')).toMatch(/ \/etc\/apt\/sources\.list$/);
    const any = ubuntuOldReleasesCommand(null);
    expect(any).toContain('/etc/apt/sources.list /etc/apt/sources.list.d/');
    expect(any).toContain('| xargs -r sed -i');
  });
});
