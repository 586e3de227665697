// nvcc refuses a host compiler newer than its CUDA release supports. The check is in the toolkit's
// `include/crt/host_config.h` and prints (CUDA 13.0 on this machine: `#if __GNUC__ > 15`, line 135):
//   `host_config.h:139:2: error: #error -- unsupported GNU version! gcc versions later than 11 are not supported! The nvcc flag …`
//   `host_config.h:147:2: error: -- unsupported clang version! clang version must be less than 10 and greater than 3.2 . …`
// CUDA 9 / 10 print the gcc line without the flag sentence. The number is the newest gcc major this
// nvcc accepts, so the fix names it; CUDA 8's `later than 5.3` (a minor) is not matched: no package
// carries that name. Another class of compiler error (a header nvcc cannot parse) is not this rule's.
// How each build tool picks nvcc's host compiler (so one ENV line serves all of them):
// - torch.utils.cpp_extension (flash-attn, apex, mmcv, DeepSpeed ops): passes `-ccbin $CC` to nvcc
//   when `CC` is set (pytorch/pytorch torch/utils/cpp_extension.py, `unix_cuda_flags`);
// - CMake's CUDA language: `CUDAHOSTCXX` gives CMAKE_CUDA_HOST_COMPILER its default, read when CUDA is
//   first enabled, so on a fresh build directory (cmake.org, CMAKE_CUDA_HOST_COMPILER, 3.10+);
// - CMake's old FindCUDA (`Building NVCC (Device) object`, `cuda_add_library`): the cache variable CUDA_HOST_COMPILER,
//   whose default is `CUDAHOSTCXX` (recent CMake only), else CMAKE_C_COMPILER (Modules/FindCUDA.cmake of CMake 3.25 on
//   this machine, lines 679-718); a cache variable, so `-DCUDA_HOST_COMPILER=…` sets it in a configured build directory
//   too (fireice-uk/xmr-stak#733: `-DCUDA_HOST_COMPILER=/usr/bin/gcc-6` was the reporter's working fix). FindCUDA
//   never reads CMAKE_CUDA_HOST_COMPILER;
// - nvcc called directly: `-ccbin` / `--compiler-bindir` (`nvcc --help`, CUDA 13.0);
// - TensorFlow's Bazel build: `GCC_HOST_COMPILER_PATH`, read by its `./configure` and written into
//   `.tf_configure.bazelrc` as `--action_env` (public build scripts and bazelrc files, code corpus).
// `-allow-unsupported-compiler` is the override the message itself names (and `nvcc --help` lists).
// Arch's cuda package (and Manjaro's) installs to `/opt/cuda` (LizardByte/Sunshine#5075: `/opt/cuda/bin/nvcc`,
// `pacman -Qi cuda`) and depends on the gcc it pairs with, an Arch package named `gccN` that installs `/usr/bin/gcc-N`
// (ginkgo-project/ginkgo#598: gcc8 as `gcc-8` for CUDA 10; LeelaChessZero/lc0#2105: gcc13; mkiol/dsnote#322, maintainer:
// gcc14 and `/usr/bin/g++-14`; davisking/dlib#292: the gcc5 package for CUDA 8), so on Arch the fix is pacman's. Only while
// Arch's gcc is newer than its cuda accepts: cuda 13.2.1 depends on plain `gcc` (`pacman -Qi cuda` in LizardByte/Sunshine#5075).
// Old gccN packages leave the official repositories for the AUR (archlinuxcn/repo#716: gcc5 in and out of [community];
// LizardByte/Sunshine#5760: gcc14 no longer in the official repo), so the fix asks pacman whether it still has one.
// A build whose log shows a gcc nvcc accepts (`-ccbin gcc-5`, `gcc version 5.4.1`) ran another one: the project chose it
// (FloopCZ/tensorflow_cc#47, maintainer: gcc-6 hardcoded in its build script; its later script takes
// `GCC_HOST_COMPILER_PATH` from the environment before it runs `./configure`, tensorflow_cc/cmake/build_tensorflow.sh.in).
// Whether the distro has that gcc is not known from the log: the fix says how to ask apt. Ubuntu's extra gcc
// packages per LTS release (askubuntu.com/questions/1380062, answer's table): 18.04 ships 4.8, 5, 6, 7 (default)
// and 8, so no gcc 9 without the toolchain PPA; 20.04 ships 7, 8, 9 (default) and 10.
// A build that names its compiler (`-ccbin /usr/bin/g++-10`) chose it: CI matrices test that very gcc, so the fix
// leads with the first CUDA release whose nvcc accepts it (host-compiler-cuda.ts) and offers the older gcc second.
// The same mismatch with the check bypassed (`-allow-unsupported-compiler`, or a build that runs an nvcc of its own
// under the system's gcc, as flash-attn 3's hopper build did with nvcc 12.3 under NGC's gcc 13: Dao-AILab/flash-attention#1452,
// maintainer): the host compile of nvcc's output fails inside libstdc++ or CUDA's headers with gcc's
// `error: call of overloaded ‘forward<…>(…)’ is ambiguous` (also ggml-org/llama.cpp#5042 and rigaya/NVEnc#532, gcc 13
// with `-allow-unsupported-compiler`). No version is printed, so the fix reads them: the newest gcc an nvcc accepts is the
// number in its own `include/crt/host_config.h` (`gcc versions later than 15 are not supported` in CUDA 13.0 on this machine).
// The same mismatch seen from nvcc's front end: it cannot parse the host gcc's libstdc++ and gcc, compiling nvcc's output, prints
// `/usr/include/c++/<gcc>/…: error: parameter packs not expanded with ‘...’` (the directory's number is the gcc major):
// - CUDA 8 with gcc 6's `<tuple>`: NVIDIA/nccl#102 (maintainer: gcc 6 is not supported by that CUDA);
// - nvcc 11.5 / 11.6 with gcc 11's `<bits/std_function.h>`, a pair NVIDIA's table lists as supported and that fails all the
//   same: NVIDIA/nccl#650, NVIDIA/VisRTX#71 and NVIDIA/CUDALibrarySamples#108 (nvcc 11.5 with gcc 11.3 / 11.4),
//   NVIDIA/FasterTransformer#793 (11.6); the builds that passed used gcc 10 (NVlabs/instant-ngp#119, linked from
//   CUDALibrarySamples#108). Which CUDA release first parses it is not in those reports, so the fix for that pair
//   names gcc 10 and, for a newer CUDA, NVIDIA's table.
//   When the nvcc that ran is `/usr/bin/nvcc`, it is the distribution's `nvidia-cuda-toolkit` (Ubuntu 22.04's is 11.5.1,
//   cuda/unsupported-arch), which ships gcc 11 as its default compiler: the pair fails out of the box. turboderp/exllama#65
//   (torch JIT build, `[3/5] /usr/bin/nvcc … -DTORCH_EXTENSION_NAME=exllama_ext`, nvcc 11.5.119 on Ubuntu 22.04): the
//   maintainer's answer was NVIDIA's CUDA 11.8 for Ubuntu 22.04, matching the torch cu118 build, and the reporter's "It
//   worked!"; so the fix installs NVIDIA's toolkit of torch's CUDA release (torch.version.cuda), points CUDA_HOME and PATH
//   at it (torch's extension builder takes CUDA_HOME first, then the nvcc on PATH: cuda/unsupported-arch), and clears the
//   JIT build directory, which keeps the build files of the old compiler: torch.utils.cpp_extension builds under
//   TORCH_EXTENSIONS_DIR, by default `~/.cache/torch_extensions` (get_default_build_root, pytorch/pytorch
//   torch/utils/cpp_extension.py).
// gcc crashing on a `.cu` file's host code (`foo.cu:62:385: internal compiler error: in maybe_undo_parenthesized_ref, at
// cp/semantics.c:1740`, gcc 7.5 under nvcc 11.4) is a gcc bug: flash-attention's maintainer compiled the same code with
// gcc 9.3 under nvcc 11.3 to 11.7 and named the gcc version (Dao-AILab/flash-attention#21), so the fix is a newer gcc this
// nvcc accepts. gcc killed by the kernel (`internal compiler error: Killed (program cc1plus)`) is resources/oom-killed's.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const GCC = 'gcc-{max} g++-{max}';
// openSUSE names its extra compilers `gcc8` / `gcc8-c++` and installs them as `gcc-8` / `g++-8` (build.opensuse.org,
// openSUSE:Leap:15.0:Update patchinfo.9209, "To use gcc8"), so the same variables serve both distros.
const ZYPPER_GCC = 'gcc{max} gcc{max}-c++';
const ENV_VALUES = 'CC=gcc-{max} CXX=g++-{max} CUDAHOSTCXX=g++-{max}';
const BAZEL_VALUES = 'GCC_HOST_COMPILER_PATH=/usr/bin/gcc-{max}';
const WHO_READS =
  '`CC` is what torch\'s extension builds (flash-attn, apex, mmcv, DeepSpeed ops) hand nvcc as `-ccbin`; `CUDAHOSTCXX` is what CMake hands it ' +
  '(on a fresh build directory); a Makefile or script that runs nvcc itself takes `-ccbin g++-{max}`.';
