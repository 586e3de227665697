// Alpine packages that newer Alpine releases no longer have, which Dockerfiles written for an older release still name
// in `apk add`. An unpinned `FROM alpine` (or a tag that moves, such as `alpine:3`) takes each new release, and apk then
// reports the old name as `<name> (no such package):` (apk-tools src/commit.c).
//
// Each row: the releases that had the package, the first release without it, what replaces it, and where that was
// checked.
// - libssl1.1, libcrypto1.1 (OpenSSL 1.1's libraries): subpackages `libssl$_abiver` and `libcrypto$_abiver` of
//   OpenSSL 1.1 (aports community/openssl1.1-compat/APKBUILD, `_abiver=${pkgver%.*}` = 1.1). In Alpine's `main`
//   through 3.16: OpenSSL 3.0 became the default in 3.17 (alpinelinux.org/posts/Alpine-3.17.0-released.html, cited by
//   dotnet/dotnet-docker#4226, "OpenSSL 1.1 is available in Alpine 3.17, OpenSSL 3.0 is the default"); OpenSSL 1.1 then
//   lived on as `openssl1.1-compat` in `community` (aports community/openssl1.1-compat; vernemq/docker-vernemq#338,
//   "Upgrade to alpine 3.17 and change openssl to openssl1.1-compat"). pkgs.alpinelinux.org lists libssl1.1 for branch
//   v3.18 and not for v3.19 (queries quoted in MicrosoftDocs/PowerShell-Docs#11589); devcontainers/features#793: "Alpine
//   repo for 3.19 does not include the outdated libssl1.1"; a v3.19 build's `libssl1.1 (no such package)` after fetching
//   v3.19 main and community (MicrosoftDocs/PowerShell-Docs#10817). libssl3 / libcrypto3 (OpenSSL 3) are in every
//   release from 3.15 (dotnet/docs#38707: 3.15 to 3.18 have both libssl1.1 and libssl3, 3.19 only libssl3;
//   crystal-lang/crystal#11500: 3.15 the first stable release with OpenSSL 3). MicrosoftDocs/PowerShell-Docs#11429:
//   `apk add libssl3` instead of libssl1.1 built and ran PowerShell on a current Alpine.

export interface RemovedApkPackage {
  /** The name Dockerfiles still use. */
  name: string;
  /** What it was. */
  purpose: string;
  /** Which releases had it, and from which repository, as a sentence part. */
  history: string;
  /** The first release without it (minor of 3.x). */
  goneFromMinor: number;
  /** The last release that has it, for a `FROM alpine:<release>` pin. */
  lastRelease: string;
  /** What to install instead on the releases without it. */
  replacement: string;
  /** Why the replacement fits, and when it does not. */
  replacementNote: string;
}

const OPENSSL11_HISTORY =
  "Alpine's main repository had it through 3.16; 3.17 and 3.18 keep OpenSSL 1.1 only in the community repository " +
  '(package openssl1.1-compat), and no release from 3.19 on has it';
const OPENSSL3_NOTE =
  'OpenSSL 3, in every release since 3.15; a program built against OpenSSL 1.1 itself (a prebuilt binary that loads ' +
  'the 1.1 library by name) needs a release that still has 1.1 instead';

export const REMOVED_APK_PACKAGES: readonly RemovedApkPackage[] = [
  {
    name: 'libssl1.1',
    purpose: "OpenSSL 1.1's TLS library",
    history: OPENSSL11_HISTORY,
    goneFromMinor: 19,
    lastRelease: '3.18',
    replacement: 'libssl3',
    replacementNote: OPENSSL3_NOTE,
  },
  {
    name: 'libcrypto1.1',
    purpose: "OpenSSL 1.1's crypto library",
    history: OPENSSL11_HISTORY,
    goneFromMinor: 19,
    lastRelease: '3.18',
    replacement: 'libcrypto3',
    replacementNote: OPENSSL3_NOTE,
  },
];

export function removedApkPackage(name: string): RemovedApkPackage | null {
  return REMOVED_APK_PACKAGES.find((p) => p.name === name) ?? null;
}

/**
 * Whether an Alpine release (`v3.19`, `edge`) lacks the package: true, false, or null when the release is not a
 * 3.x number the table can compare.
 */
export function alpineReleaseLacks(pkg: RemovedApkPackage, release: string | undefined): boolean | null {
  if (release === undefined) return null;
  if (release === 'edge') return true;
  const m = /^v3\.(\d{1,3})$/.exec(release);
  if (m === null) return null;
  return Number(m[1]) >= pkg.goneFromMinor;
}
