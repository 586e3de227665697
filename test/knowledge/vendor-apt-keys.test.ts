import { describe, expect, test } from 'vitest';
import { vendorAptKeyOf, vendorKeyCommand } from '../../src/knowledge/vendor-apt-keys.js';

// Hosts as apt names them: cicirello/pyaction#235 (`Err:4 https://cli.github.com/packages stable InRelease`),
// mozilla-services/syncstorage-rs#1509 (`Err:1 https://repo.mysql.com/apt/debian bullseye InRelease`).
describe('vendor apt keys', () => {
  test('GitHub CLI: its binary keyring, written as downloaded', () => {
    const key = vendorAptKeyOf('cli.github.com');
    expect(key?.keyring).toBe('/etc/apt/keyrings/githubcli-archive-keyring.gpg');
    expect(vendorKeyCommand(key!, key!.keyring!)).toBe(
      'curl -fsSL https://cli.github.com/packages/githubcli-archive-keyring.gpg -o /etc/apt/keyrings/githubcli-archive-keyring.gpg',
    );
  });

  test('MySQL: an armored key, dearmored', () => {
    const key = vendorAptKeyOf('repo.mysql.com');
    expect(key?.keyring).toBeUndefined();
    expect(vendorKeyCommand(key!, key!.trustedFile)).toBe('curl -fsSL https://repo.mysql.com/RPM-GPG-KEY-mysql-2023 | gpg --dearmor --yes -o /etc/apt/trusted.gpg.d/mysql.gpg');
  });

  // hosts of other fixtures of apt/fetch-failed (apt.kitware.com, deb.nodesource.com): not tabled, the generic advice stays
  test.each(['apt.kitware.com', 'deb.nodesource.com', 'github.com'])('%s is not tabled', (host) => {
    expect(vendorAptKeyOf(host)).toBeUndefined();
  });
});