const BAZEL_READS = 'TensorFlow\'s `./configure` reads `GCC_HOST_COMPILER_PATH` for the compiler nvcc runs under Bazel: run it again after setting it.';
const NO_PACKAGE =
  'No such package for this OS release (`apt-cache policy gcc-{max}` shows none): build on the same CUDA release\'s image for an older OS release, ' +
  'whose default gcc this nvcc accepts, or on a newer CUDA release whose nvcc accepts this gcc. `-allow-unsupported-compiler` (nvcc\'s flag) ' +
  'only skips the check: the build may still fail or miscompile.';
// A cross-compiling image (dockcross, a `aarch64-linux-gnu-` toolchain) hands nvcc its own cross gcc: a native gcc from
// the distro is the wrong architecture, so the way out is the CUDA release or the image tag (apache/mxnet#18298: dockcross
// moved to gcc 8 under CUDA 9; the maintainers went back to the image the main branch used).
const CROSS =
  'In a cross-compiling image (dockcross, an `aarch64-linux-gnu-` toolchain, `CMAKE_TOOLCHAIN_FILE`), the gcc nvcc checks is the ' +
  'image\'s cross gcc, and a distro gcc is the wrong architecture: build with a CUDA release whose nvcc accepts that gcc, or pin the ' +
  'image to the tag (or digest) that still shipped gcc {max} or older (the cross gcc\'s `--version` in that image shows it, e.g. `aarch64-linux-gnu-gcc --version`).';
