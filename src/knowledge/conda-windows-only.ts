// conda packages built for Windows only: an environment file that lists them was exported on Windows
// (`conda env export` writes every package of the environment, these included), and no Linux build, Docker's
// included, can install them, with or without their build strings. Each name's platforms as its anaconda.org page
// lists them ("Installers"); a name is tabled only where no page checked lists any other platform.
// - vc: "A meta-package to track VC features" (Visual C++), anaconda.org/free/vc: win-32, win-64; the copy of
//   anaconda/vc at anaconda.org/tboyer/vc (14.1): win-32, win-64; conda-forge's copy (anaconda.org/cctbx202008/vc): win-64.
// - vs2015_runtime: the MSVC runtime, anaconda.org/anaconda/vs2015_runtime: win-64, win-32 (up to 14.27.29016);
//   anaconda.org/conda-forge/vs2015_runtime: win-64.
// - pywin32: "Python extensions for Windows", anaconda.org/anaconda/pywin32: win-64, win-32.
// Not tabled: icc_rt, Intel's compiler runtime, win-32/win-64 in Anaconda's channel (anaconda.org/anaconda/icc_rt) but
// published for Linux in Intel's channel (conda.anaconda.org/intel/linux-64/icc_rt-2024.0.0-intel_49819.tar.bz2 and
// other releases), so a Linux build can install it and its line is no sign of a Windows export.
// Not tabled either: wincertstore, win-32/win-64 in Anaconda's channel (anaconda.org/tboyer/wincertstore, copied from
// anaconda) but with a noarch build on conda-forge (anaconda.org/conda-forge/wincertstore), whose platforms were not checked.
// Ansarimajid/Construction-PPE-Detection#4 (2025-02-26): `vs2015_runtime` and `vc` not found on Ubuntu 20.04, "needed
// only for Windows, as they provide Visual C++ libraries. On Ubuntu, they are unnecessary and can be removed".

export const WINDOWS_ONLY_CONDA: readonly string[] = ['vc', 'vs2015_runtime', 'pywin32'];

/** The names of `names` that conda has for Windows only, in order. */
export function windowsOnlyNames(names: readonly string[]): string[] {
  return names.filter((n) => WINDOWS_ONLY_CONDA.includes(n.toLowerCase()));
}
