// Debian and Ubuntu release codenames and the release each names: apt prints them (`jammy InRelease`)
// and image tags carry them (`python:3.11-slim-bookworm`). One table for both readers.
// Sources: https://www.debian.org/releases/ (codename per release) and https://wiki.ubuntu.com/Releases (codename per version).

/** Debian and Ubuntu release codenames as apt prints them (`jammy InRelease`), with their version. */
export const releaseOfCodename: Readonly<Record<string, string>> = {
  xenial: 'Ubuntu 16.04',
  bionic: 'Ubuntu 18.04',
  focal: 'Ubuntu 20.04',
  jammy: 'Ubuntu 22.04',
  noble: 'Ubuntu 24.04',
  stretch: 'Debian 9',
  buster: 'Debian 10',
  bullseye: 'Debian 11',
  bookworm: 'Debian 12',
  trixie: 'Debian 13',
};