const INSTALL_IN_IMAGE =
  'Install gcc {max} beside the distro\'s compiler and build with it (on a Debian / Ubuntu base; elsewhere the distro\'s gcc {max} package and the same variables):';
const INSTALL_ON_HOST =
  'Install gcc {max} beside the distro\'s compiler and build with it (`cat /etc/os-release` names the distro; elsewhere its gcc {max} package ' +
  'and the same variables):';
const CMAKE_ON_HOST = 'A CMake build configured already keeps its compiler: a fresh build directory, or `-DCMAKE_CUDA_HOST_COMPILER=/usr/bin/g++-{max}`.';
// Arch: the cuda package pulls in its gcc; `pacman -Qi cuda` lists it under Depends On.
const ARCH_INSTALL = [
  '```sh',
  'pacman -Qi cuda | grep -i "depends on"',
  'sudo pacman -S --needed gcc{max}',
  '```',
];
const ARCH_INTRO =
  '`/opt/cuda` is where Arch\'s (and Manjaro\'s) cuda package puts the toolkit (`pacman -Qo /opt/cuda/bin/nvcc` confirms it). When Arch\'s gcc ' +
  'is newer than that cuda accepts, the package depends on an older gcc package, `gccN`, which installs `/usr/bin/gcc-N` beside the system gcc ' +
  '(`pacman -Qi cuda` lists it under Depends On); for this nvcc that is `gcc{max}` (`pacman -Si gcc{max}` shows whether the repositories still carry it):';
const ARCH_NO_PACKAGE =
  'Where pacman no longer carries `gcc{max}`, the AUR\'s is built from source; or move to a newer cuda package, whose nvcc accepts a newer gcc. ' +
  '`-allow-unsupported-compiler` (nvcc\'s flag) only skips the check: the build may still fail or miscompile.';
const FINDCUDA_CMAKE = 'cmake -DCUDA_HOST_COMPILER=/usr/bin/gcc-{max} .';
const FINDCUDA_READS =
  'This build uses CMake\'s FindCUDA (`Building NVCC (Device) object`, `*_generated_*.cu.o.*.cmake`): its knob is the cache variable ' +
  '`CUDA_HOST_COMPILER`, not `CUDAHOSTCXX` or `CMAKE_CUDA_HOST_COMPILER`. Run that `cmake` in the build directory, which keeps its other settings, ' +
  'then build again; where a script or `setup.py` runs CMake, add the `-D` to the CMake arguments it passes. On a fresh build directory (as pip\'s ' +
  'is) `CC=gcc-{max}` reaches it too: FindCUDA\'s default is the C compiler.';
const NAMED =
  'This build names its host compiler itself (`-ccbin {context.ccbin.path}`, from CMAKE_CUDA_HOST_COMPILER, CUDAHOSTCXX or CC): change that setting to g++-{max} ' +
  '(on a Debian / Ubuntu base; elsewhere the distro\'s gcc {max} package):';

/** The build chose its gcc (`-ccbin`) and the table knows the CUDA release that accepts it: that release first. */
function chosenGccFix(image: boolean): string {
  const install = image
    ? '`RUN apt-get update && apt-get install -y --no-install-recommends gcc-{max} g++-{max}` in the Dockerfile'
    : '`apt-get install -y gcc-{max} g++-{max}` (`sudo` only on a host, not in a container)';
  return [
    'This build chose gcc {enrich.chosenGcc} for nvcc itself (`-ccbin {context.ccbin.path}`, from CMAKE_CUDA_HOST_COMPILER, CUDAHOSTCXX or CC). ' +
      'Keep it and build with CUDA {enrich.firstCuda} or newer, the first release whose nvcc accepts gcc {enrich.chosenGcc} ' +
      '(NVIDIA\'s host compiler table: https://docs.nvidia.com/cuda/cuda-installation-guide-linux/index.html#host-compiler-support-policy). ' +
      'On NVIDIA\'s images that is a base such as {enrich.develTag|`nvidia/cuda:<that release>-devel-<the OS release>`} ' +
      '(NVIDIA deletes tags after a release\'s end of life: `docker manifest inspect` on the tag shows whether it is still there).',
    '',
    'Only if the build may use an older compiler: point that setting at g++-{max}, where the OS release ships it ' +
      '(`apt-cache policy g++-{max}`; Ubuntu 18.04\'s archive stops at gcc 8, 20.04 has 7 to 10), installed with ' + install + '. ' +
      '`-allow-unsupported-compiler` (nvcc\'s flag) only skips the check: the build may still fail or miscompile.',
  ].join('\n');
}

