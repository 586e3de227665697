// Python distributions a Linux distribution installs into its system Python that PyPI does not have in the
// versions the distribution ships, so a `pip freeze` of that system Python writes a line into requirements.txt
// that no `pip install` can satisfy. Only names checked both ways are listed; for any other name the fix says
// how to find out (`python3 -m pip show NAME` on the machine the file came from: `Location:
// /usr/lib/python3/dist-packages` is where Debian and Ubuntu install their packages' Python modules, and
// `dpkg -S` of a file there names the package; both checked on Debian 12 here: `/usr/bin/python3 -m pip freeze`
// writes `python-apt==2.6.0`, `pip show python-apt` gives that Location, `dpkg -S …/apt/__init__.py` gives
// `python3-apt`).
//
// Sources, per entry:
// - cloud-init: PyPI has no release at all: pip prints `(from versions: none)` for it in docker/docs#13584 (2021,
//   `cloud-init==19.1` from a host `pip3 freeze`), mazzzystar/disco-diffusion-wrapper#6 (2022, `cloud-init==20.1`,
//   the maintainer: drop it from requirements.txt) and yuiseki/infinite-tinyllama#9 (2024, `cloud-init==23.3.3`);
//   Debian's package `cloud-init` (22.4.2-1+deb12u4 in bookworm, `apt-cache show cloud-init`; Homepage
//   launchpad.net/cloud-init), also an Ubuntu package.
// - python-apt: PyPI has only 0.0.0 and 0.7.8 (`from versions: 0.0.0, 0.7.8` in
//   flathub-infra/flatpak-external-data-checker#384, 2023); Debian's package `python3-apt`, source `python-apt`
//   (2.6.0 in bookworm, `apt-cache show python3-apt`), whose `pip freeze` line is `python-apt==2.6.0`.

export interface OsPythonPackage {
  /** The distribution name as `pip freeze` writes it, lowercase. */
  name: string;
  /** What PyPI has, in words for the message. */
  onPyPI: string;
  /** The Debian / Ubuntu package that installs it. */
  debPackage: string;
}

export const OS_PYTHON_PACKAGES: readonly OsPythonPackage[] = [
  { name: 'cloud-init', onPyPI: 'PyPI has no release of it at all', debPackage: 'cloud-init' },
  { name: 'python-apt', onPyPI: 'PyPI has only its long-obsolete 0.0.0 and 0.7.8', debPackage: 'python3-apt' },
];

/** PEP 503 normalised name: runs of `-`, `_`, `.` become one `-`, lowercase. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The table's entry for a requirement (`cloud-init==19.1`, `python_apt>=2`), or undefined. */
export function osPythonPackage(requirement: string): OsPythonPackage | undefined {
  const m = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(requirement);
  if (m === null) return undefined;
  const name = normalise(m[0]);
  return OS_PYTHON_PACKAGES.find((p) => p.name === name);
}
