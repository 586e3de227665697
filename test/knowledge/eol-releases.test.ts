import { describe, expect, it } from 'vitest';
import { archiveSourcesCommand, endedUbuntu, releaseName } from '../../src/knowledge/eol-releases.js';

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