/** CMake's FindCUDA: `-DCUDA_HOST_COMPILER`, with the gcc from pacman on Arch, apt / zypper elsewhere. */
function findCudaFix(image: boolean, arch: boolean): string {
  if (image) {
    return [
      INSTALL_IN_IMAGE.replace(/ and the same variables\)/, ')'),
      '',
      '```dockerfile',
      `RUN apt-get update && apt-get install -y --no-install-recommends ${GCC}`,
      '```',
      '',
      'and add `-DCUDA_HOST_COMPILER=/usr/bin/gcc-{max}` to the RUN that configures CMake. ' + FINDCUDA_READS.slice(0, FINDCUDA_READS.indexOf(' Run that')),
      '',
      NO_PACKAGE,
    ].join('\n');
  }
  const install = arch
    ? [ARCH_INTRO, '', ...ARCH_INSTALL.slice(0, -1), FINDCUDA_CMAKE, '```']
    : [
        INSTALL_ON_HOST.replace(/ and the same variables\)/, ')'),
        '',
        '```sh',
        '# Debian / Ubuntu',
        `sudo apt-get install -y ${GCC}`,
        '# openSUSE',
        `sudo zypper install ${ZYPPER_GCC}`,
        FINDCUDA_CMAKE,
        '```',
      ];
  return [...install, '', FINDCUDA_READS, '', arch ? ARCH_NO_PACKAGE : NO_PACKAGE].join('\n');
}

/** The log shows a gcc nvcc accepts: the build hands nvcc another one, so the fix is the build's own setting. */
function projectCompilerFix(bazel: boolean): string {
  const where = bazel
    ? [
        'In TensorFlow\'s Bazel build the setting is `GCC_HOST_COMPILER_PATH`, which `./configure` writes into `.tf_configure.bazelrc`; ' +
          'a project that runs `./configure` from its own script may set it there (a fixed `gcc-N`, or the newest `gcc-N` it finds). Find it, ' +
          'point it at the accepted gcc, and run the build again from the start, so that its configure step runs again:',
        '',
        '```sh',
        'gcc --version',
        'grep -rn GCC_HOST_COMPILER_PATH --include="*.sh" --include="*.in" --include="*.bazelrc" --include="*.txt" --include="*.cmake" .',
        'export GCC_HOST_COMPILER_PATH="$(command -v gcc)"',
        '```',
        '',
        'The `export` is enough where the script keeps a value set beforehand (`${GCC_HOST_COMPILER_PATH:-…}`); where it sets a fixed path, change that line.',
      ]
    : [
        'Find where the build sets it (`-ccbin` / `--compiler-bindir` in a Makefile or script, `CUDA_HOST_COMPILER` or `CMAKE_CUDA_HOST_COMPILER` in ' +
          'CMake files or the build directory\'s `CMakeCache.txt`, `CC` / `CUDAHOSTCXX` in the environment) and point it at the accepted gcc:',
        '',
        '```sh',
        'gcc --version',
        'grep -rn -e "-ccbin" -e "compiler-bindir" -e "HOST_COMPILER" -e "CUDAHOSTCXX" --include="*.txt" --include="*.cmake" --include="Makefile*" --include="*.sh" --include="*.py" .',
        'env | grep -e "^CC=" -e "^CXX=" -e "^CUDAHOSTCXX="',
        '```',
      ];
  return [
    'Installing gcc {max} changes nothing here: the log shows gcc {enrich.acceptedGcc}, which this nvcc accepts, so the compiler nvcc ran is another, ' +
      'newer one that the build chose itself by a setting of its own.',
    '',
    ...where,
    '',
    '`-allow-unsupported-compiler` (nvcc\'s flag) only skips the check: the build may still fail or miscompile.',
  ].join('\n');
}

const PROJECT_MESSAGE =
  'nvcc refused the host compiler: nvcc {context.cudaDir.version|of this CUDA release} accepts gcc up to {max} only. The log shows gcc ' +
  '{enrich.acceptedGcc}, which it accepts, so the build handed nvcc another, newer gcc of its own choosing. The CUDA code never compiled.';

/** Arch's cuda package outside FindCUDA: pacman's gcc and the same variables. */
function archFix(): string {
  return [
    ARCH_INTRO,
    '',
    ...ARCH_INSTALL.slice(0, -1),
    `export ${ENV_VALUES}`,
    '```',
    '',
    WHO_READS,
    CMAKE_ON_HOST,
    '',
    ARCH_NO_PACKAGE,
  ].join('\n');
}

function gccFix(image: boolean, named: boolean, bazel = false): string {
  const values = bazel ? BAZEL_VALUES : ENV_VALUES;
  const lines = [
    named ? NAMED : image ? INSTALL_IN_IMAGE : INSTALL_ON_HOST,
    '',
  ];
  if (image) {
    lines.push('```dockerfile', `RUN apt-get update && apt-get install -y --no-install-recommends ${GCC}`, `ENV ${values}`, '```');
  } else {
    lines.push('```sh', '# Debian / Ubuntu', `sudo apt-get install -y ${GCC}`, '# openSUSE', `sudo zypper install ${ZYPPER_GCC}`, `export ${values}`, '```');
  }
  lines.push('', bazel ? BAZEL_READS : WHO_READS);
  if (!image && !bazel) lines.push(CMAKE_ON_HOST);
  lines.push('', NO_PACKAGE);
  if (!image) lines.push('', CROSS);
  return lines.join('\n');
}

const CLANG_FIX =
  'Point nvcc at a host compiler it accepts: a clang older than {clangBelow}, or the distro\'s gcc ' +
  '(`-ccbin g++` for nvcc itself, `CUDAHOSTCXX=g++` for CMake, on a fresh build directory). ' +
  'A newer CUDA release accepts a newer clang; `-allow-unsupported-compiler` only skips the check.';

