// Third-party apt repositories that move a distribution release they no longer serve to an archive of their own, and
// where. apt then finds no `Release` file for that suite on the vendor's host (`E: The repository
// 'http://apt.postgresql.org/pub/repos/apt buster-pgdg Release' does not have a Release file.`, Tecnativa/doodba#623).
//
// Sources:
// - PostgreSQL's PGDG repository (apt.postgresql.org): https://apt-archive.postgresql.org/ ("Archive of distributions
//   removed from apt.postgresql.org": "Distribution releases are moved here from apt.postgresql.org after they have been
//   EOLed by Debian or Ubuntu. The distributions retain their original DIST-pgdg name", with the sources entry
//   `deb https://apt-archive.postgresql.org/pub/repos/apt DIST-pgdg main`); PGDG's news of each removal is on
//   https://wiki.postgresql.org/wiki/Apt ("News": bionic dropped on 2023-11-05, quoted in puppetlabs/puppetlabs-postgresql#1561).
//   Tecnativa/doodba#623 (closed; the same change landed through #624, commit 92b6174 "use the apt-archive postgres repository
//   in versions using buster") points the buster-pgdg line at apt-archive.postgresql.org/pub/repos/apt.

export interface VendorArchive {
  /** Who publishes the repository, as the finding names it. */
  vendor: string;
  /** The host apt names in its error. */
  host: string;
  /** The host of the archive of the releases it dropped (same path, same suite names). */
  archiveHost: string;
  /** The page that says so. */
  policy: string;
}

export const vendorArchives: readonly VendorArchive[] = [
  {
    vendor: "PostgreSQL's PGDG apt repository",
    host: 'apt.postgresql.org',
    archiveHost: 'apt-archive.postgresql.org',
    policy: 'https://apt-archive.postgresql.org/',
  },
];

/** The archive entry for a repository host apt named, or undefined. */
export function vendorArchiveOf(host: string): VendorArchive | undefined {
  return vendorArchives.find((v) => v.host === host.toLowerCase());
}
