// Python packages that load a system library through ctypes.util.find_library (not the loader's DT_NEEDED), so a missing
// library is their own OSError, not the loader's `cannot open shared object file` (runtime/shared-library-missing), with
// the OS package that ships the library per distribution family, and the wheels that bundle it.
//
// soundfile (python-soundfile, bastibe/python-soundfile soundfile.py at 971db39): it first loads the library its wheel
// bundles (`import _soundfile_data  # ImportError if this doesn't exist`), then the system's:
// `_libname = _find_library('sndfile')`, `raise OSError('sndfile library not found using ctypes.util.find_library')`; then
// `libsndfile.so` by name. Its wheels bundle libsndfile for macOS (x86_64, arm64), Windows (x86, x64, arm64), Linux x86_64
// since 0.12.0 and Linux aarch64 since 0.13.0 (build_wheels.py, README.rst "News": 0.12.0 "Now provide binary wheels for
// Linux x86_64", 0.13.0 "Linux arm64 builds added"). The Linux tag moved: setup.py at tags 0.12.0 and 0.12.1 writes
// `manylinux_2_31_x86_64` (glibc 2.31 or later), at 0.13.0 and 0.13.1 `manylinux_2_28_{arch}` (glibc 2.28 or later). Elsewhere
// (musl / Alpine, other arches, older soundfile, the `py2.py3-none-any` wheel or the sdist) the system library is needed.
// Packages: Debian/Ubuntu `libsndfile1` (apt-cache policy on Debian 12, this machine: 1.2.0-1+deb12u1; packages.ubuntu.com
// lists libsndfile1 in jammy and noble), Alpine `libsndfile` (pkgs.alpinelinux.org main/libsndfile, v3.14 to v3.25), Fedora
// and RPM `libsndfile` (packages.fedoraproject.org/pkgs/libsndfile/libsndfile).

export interface CtypesLibrary {
  /** The Python package (its import name) that raises the error. */
  readonly module: string;
  /** The library's name as the package asks find_library for it. */
  readonly library: string;
  readonly deb: string;
  readonly apk: string;
  readonly rpm: string;
  /** Which of the package's wheels bundle the library, and since when. */
  readonly bundled: string;
}

export const ctypesLibraries: Readonly<Record<string, CtypesLibrary>> = {
  sndfile: {
    module: 'soundfile',
    library: 'libsndfile',
    deb: 'libsndfile1',
    apk: 'libsndfile',
    rpm: 'libsndfile',
    bundled:
      'its wheels bundle libsndfile (the `_soundfile_data` package it tries first) for macOS, Windows, and Linux: x86_64 from ' +
      'soundfile 0.12.0 (0.12.x with glibc 2.31 or later, manylinux_2_31), x86_64 and aarch64 from 0.13.0 with glibc 2.28 or later ' +
      '(manylinux_2_28); Alpine (musl), other architectures, an older glibc, older releases and an install from the source ' +
      'distribution or the `py2.py3-none-any` wheel need the OS package',
  },
};