const READ_GCC_MAX = 'GCC_MAX=$(grep -ho "gcc versions later than [0-9]*" "${CUDA_HOME:-/usr/local/cuda}/include/crt/host_config.h" | grep -o "[0-9]*$")';

/** The check bypassed: neither version is in the log, so the fix reads both and the newest gcc this nvcc accepts. */
function forwardAmbiguousFix(image: boolean): string {
  const install = image
    ? [
        '```dockerfile',
        `RUN ${READ_GCC_MAX} && \\`,
        '    apt-get update && apt-get install -y --no-install-recommends "gcc-$GCC_MAX" "g++-$GCC_MAX" && \\',
        '    update-alternatives --install /usr/bin/gcc gcc "/usr/bin/gcc-$GCC_MAX" 100 && \\',
        '    update-alternatives --install /usr/bin/g++ g++ "/usr/bin/g++-$GCC_MAX" 100',
        '```',
      ]
    : [
        '```sh',
        'nvcc --version',
        'gcc --version',
        READ_GCC_MAX,
        'echo "$GCC_MAX"',
        'apt-get update && apt-get install -y "gcc-$GCC_MAX" "g++-$GCC_MAX"',
        'export CC="gcc-$GCC_MAX" CXX="g++-$GCC_MAX" CUDAHOSTCXX="g++-$GCC_MAX"',
        '```',
      ];
  return [
    'Read both versions and the newest gcc this nvcc accepts (the number in its `host_config.h`; when the build downloads or bundles an nvcc of its own, ' +
      'read the `host_config.h` beside that one), then build with that gcc (on a Debian / Ubuntu system; `sudo` outside a container):',
    '',
    ...install,
    '',
    image
      ? 'update-alternatives makes it the `gcc` / `g++` every later step runs, whichever way the build picks its compiler.'
      : WHO_READS.replace(/\{max\}/g, '$GCC_MAX'),
    '',
    'Or keep gcc and use a CUDA release whose nvcc accepts it (NVIDIA\'s host compiler table per release: ' +
      'https://docs.nvidia.com/cuda/cuda-installation-guide-linux/index.html#host-compiler-support-policy).',
  ].join('\n');
}

const FORWARD_MESSAGE =
  'gcc could not compile the host side of CUDA code: `std::forward` is ambiguous in the C++ library of gcc {context.libstdcxx.gcc|in use}. ' +
  'That is the mark of a gcc newer than the nvcc supports, with nvcc\'s own check skipped (`-allow-unsupported-compiler`, ' +
  'or an nvcc the build brought with it): the C++ library of a newer gcc is more than that nvcc\'s front end understands. The log shows neither version.';

/** nvcc 11.5 / 11.6 with gcc 11's `<bits/std_function.h>`: gcc 10 is the known way through. */
function stdFunctionFix(image: boolean): string {
  const install = image
    ? ['```dockerfile', 'RUN apt-get update && apt-get install -y --no-install-recommends gcc-10 g++-10', 'ENV CC=gcc-10 CXX=g++-10 CUDAHOSTCXX=g++-10', '```']
    : ['```sh', 'nvcc --version', 'sudo apt-get install -y gcc-10 g++-10', 'export CC=gcc-10 CXX=g++-10 CUDAHOSTCXX=g++-10', '```'];
  return [
    'Build with gcc 10 (on a Debian / Ubuntu system; `nvcc --version` shows the release: the failing pair is nvcc 11.5 / 11.6 with gcc 11):',
    '',
    ...install,
    '',
    WHO_READS.replace(/\{max\}/g, '10'),
    '',
    'Or keep gcc 11 and build with a newer CUDA release (NVIDIA\'s host compiler table per release: ' +
      'https://docs.nvidia.com/cuda/cuda-installation-guide-linux/index.html#host-compiler-support-policy), with a torch built for it.',
  ].join('\n');
}

