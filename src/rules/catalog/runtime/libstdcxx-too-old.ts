// A library built by a newer GCC than the C++ runtime it is loaded with: the dynamic loader's
// `<dir>/libstdc++.so.6: version `GLIBCXX_3.4.30' not found (required by <library>)` (or `CXXABI_1.3.13`), most often as
// Python's ImportError. libstdc++'s symbol versions are cumulative (the libstdc++ manual, ABI Policy, "Symbol
// versioning"), so the library asks for a label its compiler's libstdc++ introduced, and the libstdc++.so.6 the loader
// found first is from an older GCC (knowledge/libstdcxx.ts: which GCC release introduced which label).
//
// Where that libstdc++ lives decides the fix, and the path in the line says it:
// - a conda environment (LinkedEarth/Pyleoclim_util#230: `/srv/conda/envs/notebook/…/PIL/../../../././libstdc++.so.6`
//   needed by scipy's pypocketfft, fixed by a newer libstdcxx-ng in the env; pytorch/pytorch#105248:
//   `/opt/conda/envs/py_3.10/bin/../lib/libstdc++.so.6` needed by libtorch_python.so, whose CI image had started to
//   build with GCC 13: "conda updates strikes again", mitigated by reverting the image). A conda env ships its own C++
//   runtime, the `libstdcxx-ng` package (conda-forge's `libstdcxx` since 2024), and its programs load it before the
//   system's; its version is the GCC release it comes from. conda-forge's compilers are `gcc_linux-64` / `gxx_linux-64`
//   (conda-forge/compilers-feedstock#48).
// - the distro's own (`/usr/lib/x86_64-linux-gnu/`, `/usr/lib64/`): the image's release ships an older libstdc++6 than
//   the GCC that built the library, as glibc-too-old is for the C library.
// - anything else (a directory in LD_LIBRARY_PATH, a library bundling its own copy): which file the loader takes is
//   what to find out (`ldd` prints it).
// `grep -ao` reads the labels out of the binary without binutils' `strings` (slim images have no binutils);
// `sort -V` orders them as versions (GNU coreutils).
import type { RuleInput, RuleVariant } from '../../schema.js';
import { PATH_CHAR } from '../../path-chars.js';

const NEWEST_LABEL = "grep -ao '{labelFamily}_[0-9.]*[0-9]' {enrich.libPath} | sort -uV | tail -n 1";

const condaCheck = [
  'Check it: the newest label of the env\'s libstdc++ must be `{label}` or later:',
  '',
  '```sh',
  NEWEST_LABEL,
  '```',
];

const condaBuiltHere =
  'If `{by}` was built by your own build (a CI image whose toolchain moved to a newer GCC), the other way works too: ' +
  'build it with the GCC of the env\'s libstdc++ (conda-forge\'s `gxx_linux-64` of the same major), so it asks for no ' +
  'label the env lacks.';

const condaMessage =
  '`{by}` needs `{label}`, which libstdc++ has from GCC {enrich.gcc} on: it was built with GCC {enrich.gcc} or later. The ' +
  'loader took the libstdc++ of the conda environment `{enrich.envPrefix}` (`{enrich.libPath}`), which is older: a conda ' +
  'env ships its own C++ runtime (the `libstdcxx-ng` package, whose version is its GCC release) and loads it before the ' +
  'system\'s.';

function condaFix(install: string[]): string {
  return [
    'Make the env\'s C++ runtime at least GCC {enrich.gccFloor}\'s, from conda-forge (its current name is `libstdcxx`; ' +
      '`libstdcxx-ng` still installs it):',
    '',
    ...install,
    '',
    ...condaCheck,
    '',
    'In an environment.yml, the same is `- {enrich.condaSpec}` under `dependencies`, with `conda-forge` in `channels`. ' + condaBuiltHere,
  ].join('\n');
}

