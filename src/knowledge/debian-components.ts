// Debian packages that are not in the `main` component, which is the only one Debian's container
// images enable: Debian 12's images list their sources in deb822 form in
// /etc/apt/sources.list.d/debian.sources, every stanza with `Components: main` (the file of the
// debian:bookworm image, debuerreotype's output; sources.list(5) for the format). apt then has no
// candidate for such a package until its components are added.
//
// Checked against Debian 12's archive (deb.debian.org, bookworm) with `apt-cache show` and a
// simulated install (`apt-get install -s --no-install-recommends`) under each set of components:
// - nvidia-cuda-toolkit 11.8.89~11.8.0-5~deb12u1, Section non-free/devel. With `main` alone:
//   "has no installation candidate"; with `main non-free`: unmet dependencies (libcuda1, a
//   dependency of nvidia-cuda-dev and libcuinj64-11.8, depends on nvidia-support, Section
//   contrib/misc); with `main contrib non-free`: installs.
// - nvidia-cuda-dev (the toolkit's headers and libraries) 11.8.89~11.8.0-5~deb12u1, Section
//   non-free/libdevel, with the same libcuda1 dependency.

export interface ComponentPackage {
  /** The components, besides main, the package and its dependencies need (in sources' order). */
  components: readonly string[];
  /** The package's version in Debian 12, as `apt-cache policy` prints its candidate. */
  bookwormVersion: string;
  /** What it needs from outside main, as a phrase (`non-free, with nvidia-support from contrib through libcuda1`). */
  needs: string;
}

const componentPackages: Readonly<Record<string, ComponentPackage>> = {
  'nvidia-cuda-toolkit': { components: ['contrib', 'non-free'], bookwormVersion: '11.8.89~11.8.0-5~deb12u1', needs: 'non-free, with a dependency in contrib (nvidia-support, through libcuda1)' },
  'nvidia-cuda-dev': { components: ['contrib', 'non-free'], bookwormVersion: '11.8.89~11.8.0-5~deb12u1', needs: 'non-free, with a dependency in contrib (nvidia-support, through libcuda1)' },
};

/** The package of these names that needs components besides main on Debian, with what it needs; null when none does. */
export function componentPackageOf(packages: readonly string[]): ({ name: string } & ComponentPackage) | null {
  for (const name of packages) {
    const known = componentPackages[name];
    if (known !== undefined) return { name, ...known };
  }
  return null;
}

/**
 * The line that adds components in Debian 12's images (deb822 sources, `Components: main` in each
 * stanza of debian.sources): one `sed` on that file, for the main archive and its security updates.
 */
export function bookwormComponentsLine(components: readonly string[]): string {
  return `RUN sed -i 's/^Components: main$/Components: main ${components.join(' ')}/' /etc/apt/sources.list.d/debian.sources`;
}