/** nvcc 11.5 / 11.6 of the distribution (`/usr/bin/nvcc`) with gcc 11: NVIDIA's toolkit of torch's CUDA release first, gcc 10 second. */
function distroStdFunctionFix(image: boolean): string {
  const install = image
    ? [
        'Build with NVIDIA\'s toolkit instead of the distribution\'s: delete `nvidia-cuda-toolkit` from the apt line that installs it ' +
          '(`grep -n nvidia-cuda-toolkit Dockerfile`) and build FROM an `nvidia/cuda` devel image of the CUDA release your torch was built for ' +
          '(`python -c "import torch; print(torch.version.cuda)"`; https://hub.docker.com/r/nvidia/cuda/tags), which keeps its toolkit under ' +
          '`/usr/local/cuda`; before the `RUN` that builds:',
        '',
        '```dockerfile',
        'ENV CUDA_HOME=/usr/local/cuda',
        'ENV PATH=/usr/local/cuda/bin:$PATH',
        '```',
      ]
    : [
        'Build with NVIDIA\'s toolkit of the CUDA release your torch was built for, installed from NVIDIA\'s repository ' +
          '(https://developer.nvidia.com/cuda-downloads sets it up for your distribution; on Ubuntu 22.04 with a cu118 torch that is `cuda-toolkit-11-8`), ' +
          'and make it the one the build finds (`sudo` outside a container):',
        '',
        '```sh',
        'which -a nvcc && nvcc --version',
        'CUDA_VER=$(python -c "import torch; print(torch.version.cuda)")   # e.g. 11.8',
        'sudo apt-get install -y "cuda-toolkit-$(echo "$CUDA_VER" | tr . -)"',
        'export CUDA_HOME="/usr/local/cuda-$CUDA_VER"',
        'export PATH="$CUDA_HOME/bin:$PATH"',
        'rm -rf ~/.cache/torch_extensions   # a torch JIT build (cpp_extension.load) keeps the old compiler\'s build files here, or under $TORCH_EXTENSIONS_DIR',
        '```',
        '',
        'torch\'s extension builder takes CUDA_HOME first, then the first nvcc on PATH; CMake takes `-DCMAKE_CUDA_COMPILER="$CUDA_HOME/bin/nvcc"` ' +
          'on a fresh build directory. If nothing else needs the distribution\'s toolkit, remove it so that one nvcc is left: ' +
          '`dpkg -S /usr/bin/nvcc` names its package, then `sudo apt-get remove nvidia-cuda-toolkit`.',
      ];
  return [
    ...install,
    '',
    'Or keep this nvcc and build with gcc 10: `apt-get install -y gcc-10 g++-10` and ' + (image ? '`ENV CC=gcc-10 CXX=g++-10 CUDAHOSTCXX=g++-10`' : '`export CC=gcc-10 CXX=g++-10 CUDAHOSTCXX=g++-10`') +
      ' (' + WHO_READS.replace(/\{max\}/g, '10').replace(/\.$/, '') + ').',
  ].join('\n');
}

const DISTRO_STD_FUNCTION_MESSAGE =
  'nvcc could not parse gcc 11\'s `std_function.h` (`parameter packs not expanded`). The nvcc that ran is `/usr/bin/nvcc`, the distribution\'s ' +
  'CUDA toolkit (Debian / Ubuntu package `nvidia-cuda-toolkit`; Ubuntu 22.04\'s is CUDA 11.5, whose default gcc is 11), not NVIDIA\'s own ' +
  '(under `/usr/local/cuda`): nvcc 11.5 / 11.6 fail this way on gcc 11\'s C++ library, although NVIDIA\'s table lists that pair as supported.';

const PACKS_MESSAGE =
  'nvcc could not parse the C++ library of the host gcc {context.parameterPacks.gcc}: gcc, compiling nvcc\'s output, stops on ' +
  '`parameter packs not expanded` inside `/usr/include/c++/{context.parameterPacks.gcc}/`. That library is newer than this nvcc understands.';
const STD_FUNCTION_MESSAGE =
  'nvcc could not parse gcc 11\'s `std_function.h` (`parameter packs not expanded`): the known failure of nvcc 11.5 / 11.6 with gcc 11, ' +
  'although NVIDIA\'s table lists that pair as supported.';
const PACKS_TITLE = 'nvcc cannot parse the host gcc\'s C++ library (parameter packs not expanded)';

const ICE_TITLE = 'gcc crashed compiling the host code of a CUDA file (internal compiler error)';
const ICE_MESSAGE =
  'gcc crashed (`internal compiler error`) on the host code nvcc generated for `{context.ice.file}`: a bug in that gcc, not in the code. ' +
  'Older gcc releases crash this way on lambda-heavy CUDA code that newer ones compile.';

/** gcc's own bug: build with the newest gcc this nvcc accepts, read from its `host_config.h`. */
function iceFix(image: boolean): string {
  return forwardAmbiguousFix(image)
    .replace(/^Read both versions[^\n]*/, 'Build with a newer gcc: the newest one this nvcc accepts is the number in its `host_config.h` ' +
      '(on a Debian / Ubuntu system; `sudo` outside a container; on a cluster, a newer gcc module and `CC` / `CXX` / `-ccbin` pointing at it):')
    .replace(/\n\nOr keep gcc[^\n]*$/, '');
}

// A segmentation fault of gcc on nvcc's generated host code (`tmpxft_…_CudaEvent.cudafe1.stub.c:12:1016: internal compiler
// error: Segmentation fault`, ComputationalRadiationPhysics/picongpu#4730): the maintainer read it as a gcc bug, or a gcc this
// CUDA release does not support ("CUDA is not compatible with any GCC. Which CUDA version do you use?"), and asked for
// `gcc --version`; the `.cudafe1.stub.c` / `.cudafe1.cpp` files are what nvcc hands the host compiler. A segfault that moves
// between files from one run to the next is the other classic cause, memory pressure (qicosmos/cinatra#146, a gcc
// `internal compiler error: Segmentation fault` answered with "probably not enough memory for the compile, try make -j 1").
const ICE_SEGV_MESSAGE =
  'gcc crashed (`internal compiler error: Segmentation fault`) on the host code nvcc generated for `{context.iceSegv.file}`: a bug in that gcc, ' +
  'or a gcc this CUDA release does not support (nvcc hands the host compiler its `.cudafe1` files). The log does not show which gcc and CUDA ran.';