// A library inside a conda env (`/opt/conda/lib/python3.11/site-packages/libmambapy/bindings….so`) that loaded the
// system's libstdc++: conda packages are linked to load the env's own `lib/libstdc++.so.6`, so the env lacks it or the
// `libstdc++.so.6` link to it (rapidsai/ci-imgs#185: "In failing environments, that symlink is missing"; fixed by
// updating the base env's packages earlier in the Dockerfile, rapidsai/ci-imgs#186). The fix is the env's, not the
// distro's: a newer FROM would hide it. From conda 23.10 conda's default solver is conda-libmamba-solver, which imports
// libmambapy, so conda itself can stop with this error; `--solver=classic` runs one command without it
// (https://conda.github.io/conda-libmamba-solver/user-guide/, "Usage" and "Sporadic use").
const envLibMessage =
  '`{by}` is installed in the conda environment `{enrich.byEnvPrefix}` and needs `{label}` (libstdc++ from GCC ' +
  '{enrich.gcc} on), but the loader took the system\'s libstdc++ (`{enrich.libPath}`), which lacks it. A conda package\'s ' +
  'libraries are meant to load the env\'s own C++ runtime (`{enrich.byEnvPrefix}/lib/libstdc++.so.6`, from the ' +
  '`libstdcxx-ng` package); the loader fell through to the system\'s, so that env has no libstdc++ of its own, or is ' +
  'missing the `libstdc++.so.6` link to it.';

function envLibFix(install: string[]): string {
  return [
    'See what the env has (a `libstdc++.so.6` link to a `libstdc++.so.6.0.N` file is expected) and which one `{by}` resolves:',
    '',
    '```sh',
    'ls -l {enrich.byEnvPrefix}/lib/libstdc++.so*',
    'ldd {by} | grep libstdc',
    '```',
    '',
    'Give the env its own C++ runtime, at least GCC {enrich.gccFloor}\'s, from conda-forge (reinstalling it restores a ' +
      'missing link), in the same step that installs or updates the env\'s packages, before anything imports `{by}`:',
    '',
    ...install,
    '',
    'If `conda` itself stops with this same error (from conda 23.10 its default solver imports libmambapy), add ' +
      '`--solver=classic` to that command. ' +
      'Do not change the base image for this: the env\'s libraries are meant to run with the env\'s runtime, whatever the ' +
      'distro\'s is.',
  ].join('\n');
}

