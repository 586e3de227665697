// Third-party apt repositories whose vendor documents one key file to download, keyed by the host apt names in its error
// (`Err:4 https://cli.github.com/packages stable InRelease`, `GPG error: http://repo.mysql.com/apt/debian bookworm InRelease`).
// For a key that expired or a key the keyring lacks, the fix downloads that file again into the keyring the source reads.
//
// Sources:
// - GitHub CLI: cli/cli docs/install_linux.md ("Debian, Ubuntu Linux, Raspberry Pi OS (apt)"): `wget -qO-
//   https://cli.github.com/packages/githubcli-archive-keyring.gpg | sudo tee /etc/apt/keyrings/githubcli-archive-keyring.gpg`
//   (a binary keyring, written as downloaded) and the source `deb [arch=… signed-by=/etc/apt/keyrings/githubcli-archive-keyring.gpg]
//   https://cli.github.com/packages stable main`; the page points GPG errors to cli/cli#9569 (the key 23F3D4EA75716059 that
//   expired in September 2024, fixed by downloading the keyring again; cicirello/pyaction#235).
// - MySQL: the MySQL Reference Manual, "Signature Checking Using GnuPG" (dev.mysql.com/doc/refman/8.0/en/checking-gpg-signature.html):
//   the build key mysql-build@oss.oracle.com, keyID B7B3B788A8D3785C for current packages (A8D3785C, 5072E1F5 and 3A79BD29
//   for older ones); repo.mysql.com serves it armored as RPM-GPG-KEY-mysql-2023 (Gentoo's sec-keys/openpgp-keys-mysql fetches
//   that file for fingerprint BCA43417C3B485DD128EC6D4B7B3B788A8D3785C; `rpm --import https://repo.mysql.com/RPM-GPG-KEY-mysql-2023`
//   in MySQL's yum notes). mozilla-services/syncstorage-rs#1509: the Dockerfile imported only the old key 3A79BD29 (expired
//   2023-12-14), apt then printed `NO_PUBKEY B7B3B788A8D3785C`. MySQL's own apt source has no documented keyring path, so
//   the key goes where the source's `signed-by=` points, or, without one, to trusted.gpg.d (as docker-library/mysql's
//   Dockerfile did: `gpg --export "$key" > /etc/apt/trusted.gpg.d/mysql.gpg`).

export interface VendorAptKey {
  /** Who publishes the repository. */
  vendor: string;
  /** The host apt names. */
  host: string;
  /** The key file the vendor's instructions download. */
  keyUrl: string;
  /** Armored (`-----BEGIN PGP PUBLIC KEY BLOCK-----`): it goes through `gpg --dearmor` into a `.gpg` keyring. */
  armored: boolean;
  /** The keyring file the vendor's own source line names, when its instructions give one. */
  keyring?: string;
  /** The keyring for a source with no `signed-by=`. */
  trustedFile: string;
}

export const vendorAptKeys: readonly VendorAptKey[] = [
  {
    vendor: 'GitHub CLI',
    host: 'cli.github.com',
    keyUrl: 'https://cli.github.com/packages/githubcli-archive-keyring.gpg',
    armored: false,
    keyring: '/etc/apt/keyrings/githubcli-archive-keyring.gpg',
    trustedFile: '/etc/apt/trusted.gpg.d/githubcli-archive-keyring.gpg',
  },
  {
    vendor: 'MySQL',
    host: 'repo.mysql.com',
    keyUrl: 'https://repo.mysql.com/RPM-GPG-KEY-mysql-2023',
    armored: true,
    trustedFile: '/etc/apt/trusted.gpg.d/mysql.gpg',
  },
];

/** The vendor's key for a repository host apt named, or undefined. */
export function vendorAptKeyOf(host: string): VendorAptKey | undefined {
  return vendorAptKeys.find((v) => v.host === host.toLowerCase());
}

/** The shell command that writes the vendor's current key to `keyring`. */
export function vendorKeyCommand(key: VendorAptKey, keyring: string): string {
  return key.armored
    ? `curl -fsSL ${key.keyUrl} | gpg --dearmor --yes -o ${keyring}`
    : `curl -fsSL ${key.keyUrl} -o ${keyring}`;
}