function iceSegvFix(image: boolean): string {
  return [
    iceFix(image).replace('Build with a newer gcc:', 'Build with another gcc, one this nvcc supports (the gcc that crashed may be newer than it supports, or an older one with the bug):'),
    '',
    'If the crash lands on a different file each time the build runs, the compiler is short of memory instead: run fewer compile jobs at once (`make -j2`, `ninja -j2`, `MAX_JOBS=2` for torch extensions).',
  ].join('\n');
}

function variants(): Variant[] {
  return [
    { when: 'stdFunction11&distroNvcc&fact.place=image-build', title: PACKS_TITLE, message: DISTRO_STD_FUNCTION_MESSAGE, fix: distroStdFunctionFix(true) },
    { when: 'stdFunction11&distroNvcc', title: PACKS_TITLE, message: DISTRO_STD_FUNCTION_MESSAGE, fix: distroStdFunctionFix(false) },
    { when: 'stdFunction11&fact.place=image-build', title: PACKS_TITLE, message: STD_FUNCTION_MESSAGE, fix: stdFunctionFix(true) },
    { when: 'stdFunction11', title: PACKS_TITLE, message: STD_FUNCTION_MESSAGE, fix: stdFunctionFix(false) },
    { when: 'parameterPacks&fact.place=image-build', title: PACKS_TITLE, message: PACKS_MESSAGE, fix: forwardAmbiguousFix(true) },
    { when: 'parameterPacks', title: PACKS_TITLE, message: PACKS_MESSAGE, fix: forwardAmbiguousFix(false) },
    { when: 'iceSegv&fact.place=image-build', title: ICE_TITLE, message: ICE_SEGV_MESSAGE, fix: iceSegvFix(true) },
    { when: 'iceSegv', title: ICE_TITLE, message: ICE_SEGV_MESSAGE, fix: iceSegvFix(false) },
    { when: 'ice&fact.place=image-build', title: ICE_TITLE, message: ICE_MESSAGE, fix: iceFix(true) },
    { when: 'ice', title: ICE_TITLE, message: ICE_MESSAGE, fix: iceFix(false) },
    { when: 'forwardAmbiguous&fact.place=image-build', title: 'gcc too new for this nvcc: std::forward ambiguous in the host compile', message: FORWARD_MESSAGE, fix: forwardAmbiguousFix(true) },
    { when: 'forwardAmbiguous', title: 'gcc too new for this nvcc: std::forward ambiguous in the host compile', message: FORWARD_MESSAGE, fix: forwardAmbiguousFix(false) },
    { when: 'clang', message: 'nvcc refused clang as its host compiler: this CUDA release accepts clang older than {clangBelow} only.', fix: CLANG_FIX },
    { when: 'bazel&enrich.acceptedGcc', message: PROJECT_MESSAGE, fix: projectCompilerFix(true) },
    { when: 'enrich.acceptedGcc&!clang', message: PROJECT_MESSAGE, fix: projectCompilerFix(false) },
    { when: 'bazel&fact.place=image-build', fix: gccFix(true, false, true) },
    { when: 'bazel', fix: gccFix(false, false, true) },
    { when: 'ccbin&enrich.firstCuda&fact.place=image-build', fix: chosenGccFix(true) },
    { when: 'ccbin&enrich.firstCuda', fix: chosenGccFix(false) },
    { when: 'findCuda&!ccbin&fact.place=image-build', fix: findCudaFix(true, false) },
    { when: 'findCuda&!ccbin&archCuda', fix: findCudaFix(false, true) },
    { when: 'findCuda&!ccbin', fix: findCudaFix(false, false) },
    { when: 'ccbin&fact.place=image-build', fix: gccFix(true, true) },
    { when: 'fact.place=image-build', fix: gccFix(true, false) },
    { when: 'ccbin', fix: gccFix(false, true) },
    { when: 'archCuda', fix: archFix() },
  ];
}

/** gcc's own words for the host compile: `error: call of overloaded ‘forward<…>(…)’ is ambiguous` (quotes ‘’ or '' by locale). */
const FORWARD_AMBIGUOUS = {
  literals: ['call of overloaded'],
  pattern: "error: call of overloaded [‘'`]forward<[^\\n]{0,4000}[’'`] is ambiguous",
};

/** gcc stopping inside its own C++ library: `/usr/include/c++/11/bits/std_function.h:435:145: error: parameter packs not expanded with ‘...’:` */
const PARAMETER_PACKS = {
  literals: ['parameter packs not expanded with'],
  pattern: "/include/c\\+\\+/(?<gcc>\\d{1,2})/[\\w./-]{1,200}:\\d{1,6}:\\d{1,6}: error: parameter packs not expanded with [‘'`]\\.\\.\\.[’'`]",
};

/** gcc's crash on a CUDA source (or nvcc's host-side translation of one), not the kernel killing it. */
const ICE = {
  literals: ['internal compiler error: '],
  pattern: '(?<file>[\\w.-]{1,200}\\.(?:cu|cuh|cudafe1\\.cpp|cudafe1\\.stub\\.c)):\\d{1,6}:\\d{1,6}: internal compiler error: (?!Killed)',
};
/** The same crash as a segmentation fault (see ICE_SEGV_MESSAGE). */
const ICE_SEGV = {
  literals: ['internal compiler error: Segmentation fault'],
  pattern: '(?<file>[\\w.-]{1,200}\\.(?:cu|cuh|cudafe1\\.cpp|cudafe1\\.stub\\.c)):\\d{1,6}:\\d{1,6}: internal compiler error: Segmentation fault',
};

