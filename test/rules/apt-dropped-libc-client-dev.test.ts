// apt/unable-to-locate-package on libc-client-dev, which Debian 13 dropped with UW IMAP's c-client
// (knowledge/apt-dropped-packages.ts): the fix drops PHP's imap extension with it or pins a php `-bookworm` tag.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { bookwormTagOf, droppedPackage, releaseLacks } from '../../src/knowledge/apt-dropped-packages.js';
import { findingOf } from './support/analyze-log.js';

const read = (name: string): string =>
  readFileSync(new URL(`../../fixtures/rules/apt/unable-to-locate-package/${name}`, import.meta.url), 'utf8');

describe('apt/unable-to-locate-package: libc-client-dev dropped by Debian 13', () => {
  test('martialblog/docker-limesurvey#235: the imap extension goes with it, or a -bookworm php tag', async () => {
    const f = await findingOf('apt/unable-to-locate-package', read('match-dropped-libc-client-dev-php-limesurvey-235.log'));
    expect(f.title).toBe('apt package dropped by newer releases');
    expect(f.message).toContain('Debian 13 (trixie) dropped it');
    expect(f.fix).toContain('docker-php-ext-install imap');
    expect(f.fix).toContain('php:8.3-apache-bookworm');
    expect(f.fix).not.toContain('add-apt-repository');
  });

  test('Debian 12 still has it: not the dropped story there', () => {
    const pkg = droppedPackage('libc-client-dev');
    expect(pkg).not.toBeNull();
    expect(releaseLacks(pkg!, 'Debian 12')).toBe(false);
    expect(releaseLacks(pkg!, 'Debian 13')).toBe(true);
  });

  test('the php images keep Debian 12 under -bookworm tags; a tag that names a release is left alone', () => {
    expect(bookwormTagOf('php:8.3-apache')).toBe('php:8.3-apache-bookworm');
    expect(bookwormTagOf('php:8.2-fpm')).toBe('php:8.2-fpm-bookworm');
    expect(bookwormTagOf('php:8.3-apache-trixie')).toBeNull();
    expect(bookwormTagOf('php:8.3-fpm-alpine')).toBeNull();
  });
});