const variants: RuleVariant[] = [
  {
    when: 'enrich.envPrefix&enrich.gcc&fact.place=image-build',
    title: "The conda env's libstdc++ is older than a library needs (GLIBCXX)",
    message: condaMessage,
    fix: condaFix(['```dockerfile', 'RUN conda install -y -p {enrich.envPrefix} -c conda-forge "{enrich.condaSpec}"', '```']),
  },
  {
    when: 'enrich.envPrefix&enrich.gcc',
    title: "The conda env's libstdc++ is older than a library needs (GLIBCXX)",
    message: condaMessage,
    fix: condaFix(['```sh', 'conda install -y -p {enrich.envPrefix} -c conda-forge "{enrich.condaSpec}"', '```']),
  },
  {
    // a label newer than the table: no version bound is guessed
    when: 'enrich.envPrefix',
    title: "The conda env's libstdc++ is older than a library needs (GLIBCXX)",
    message:
      '`{by}` needs `{label}`, and the libstdc++ the loader took, the conda environment `{enrich.envPrefix}`\'s ' +
      '(`{enrich.libPath}`), lacks it: `{by}` was built with a newer GCC than the env\'s C++ runtime (the `libstdcxx-ng` ' +
      'package) comes from.',
    fix: [
      'Update the env\'s C++ runtime from conda-forge, then check that its newest label is `{label}` or later:',
      '',
      '```sh',
      'conda install -y -p {enrich.envPrefix} -c conda-forge libstdcxx-ng',
      NEWEST_LABEL,
      '```',
      '',
      'The libstdc++ manual lists which GCC release introduced which label (https://gcc.gnu.org/onlinedocs/libstdc++/manual/abi.html, ' +
        '"Symbol versioning"); `libstdcxx-ng>=` that release (its major alone when the release is its first, X.1) pins it. ' + condaBuiltHere,
    ].join('\n'),
  },
  {
    when: 'enrich.byEnvPrefix&enrich.condaSpec&fact.place=image-build',
    title: "A conda env's library loaded the system's libstdc++, not the env's own (GLIBCXX)",
    message: envLibMessage,
    fix: envLibFix(['```dockerfile', 'RUN conda install -y -p {enrich.byEnvPrefix} -c conda-forge "{enrich.condaSpec}"', '```']),
  },
  {
    when: 'enrich.byEnvPrefix&enrich.condaSpec',
    title: "A conda env's library loaded the system's libstdc++, not the env's own (GLIBCXX)",
    message: envLibMessage,
    fix: envLibFix(['```sh', 'conda install -y -p {enrich.byEnvPrefix} -c conda-forge "{enrich.condaSpec}"', '```']),
  },
  {
    when: 'enrich.systemLib',
    title: "The system's libstdc++ is older than a library needs (GLIBCXX)",
    message:
      '`{by}` needs `{label}`, which libstdc++ has from GCC {enrich.gcc|a later release than this system\'s} on, and the ' +
      'system\'s libstdc++ (`{enrich.libPath}`) lacks it: this distro release ships its libstdc++6 from an older GCC than the ' +
      'one that built `{by}`. A library built on a newer system runs on an older one only with its C++ runtime.',
    fix: [
      'See the newest label this system\'s libstdc++ has:',
      '',
      '```sh',
      NEWEST_LABEL,
      '```',
      '',
      'Then either run `{by}` on a distro release whose libstdc++ has `{label}` (in an image, a newer `FROM`: `apt-cache ' +
        'policy libstdc++6`, or `dnf info libstdc++`, in a container of that release prints its version, whose first number ' +
        'is the GCC major; the libstdc++ manual lists which GCC release introduced which label, ' +
        'https://gcc.gnu.org/onlinedocs/libstdc++/manual/abi.html), or build `{by}` where it runs (the build stage FROM the ' +
        'same image as the stage that runs it), or install the release of `{by}` built for this distro.',
    ].join('\n'),
  },
];

export const libstdcxxTooOld: RuleInput = {
  id: 'runtime/libstdcxx-too-old',
  title: 'A library needs a newer libstdc++ than the one loaded (GLIBCXX)',
  severity: 'error',
  match: [
    // `ImportError: /opt/conda/envs/py_3.10/bin/../lib/libstdc++.so.6: version `GLIBCXX_3.4.30' not found (required by
    // /opt/conda/envs/py_3.10/lib/python3.10/site-packages/torch/lib/libtorch_python.so)`
    {
      literals: ["' not found"],
      pattern:
        `(?<lib>${PATH_CHAR}{0,300}libstdc\\+\\+\\.so\\.6): version .?(?<label>(?<labelFamily>GLIBCXX|CXXABI)_\\d\\.\\d{1,2}(?:\\.\\d{1,3})?)' not found \\(required by (?<by>[^)\\s]{1,300})\\)`,
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    '`{by}` needs `{label}`, which libstdc++ has from GCC {enrich.gcc|a later release than this one\'s} on, and the ' +
    'libstdc++ the loader took (`{enrich.libPath}`) lacks it. That file is neither the distro\'s nor a conda environment\'s: ' +
    'a directory in `LD_LIBRARY_PATH`, or a package that bundles its own copy, put an older C++ runtime first.',
  fix: [
    'See which libstdc++ `{by}` resolves and where the path comes from, in the shell or container that runs it:',
    '',
    '```sh',
    'ldd {by} | grep libstdc',
    'echo "$LD_LIBRARY_PATH"',
    NEWEST_LABEL,
    '```',
    '',
    'Take the directory of `{enrich.libPath}` out of `LD_LIBRARY_PATH` (or put one whose libstdc++ has `{label}` before it), ' +
      'so the loader finds the newer runtime; when a package bundles the old copy, update that package.',
  ].join('\n'),
  variants,
  enrich: 'libstdcxx',
  docs: 'https://gcc.gnu.org/onlinedocs/libstdc++/manual/abi.html',
};