export const unsupportedHostCompiler: RuleInput = {
  id: 'cuda/unsupported-host-compiler',
  title: 'nvcc refuses the host compiler (gcc / clang too new for this CUDA)',
  severity: 'error',
  match: [
    // `error: #error -- unsupported GNU version! gcc versions later than 8 are not supported!`; the number alone, as a
    // terminal or an e-mail client may break the line after it (`… later than 12 are` / ` not supported!`). CUDA 8's
    // `later than 5.3` stays unmatched (the look-ahead refuses a minor).
    { literals: ['unsupported GNU version!'], pattern: 'unsupported GNU version! gcc versions later than (?<max>\\d{1,2})(?![\\d.])' },
    // `error: -- unsupported clang version! clang version must be less than 10 and greater than 3.2 .`
    { literals: ['unsupported clang version!'], pattern: 'unsupported clang version! clang version must be less than (?<clangBelow>\\d{1,2})' },
    FORWARD_AMBIGUOUS,
    PARAMETER_PACKS,
    ICE,
  ],
  context: [
    { name: 'forwardAmbiguous', ...FORWARD_AMBIGUOUS },
    { name: 'parameterPacks', ...PARAMETER_PACKS },
    { name: 'stdFunction11', literals: ['/c++/11/bits/std_function.h'], pattern: '/include/c\\+\\+/11/bits/std_function\\.h:\\d{1,6}:\\d{1,6}: error: parameter packs not expanded' },
    // the distribution's nvcc ran the compile: `[3/5] /usr/bin/nvcc  -DTORCH_EXTENSION_NAME=…`, `/usr/bin/nvcc -forward-unknown-to-host-compiler …`
    { name: 'distroNvcc', literals: ['/usr/bin/nvcc '], pattern: '^\\s{0,8}(?:\\[\\d{1,6}/\\d{1,6}\\] |FAILED: )?/usr/bin/nvcc\\s' },
    { name: 'ice', ...ICE },
    { name: 'iceSegv', ...ICE_SEGV },
    // the libstdc++ of the gcc in use: `/usr/include/c++/13/bits/move.h:70:1: note: candidate: …`
    { name: 'libstdcxx', literals: ['/include/c++/'], pattern: '/include/c\\+\\+/(?<gcc>\\d{1,2})/bits/move\\.h' },
    { name: 'clang', literals: ['unsupported clang version!'] },
    // The toolkit's own path names its release: `/usr/local/cuda-10.1/include/crt/host_config.h`.
    { name: 'cudaDir', literals: ['/cuda-'], pattern: '/cuda-(?<version>\\d{1,2}\\.\\d{1,2})/(?:bin/\\.\\./)?(?:targets/[\\w-]{1,40}/)?include/' },
    // The build chose the compiler: `nvcc -forward-unknown-to-host-compiler -ccbin=/usr/bin/g++-10 …`.
    // Bazel's own lines: `FAILED: Build did NOT complete successfully`, `bazel-out/k8-opt/…`.
    { name: 'bazel', literals: ['Build did NOT complete successfully', '/bazel-out/'] },
    { name: 'ccbin', literals: ['-ccbin'], pattern: '-ccbin[= ](?<path>/[\\w./+-]{1,200})' },
    // CMake's FindCUDA: `Building NVCC (Device) object …`, and its per-file script `…_generated_foo.cu.o.Release.cmake`.
    { name: 'findCuda', literals: ['Building NVCC (', '_generated_'], pattern: 'Building NVCC \\((?:Device|Host)\\) object|_generated_[\\w.-]{1,200}\\.cu\\.o\\.\\w{1,40}\\.cmake' },
    // Arch's (and Manjaro's) cuda package: `/opt/cuda/include/crt/host_config.h`.
    { name: 'archCuda', literals: ['/opt/cuda/'], pattern: '/opt/cuda/(?:bin|include|targets)/' },
    // A gcc the log reports, by `gcc --version`, `gcc -v` or in words: `gcc (Ubuntu 5.4.1-2ubuntu1~16.04) 5.4.1`,
    // `gcc version 5.4.0 20160609`, `The default gcc/g++ version in my system is 5.4.1.`
    { name: 'systemGcc', literals: ['gcc'], pattern: '\\bgcc(?:/g\\+\\+)? (?:\\([^()\\n]{1,80}\\) |version (?:[a-z ]{0,30}? )?)(?<version>\\d{1,2}\\.\\d{1,2}\\.\\d{1,2})\\b' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'nvcc refused the host compiler: nvcc {context.cudaDir.version|of this CUDA release} accepts gcc up to {max} only, and the gcc the build ran is newer ' +
    '(the check is in the toolkit\'s `host_config.h`). The CUDA code never compiled.',
  fix: gccFix(false, false),
  variants: variants(),
  enrich: 'host-compiler-cuda',
  docs: 'https://docs.nvidia.com/cuda/cuda-installation-guide-linux/index.html#host-compiler-support-policy',
};
