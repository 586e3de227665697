// nvcc (or ptxas) rejecting a GPU architecture: the arch list does not fit the CUDA version of
// the toolkit. The `cuda-arches` enricher finds that version (nvcc --version in the step, the
// CMake compiler id, CUDA_VERSION, the stage's `nvidia/cuda:X.Y` image), the arches it accepts and,
// for an arch too new, the devel image and PyTorch index that bring it (cuda-image-tags.ts,
// torch-wheels.ts); `arch-lists` turns what the step asked for into a list THIS toolkit accepts.
// `all-major` needs CMake ≥ 3.23, `native` 3.24 (cmake --help-property CUDA_ARCHITECTURES, CMake 3.25).
// With the version unknown, the accepted names come from `nvcc --help` ("Allowed values for this option:
// 'compute_30',…": NVCC 10.2 as quoted in CMake issue 23293, and NVCC 13.0 run here), not `--list-gpu-arch`: a toolkit that
// rejects compute_60/75/80 predates CUDA 8/10/11, and that `--list-gpu-arch` exists in one that old is not established.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const WHERE_KNOWN = [
  'In the notation of each setting, {enrich.archListBasis}:',
  '',
  '- PyTorch extensions: `ENV TORCH_CUDA_ARCH_LIST="{enrich.torchArchList}"` (`+PTX` lets newer GPUs JIT-compile the last one)',
  '- CMake: `-DCMAKE_CUDA_ARCHITECTURES="{enrich.cmakeArchList}"`, quoted in a `RUN` line (or `all-major`, CMake ≥ 3.23)',
  '- plain nvcc: `{enrich.gencode}`',
  '',
  // `native` is the tempting fix; one sentence says why not (cuda/no-gpu-at-build has the whole story).
  'Not `native`: a `docker build` step sees no GPU by default, so there is nothing to detect, and the image must run on other GPUs anyway.',
].join('\n');

// The version unknown but narrowed by the rejection (cuda-arches' `inferred`): where the list is set, and how to confirm.
const WHERE_INFERRED =
  'The list is TORCH_CUDA_ARCH_LIST for PyTorch and its extensions (`8.6` for `sm_86`), `-DCMAKE_CUDA_ARCHITECTURES="…"` for CMake (`86`), ' +
  'or the `-gencode` flags of a plain nvcc command. A `-gencode arch=…` / `-arch=…` the project writes into its own CMakeLists.txt, Makefile or ' +
  'setup.py is not overridden by either variable: find it with `grep -rn "{arch}" --include=CMakeLists.txt --include="*.cmake" --include=Makefile --include=setup.py .` and edit it there.';

const INFERRED_CHECK = 'Confirm the release in the same stage or shell: `nvcc --version`.';

// A GPU named in the reporter's words (`my GPU is RTX 3090`, chengzhag/Implicit3DUnderstanding#14): GeForce RTX 3050–3090 are
// compute capability 8.6 (developer.nvidia.com/cuda-gpus), which nvcc compiles from CUDA 11.1 on. Such a GPU needs no arch that
// CUDA 11 or 12 removed (sm_30/sm_32 in 11.0, sm_35/sm_37/sm_50-era in 12.0), so a CUDA that still accepts the removed arch is no
// fix: it may not compile sm_86 at all. The arch then comes from the project's own flags, most often a `-gencode
// arch=compute_30,code=sm_30` hard-coded in a CMakeLists.txt (that thread: external/mesh_fusion/libfusiongpu/CMakeLists.txt; the
// reporter replaced compute_30 by compute_86 and built), which TORCH_CUDA_ARCH_LIST and CMAKE_CUDA_ARCHITECTURES do not reach.
const RTX30_HARD_CODED: Variant = {
  when: 'rtx30&rejectedDigits',
  title: 'nvcc rejected an old GPU architecture that this GPU does not need',
  message:
    'nvcc rejected the GPU architecture {arch}. {enrich.verdict} The GPU named in the log, {context.rtx30.model}, is compute capability 8.6 ' +
    '(sm_86, compiled by CUDA 11.1 and newer): it does not need {arch}, so the fix is the arch list, not an older CUDA.',
  fix: [
    'Compile for the GPU\'s own arch, 8.6. Where the build takes a list, that is `TORCH_CUDA_ARCH_LIST="8.6"` (PyTorch extensions) or ' +
      '`-DCMAKE_CUDA_ARCHITECTURES="86"` (CMake). When {arch} is hard-coded in the project\'s build files (a `-gencode arch={arch},…` in a CMakeLists.txt, ' +
      'Makefile or setup.py), neither variable overrides it: find it and replace it, in the project\'s source tree:',
    '',
    '```sh',
    'grep -rn "_{context.rejectedDigits.n}\\b" --include=CMakeLists.txt --include="*.cmake" --include=Makefile --include=setup.py .',
    'grep -rlZ "_{context.rejectedDigits.n}\\b" --include=CMakeLists.txt --include="*.cmake" --include=Makefile --include=setup.py . | ' +
      'xargs -0 -r sed -i "s/compute_{context.rejectedDigits.n}\\b/compute_86/g; s/sm_{context.rejectedDigits.n}\\b/sm_86/g"',
    '```',
    '',
    'Then configure the build again from a clean build directory (CMake keeps the old flags in its cache). ' + INFERRED_CHECK,
  ].join('\n'),
};

// A CMake build's make output names its targets' `CMakeFiles/<target>.dir/` (`make[2]: *** [k2/csrc/CMakeFiles/
// k2_log.dir/build.make:76: …log.cu.o] Error 1`): the arch list is the project's CMake configuration. Some projects
// set it themselves: k2's CMakeLists.txt adds `-gencode arch=compute_N,code=sm_N` for each of its candidates
// `35 50 60 61 70 75` the detected flags include (k2-fsa/k2 CMakeLists.txt@02163b48), which no setting from outside removes.
function cmakeProject(target: 'cmakeFailed' | 'cmakeBuild'): string {
  return [
  `This step is a CMake build (${target === 'cmakeFailed' ? 'make stopped in' : 'make last built'} \`{context.${target}.target}\`): the arches come from the project's CMake ` +
    "configuration. TORCH_CUDA_ARCH_LIST is what torch's extension builder reads; here set `-DCMAKE_CUDA_ARCHITECTURES` where cmake is " +
    'configured (a project that pip builds passes CMake arguments the way its setup.py says).',
  '',
  'If the project sets the list itself (its CMakeLists.txt names the arches or adds `-gencode` flags), no setting from outside removes ' +
    'one. Find it in its source:',
  '',
  '```sh',
  `grep -rn "CUDA_ARCHITECTURES\\|gencode\\|ARCH" --include=CMakeLists.txt --include="*.cmake" .`,
  '```',
  '',
  'then take a release of the project that no longer lists the arch, or build on a CUDA that still accepts it.',
  ].join('\n');
}

// A GeForce RTX 50 GPU named in the reporter's words (`The GPU is RTX 5090`, spiriMirror/libuipc#237): GeForce RTX 5050–5090
// are compute capability 12.0 (developer.nvidia.com/cuda-gpus; as arch-list-enricher.ts and blackwellTorchEnrich in cuda-arch-enricher.ts),
// the arch nvcc rejected. Leaving sm_120 out then leaves the only GPU named without native kernels: the lead is a toolkit
// that compiles it (CUDA 12.8, cuda-arches.ts). The driver's CUDA (nvidia-smi's "CUDA Version", the newest release the driver
// runs: cuda-require-enricher.ts) says nothing of the nvcc that compiles; CMake records the one it found in CMakeCache.txt.
const RTX50_NEEDS_ARCH: Variant = {
  when: 'rtx50&rejected120&enrich.firstCuda&enrich.newerToolkit',
  title: 'nvcc is too old for the GPU this build is for',
  message:
    'nvcc rejected the GPU architecture {arch:all}. {enrich.verdict} The GPU named in the log, {context.rtx50.model}, is compute ' +
    'capability 12.0 (sm_120) itself, so leaving sm_120 out is no fix: the build needs an nvcc of CUDA {enrich.firstCuda} or newer.',
  fix: [
    'Build with CUDA {enrich.firstCuda} or newer ({enrich.newerToolkit}).',
    '',
    'The CUDA version the driver reports (nvidia-smi\'s "CUDA Version") is the newest release the driver runs, not the toolkit ' +
      'that compiles: the build uses the nvcc it finds, and CMake keeps the one it found first. Check which one a build directory uses:',
    '',
    '```sh',
    'grep "CMAKE_CUDA_COMPILER:" build/CMakeCache.txt   # build: your build directory',
    '/usr/local/cuda-{enrich.firstCuda}/bin/nvcc --version',
    '```',
  ].join('\n'),
};

/** Which nvcc the shell finds first, and which toolkits NVIDIA's packages installed (shared with cuda/toolkit-too-old). */
export const LIST_NVCC = ['which -a nvcc && nvcc --version', 'ls -d /usr/local/cuda-*/bin/nvcc'];

/** Why a new toolkit needs a new CMake build directory (shared with cuda/toolkit-too-old). */
export const FRESH_BUILD_DIR =
  "configure a fresh build directory from the project's source directory (CMakeCache.txt keeps the nvcc CMake found first, so re-running cmake in the old one changes nothing)";

/**
 * Build with the toolkit in `dir`: its nvcc first on PATH, named to CMake in a build directory of its own (shared with
 * cuda/toolkit-too-old). `options`: CMake options the project needs to build its CUDA code at all (` -DGGML_CUDA=ON`);
 * `first`: lines that set `dir` up, in the same block.
 */
export function buildWithToolkit(dir: string, buildDir: string, options = '', first: string[] = []): string[] {
  return [
    '```sh',
    ...first,
    `export PATH=${dir}/bin:$PATH`,
    `cmake -S . -B ${buildDir}${options} -DCMAKE_CUDA_COMPILER=${dir}/bin/nvcc   # plus your other -D options`,
    `cmake --build ${buildDir} -j"$(nproc)"`,
    '```',
  ];
}

// A newer toolkit named in the log (an installed `/usr/local/cuda-12.9`, the CUDA samples of release 12.9, the reporter's `with
// CUDA 12.9`) that compiles the rejected arch, while the nvcc that ran did not: a second, older toolkit's nvcc came first on PATH,
// or a build directory kept the one CMake found first (CMAKE_CUDA_COMPILER in CMakeCache.txt; CUDACXX "will only be used by
// CMake on the first configuration", cmake.org/cmake/help/latest/envvar/CUDACXX.html). NVIDIA/cuda-samples#367: the 12.9
// samples failing on compute_100 with CUDA 12.0 installed next to 12.9 ("the system defaulted to using that"); the maintainer:
// the 12.9 samples build for every arch CUDA 12.9 supports. NVIDIA's package of a release is `cuda-toolkit-X-Y`, installed under
// /usr/local/cuda-X.Y (cuda-toolkit-apt-names.ts). Outside an image build (an image's toolkit is its base image's).
const SHADOWED_TOOLKIT: Variant = {
  when: 'enrich.shadowedCuda&!distroNvcc&!fact.place=image-build',
  title: 'An older nvcc was used instead of the CUDA toolkit this build needs',
  message:
    'nvcc rejected the GPU architecture {arch:all}. {enrich.verdict} {enrich.shadowedSeen} CUDA {enrich.shadowedCuda} compiles {arch}, so the ' +
    'nvcc that ran is an older one: most often a second, older toolkit whose nvcc comes first on PATH, or the one a CMake build directory cached.',
  fix: [
    'Build with the CUDA {enrich.shadowedCuda} toolkit. See which nvcc the shell finds first, and which toolkits are installed:',
    '',
    '```sh',
    ...LIST_NVCC,
    '/usr/local/cuda-{enrich.shadowedCuda}/bin/nvcc --version',
    '```',
    '',
    'With `/usr/local/cuda-{enrich.shadowedCuda}` there, put it first on PATH and, for CMake, ' + FRESH_BUILD_DIR + ':',
    '',
    ...buildWithToolkit('/usr/local/cuda-{enrich.shadowedCuda}', 'build-cuda-{enrich.shadowedCuda}'),
    '',
    'If nothing else needs the older toolkit, remove it so that one nvcc is left. If `/usr/local/cuda-{enrich.shadowedCuda}` is not listed, ' +
      "install it: NVIDIA's package `cuda-toolkit-{enrich.shadowedCudaApt}` (https://developer.nvidia.com/cuda-downloads; earlier releases at " +
      'https://developer.nvidia.com/cuda-toolkit-archive).',
  ].join('\n'),
};

// A build on this machine (no image: ggml-org/llama.cpp#13271, a Windows cmake build of an RTX 5070's sm_120 on a toolkit
// older than 12.8): the toolkit is installed on the host, from NVIDIA's downloads (Linux and Windows alike). CMake keeps
// the compiler it found in CMakeCache.txt (CMAKE_CUDA_COMPILER), so a new toolkit needs a fresh build directory. The other
// way keeps this toolkit and builds PTX for the newest arch it knows: CMake's CUDA_ARCHITECTURES builds both the real
// and the virtual (PTX) arch for a plain number, `-real` / `-virtual` one of them (cmake --help-property
// CUDA_ARCHITECTURES); the driver JIT-compiles that PTX for the newer GPU (the reporter's `-DCMAKE_CUDA_ARCHITECTURES="86"`).
const hostShellVariants: Variant[] = [
  {
    when: 'enrich.inferred&enrich.ptxArch&fact.place=host-shell',
    message: 'nvcc rejected the GPU architecture {arch:all}. {enrich.inferred}',
    fix: [
      'Install CUDA Toolkit {enrich.neededCuda} or newer on this machine (https://developer.nvidia.com/cuda-downloads; earlier releases at ' +
        'https://developer.nvidia.com/cuda-toolkit-archive), then, for a CMake build, configure a fresh build directory: CMake keeps the nvcc it found first in CMakeCache.txt.',
      '',
      'Or keep this toolkit and leave {arch:all} out, but keep PTX for the newest arch you build, so that the driver JIT-compiles it for the newer GPU ' +
        '(slower first start, no native kernels): `-DCMAKE_CUDA_ARCHITECTURES="{enrich.ptxArch}"` (a plain number builds the cubin and its PTX; ' +
        '`{enrich.ptxArch}-virtual` the PTX only), `TORCH_CUDA_ARCH_LIST="{enrich.ptxTorch}+PTX"`, or nvcc ' +
        '`-gencode arch=compute_{enrich.ptxArch},code=compute_{enrich.ptxArch}`. {enrich.ptxArch} needs CUDA {enrich.ptxFirst} or newer; on an older ' +
        'toolkit take the newest arch it lists.',
      '',
      INFERRED_CHECK,
    ].join('\n'),
  },
];

// `-gencode arch=compute_70,code=sm_70`, with a space, is a flag the project writes itself (a setup.py's nvcc list
// `['-gencode', 'arch=compute_70,code=sm_70']`, a Makefile): torch's extension builder writes its own as one word,
// `-gencode=arch=compute_70,code=sm_70` (torch/utils/cpp_extension.py, `_get_cuda_arch_flags`), and that is all
// TORCH_CUDA_ARCH_LIST changes. Dao-AILab/fast-hadamard-transform#16: its setup.py's compute_70 on CUDA 13.0, fixed by
// editing setup.py to add it only for a CUDA that accepts it (the maintainer's answer).
const OWN_GENCODE = [
  'The flag `-gencode {context.ownGencode.flag}` is written by the project\'s own build script, not by torch from TORCH_CUDA_ARCH_LIST ' +
    '(torch writes `-gencode=arch=…`), so no environment variable removes it. Edit the list where it is written: for a pip-built extension, the ' +
    'nvcc flags in its setup.py (`extra_compile_args`); drop that pair, or add it only when the CUDA release accepts the arch. Find it with',
  '',
  '```sh',
  'grep -rn "gencode" --include=setup.py --include="*.cmake" --include=CMakeLists.txt --include=Makefile .',
  '```',
  '',
  'then install from that source directory (`pip install --no-build-isolation .`), or take a release of the project that no longer lists the arch.',
].join('\n');
const ownGencodeVariants: Variant[] = [
  { when: 'ownGencode&setupPy&fact.cuda', fix: ['Fix the arch list: {enrich.suggestion}.', '', OWN_GENCODE].join('\n') },
  {
    when: 'ownGencode&setupPy&enrich.inferred',
    message: 'nvcc rejected the GPU architecture {arch:all}. {enrich.inferred}',
    fix: ['What to change: {enrich.suggestion}.', '', OWN_GENCODE, '', INFERRED_CHECK].join('\n'),
  },
];

// `/usr/bin/nvcc` is the distribution's toolkit (Debian's `nvidia-cuda-toolkit` ships it: `dpkg -c` of
// nvidia-cuda-toolkit_11.8.89~11.8.0-5~deb12u1 on this machine; see cuda/nvcc-host-flag-rejected), NVIDIA's packages
// install under /usr/local/cuda-X.Y as `cuda-toolkit-X-Y` (cuda-toolkit-apt-names.ts). torch.utils.cpp_extension takes
// the toolkit from CUDA_HOME first and raises when its major release differs from torch.version.cuda's
// (`_check_cuda_version`: `if cuda_ver.major != torch_cuda_version.major: raise RuntimeError(CUDA_MISMATCH_MESSAGE…)`).
// Outside an image build only: a Dockerfile gets the devel-image advice of the variants below.
const DISTRO_WHY =
  '`/usr/bin/nvcc` is the distribution\'s CUDA toolkit (Debian / Ubuntu package `nvidia-cuda-toolkit`), older than CUDA {enrich.neededCuda}: ' +
  'build with a newer toolkit from NVIDIA instead. See which toolkits this machine has';
const DISTRO_INSTALL =
  'None listed: install one from NVIDIA\'s CUDA repository (https://developer.nvidia.com/cuda-downloads sets the repository up for your distribution; ' +
  'the package `cuda-toolkit-{enrich.neededCudaApt}` installs CUDA {enrich.neededCuda} under `/usr/local/cuda-{enrich.neededCuda}`). Then, in the shell ' +
  'that builds (the directory of the release you chose):';
const DISTRO_EXPORT = ['```sh', 'export CUDA_HOME=/usr/local/cuda-{enrich.neededCuda}', 'export PATH="$CUDA_HOME/bin:$PATH"', '```'];
const DISTRO_FALLBACK =
  'Or keep this nvcc and build for `{enrich.fallbackArch}` instead, which it compiles and which runs on an {enrich.fallbackFor} GPU (same major, lower minor): ' +
  '`export TORCH_CUDA_ARCH_LIST="{enrich.fallbackArch}"` before the build.';

// In an image build, `/usr/bin/nvcc` is there because a Dockerfile line installed the distribution's toolkit with apt
// (`apt install nvidia-cuda-toolkit`; harry7557558/spirula-studio#3: on top of an image with its own CUDA and torch). Its
// CUDA is the release's: Ubuntu 22.04 (jammy) packages 11.5.1 (source nvidia-cuda-toolkit 11.5.1-1ubuntu1, multiverse,
// packages.ubuntu.com/jammy), Debian 11 11.2.2, 12 11.8.0, 13 12.4.1 (packages.debian.org/nvidia-cuda-toolkit). A CUDA
// image keeps NVIDIA's toolkit under /usr/local/cuda. torch's extension builder takes CUDA_HOME (or CUDA_PATH) first, then
// `which nvcc`, then /usr/local/cuda (torch.utils.cpp_extension._find_cuda_home), so with CUDA_HOME unset the apt nvcc
// found on PATH wins. The way out keeps the base image: drop the package, and point CUDA_HOME and PATH at /usr/local/cuda.
const DISTRO_IN_IMAGE: Variant = {
  when: 'distroNvcc&enrich.neededCuda&fact.place=image-build',
  title: 'The distribution\'s nvcc (apt nvidia-cuda-toolkit) is too old for this GPU architecture',
  message:
    'nvcc rejected the GPU architecture {arch:all}. {enrich.inferred} The nvcc that ran is `/usr/bin/nvcc`, the distribution\'s CUDA toolkit ' +
    '(Debian / Ubuntu package `nvidia-cuda-toolkit`, installed with apt in the Dockerfile or its base image; its CUDA is the distribution release\'s, ' +
    'Ubuntu 22.04\'s 11.5), not the toolkit a CUDA base image keeps under `/usr/local/cuda`. torch\'s extension builder takes CUDA_HOME first, ' +
    'then the first nvcc on PATH.',
  fix: [
    'Keep the base image and build with its own toolkit. In the Dockerfile, delete `nvidia-cuda-toolkit` from the apt line that installs it ' +
      '(`grep -n nvidia-cuda-toolkit Dockerfile` finds it), and before the `RUN` that builds:',
    '',
    '```dockerfile',
    'ENV CUDA_HOME=/usr/local/cuda',
    'ENV PATH=/usr/local/cuda/bin:$PATH',
    '```',
    '',
    'and check it at the start of that `RUN`: `which nvcc && nvcc --version` must print `/usr/local/cuda/bin/nvcc` and CUDA {enrich.neededCuda} or newer. ' +
      'If the base image has no `/usr/local/cuda/bin/nvcc` (`which` prints nothing, or another path), or its CUDA is older than ' +
      '{enrich.neededCuda}, build FROM an `nvidia/cuda:…-devel-…` image of CUDA {enrich.neededCuda} or newer (https://hub.docker.com/r/nvidia/cuda/tags) ' +
      'instead of installing the distribution\'s toolkit; or remove {arch:all} from the arch list.',
  ].join('\n'),
};

function distroNvccVariants(): Variant[] {
  const torchCheck = [
    `${DISTRO_WHY}, and which CUDA torch was built with:`,
    '',
    '```sh',
    'ls -d /usr/local/cuda-*/bin/nvcc',
    "python -c 'import torch; print(torch.version.cuda)'",
    '```',
    '',
    'Take CUDA {enrich.neededCuda} or newer of the same major release as torch\'s CUDA: torch\'s extension builder stops on a toolkit of another major. ' +
      DISTRO_INSTALL,
    '',
    ...DISTRO_EXPORT,
  ];
  const plainCheck = [
    `${DISTRO_WHY}:`,
    '',
    '```sh',
    'ls -d /usr/local/cuda-*/bin/nvcc',
    '```',
    '',
    'Take CUDA {enrich.neededCuda} or newer. ' + DISTRO_INSTALL,
    '',
    ...DISTRO_EXPORT,
    '',
    'and build with that nvcc (`$CUDA_HOME/bin/nvcc`; CMake: `-DCMAKE_CUDA_COMPILER=$CUDA_HOME/bin/nvcc` on a fresh build directory).',
  ];
  const message = 'nvcc rejected the GPU architecture {arch:all}. {enrich.inferred}';
  const when = 'distroNvcc&enrich.neededCuda&!fact.place=image-build';
  return [
    DISTRO_IN_IMAGE,
    { when: `${when}&torchExtension&enrich.fallbackArch`, message, fix: [...torchCheck, '', DISTRO_FALLBACK].join('\n') },
    { when: `${when}&torchExtension`, message, fix: [...torchCheck, '', 'Or remove {arch:all} from TORCH_CUDA_ARCH_LIST.'].join('\n') },
    { when, message, fix: [...plainCheck, '', 'Or remove {arch:all} from the arch list.'].join('\n') },
    // The rejection leaves two readings (a toolkit too new or too old for the arch): which nvcc ran decides, and a machine
    // with the distribution's /usr/bin/nvcc and NVIDIA's /usr/local/cuda has two (ucbdrive/few-shot-object-detection#11:
    // `/usr/bin/nvcc` rejecting compute_61 on a machine with CUDA 10.1 installed; a clean reinstall fixed it).
    { when: 'distroNvcc&enrich.inferred&!fact.place=image-build', message, fix: WHICH_NVCC.join('\n') },
  ];
}

const WHICH_NVCC = [
  'The nvcc that ran is `/usr/bin/nvcc`, the distribution\'s CUDA toolkit (Debian / Ubuntu package `nvidia-cuda-toolkit`), which ' +
    'the build picked (the first on PATH, or the one under CUDA_HOME); NVIDIA\'s toolkit installs under `/usr/local/cuda`. See which toolkits this machine has, and the ' +
    'release of each:',
  '',
  '```sh',
  'which -a nvcc',
  '/usr/bin/nvcc --version',
  '/usr/local/cuda/bin/nvcc --version',
  'echo "CUDA_HOME=$CUDA_HOME"',
  '```',
  '',
  'If `/usr/local/cuda` is a release that accepts {arch:all}, build with it: in the shell that builds,',
  '',
  ...DISTRO_EXPORT.map((line) => line.replace('/usr/local/cuda-{enrich.neededCuda}', '/usr/local/cuda')),
  '',
  'then build again (CMake: a fresh build directory, since CMakeCache.txt keeps the nvcc it found first). torch\'s extension ' +
    'builder takes the toolkit from CUDA_HOME first. If there is no `/usr/local/cuda`, install a toolkit from ' +
    'https://developer.nvidia.com/cuda-downloads; removing the distribution\'s (`sudo apt-get remove nvidia-cuda-toolkit`) leaves ' +
    'one nvcc on the machine.',
];
// CMake's FindCUDA `CUDA_SELECT_NVCC_ARCH_FLAGS(out Auto)` prints `Autodetected CUDA architecture(s):  8.6` when the project
// was given no list and took this machine's GPU (or, with no GPU, a common list); Torch7's cutorch and PyTorch pass
// `$ENV{TORCH_CUDA_ARCH_LIST}` as that list (torch/cutorch lib/THC/CMakeLists.txt: `CUDA_SELECT_NVCC_ARCH_FLAGS(NVCC_FLAGS_EXTRA
// $ENV{TORCH_CUDA_ARCH_LIST})`), so there is no list to edit: the fix is to pass one. `+PTX` embeds PTX of the last arch,
// which the driver JIT-compiles for a newer GPU (nvcc docs, "GPU Compilation": PTX is forward compatible); the Torch7
// maintainer's answer to an sm_86 GPU on CUDA 10.2 was `TORCH_CUDA_ARCH_LIST="7.5+PTX" ./install.sh` (nagadomi/distro#18).
const AUTODETECTED_WHY =
  'The list was autodetected from the GPU (`Autodetected CUDA architecture(s): {context.autodetected.archs}`), so there is no list to edit: ' +
  'pass one that CUDA {enrich.cudaVersion} compiles, ending in `+PTX` so that the driver JIT-compiles the PTX for the newer GPU. ' +
  "TORCH_CUDA_ARCH_LIST is the list Torch7's and PyTorch's CMake builds read.";
const AUTODETECTED_NEWER = 'Or build with CUDA {enrich.firstCuda} or newer, which compiles {arch} natively.';

const autodetectedVariants: Variant[] = [
  {
    when: 'autodetected&enrich.firstCuda&fact.place=image-build',
    fix: [AUTODETECTED_WHY, '', '```dockerfile', 'ENV TORCH_CUDA_ARCH_LIST="{enrich.torchArchList}"', '```', '', 'before the `RUN` that builds.', '', AUTODETECTED_NEWER].join('\n'),
  },
  {
    when: 'autodetected&enrich.firstCuda',
    fix: [
      AUTODETECTED_WHY,
      '',
      'In the shell that runs the build (Torch7: `TORCH_CUDA_ARCH_LIST="{enrich.torchArchList}" ./install.sh`):',
      '',
      '```sh',
      'export TORCH_CUDA_ARCH_LIST="{enrich.torchArchList}"',
      '```',
      '',
      'then run the build again in that shell.',
      '',
      AUTODETECTED_NEWER,
    ].join('\n'),
  },
];

// CMake's old FindCUDA module (`find_package(CUDA)`, `cuda_add_library`): its build prints `Building NVCC (Device) object …`
// (Modules/FindCUDA.cmake of CMake 3.25 on this machine, CUDA_WRAP_SRCS: `set(cuda_build_comment_string "Building NVCC
// (${cuda_build_type}) object …")`) and fails in a generated `<target>_generated_<file>.cu.o.<Config>.cmake` script. It passes
// nvcc the flags in CUDA_NVCC_FLAGS and CUDA_NVCC_FLAGS_<CONFIG> ("Additional NVCC command line arguments", the module's
// documentation) and never reads CMAKE_CUDA_ARCHITECTURES (the word CUDA_ARCHITECTURES is absent from that module), nor
// TORCH_CUDA_ARCH_LIST unless the project passes it on. Its projects write the arches into CUDA_NVCC_FLAGS themselves, as
// `-gencode` pairs or from CUDA_SELECT_NVCC_ARCH_FLAGS (FindCUDA/select_compute_arch.cmake) over a list of their own, often a
// cache option; `cmake -LAH` lists a build directory's cache variables with their help strings (`cmake --help`, 3.25).
// flashlight/flashlight#213: compute_30 in the project's list on CUDA 11.1 (`NVCC: 11.1.74`), fixed by taking it out.
const FIND_CUDA = [
  "This build uses CMake's old FindCUDA module (`Building NVCC (Device) object`): it passes nvcc the flags in `CUDA_NVCC_FLAGS` and ignores " +
    '`-DCMAKE_CUDA_ARCHITECTURES` (and TORCH_CUDA_ARCH_LIST, unless the project reads it). The project writes the arches into ' +
    '`CUDA_NVCC_FLAGS` itself, as `-gencode` flags or through `CUDA_SELECT_NVCC_ARCH_FLAGS` over a list of its own, often a cache option. ' +
    'Find where {arch} comes from, in the build directory\'s cache and in the project\'s CMake files:',
  '',
  '```sh',
  'cmake -LAH build | grep -i -B1 "arch\\|NVCC_FLAGS"   # build: your build directory',
  'grep -rn "gencode\\|NVCC_ARCH\\|CUDA_ARCH\\|NVCC_FLAGS" --include=CMakeLists.txt --include="*.cmake" .',
  '```',
  '',
  'A cache option: configure again with it set to a list without that arch (`-D<option>="…"`). A list written in a CMakeLists.txt: ' +
    'edit it there. Then build from a fresh build directory (CMake keeps the flags it generated).',
].join('\n');

const findCudaVariants: Variant[] = [
  { when: 'findCuda&fact.cuda', fix: ['Fix the arch list: {enrich.suggestion}.', '', FIND_CUDA].join('\n') },
  {
    when: 'findCuda&enrich.inferred',
    message: 'nvcc rejected the GPU architecture {arch:all}. {enrich.inferred}',
    fix: ['What to change: {enrich.suggestion}.', '', FIND_CUDA, '', INFERRED_CHECK].join('\n'),
  },
];

/** A CMake build: the version known, narrowed by the rejection, or unknown; `target` names the context that names the target. */
function cmakeVariants(target: 'cmakeFailed' | 'cmakeBuild'): Variant[] {
  const project = cmakeProject(target);
  return [
    {
      when: `${target}&fact.cuda`,
      fix: [
        'Fix the arch list: {enrich.suggestion}.',
        '',
        project,
        '',
        "In CMake's notation, {enrich.archListBasis}: `-DCMAKE_CUDA_ARCHITECTURES=\"{enrich.cmakeArchList}\"`.",
      ].join('\n'),
    },
    {
      when: `${target}&enrich.inferred`,
      message: 'nvcc rejected the GPU architecture {arch:all}. {enrich.inferred}',
      fix: ['What to change: {enrich.suggestion}.', '', project, '', INFERRED_CHECK].join('\n'),
    },
    {
      when: target,
      fix: [
        'The log does not show which CUDA version compiled this, so the accepted arches are unknown here. Print them in the same stage:',
        '',
        '```sh',
        `nvcc --version && nvcc --help | grep -o "'compute_[0-9]*[a-z]*'" | sort -u`,
        '```',
        '',
        project,
        '',
        'Keep only listed arches (`86` for `compute_86`).',
      ].join('\n'),
    },
  ];
}

// A Bazel build with TensorFlow's CUDA rules (`@local_config_cuda`, `crosstool_wrapper_driver_is_not_gcc`; Apollo took them
// over, its third_party/gpus README): the arch list is TF_CUDA_COMPUTE_CAPABILITIES (TensorFlow third_party/gpus/
// cuda_configure.bzl), which TensorFlow's configure.py writes into .tf_configure.bazelrc and Apollo's tools/bootstrap.py into
// .apollo.bazelrc as `build --action_env TF_CUDA_COMPUTE_CAPABILITIES="…"`; bootstrap.py takes the GPU's own capability
// (deviceQuery) unless the variable is set, and rewrites the file on each run. The wrapper turns each entry into
// `-gencode=arch=compute_XY,"code=sm_XY,compute_XY"`, machine code and PTX, so an older arch's PTX runs on the newer GPU.
// TORCH_CUDA_ARCH_LIST and CMAKE_CUDA_ARCHITECTURES do not reach such a build.
const BAZEL_WHERE = [
  'This is a Bazel build with TensorFlow\'s CUDA rules (`@local_config_cuda`): its arch list is `TF_CUDA_COMPUTE_CAPABILITIES`, which the ' +
    'project\'s configure step writes into a .bazelrc file (TensorFlow\'s `configure.py`: `.tf_configure.bazelrc`; Apollo\'s `tools/bootstrap.py`: ' +
    '`.apollo.bazelrc`, from the GPU\'s own arch unless the variable is set). Find it, from the workspace root:',
  '',
  '```sh',
  'grep -rn "TF_CUDA_COMPUTE_CAPABILITIES" --include="*.bazelrc" .',
  '```',
].join('\n');
const BAZEL_RERUN = (value: string): string =>
  `A configure step run again rewrites that file: run it with the list in the environment (\`export TF_CUDA_COMPUTE_CAPABILITIES=${value}\` first), ` +
  "which TensorFlow's configure.py reads, and so does Apollo's tools/bootstrap.py in its interactive mode (the default).";

const bazelVariants: Variant[] = [
  {
    when: 'bazel&enrich.inferred&enrich.ptxTorch&rejectedCap',
    message: 'nvcc rejected the GPU architecture {arch:all}. {enrich.inferred}',
    fix: [
      BAZEL_WHERE,
      '',
      'and replace {context.rejectedCap.major}.{context.rejectedCap.minor} there with {enrich.ptxTorch} (compiled by CUDA {enrich.ptxFirst} and newer). ' +
        'Each entry builds machine code and PTX, and the driver JIT-compiles that PTX for the newer GPU:',
      '',
      '```sh',
      'grep -rlZ "TF_CUDA_COMPUTE_CAPABILITIES" --include="*.bazelrc" . | ' +
        "xargs -0 -r sed -i '/TF_CUDA_COMPUTE_CAPABILITIES/s/{context.rejectedCap.major}\\.{context.rejectedCap.minor}/{enrich.ptxTorch}/g'",
      '```',
      '',
      BAZEL_RERUN('{enrich.ptxTorch}') + ' Or build in a container whose CUDA is {enrich.neededCuda} or newer.',
      '',
      INFERRED_CHECK,
    ].join('\n'),
  },
  {
    when: 'bazel',
    fix: [
      BAZEL_WHERE,
      '',
      'and keep only arches this nvcc lists (`compute_86` → `8.6`):',
      '',
      '```sh',
      `nvcc --version && nvcc --help | grep -o "'compute_[0-9]*[a-z]*'" | sort -u`,
      '```',
      '',
      'A configure step run again rewrites that file: run it with `TF_CUDA_COMPUTE_CAPABILITIES` set to the kept list in the environment, ' +
        "which TensorFlow's configure.py reads, and so does Apollo's tools/bootstrap.py in its interactive mode (the default). An arch missing from nvcc's list needs another CUDA release.",
    ].join('\n'),
  },
];

// A Gentoo package built by emerge on the host (`sci-libs/caffe2-2.6.0-r100::stefantalpalaru failed (compile phase)`, Portage's
// `CATEGORY/PF::REPO failed (PHASE phase)`): no image, no Dockerfile; the arch list is Portage's environment. The caffe2 and
// pytorch ebuilds (gentoo sci-libs/caffe2, sci-ml/pytorch, and the stefantalpalaru overlay's copies) build with their default
// capabilities "3.5 and 7.0" when TORCH_CUDA_ARCH_LIST is unset, and their own warning says to "set TORCH_CUDA_ARCH_LIST in your
// make.conf, and re-emerge"; CUDA 12.0 dropped sm_35 (cuda-arches knowledge), so that default fails on every CUDA 12 toolkit
// (stefantalpalaru/gentoo-overlay#160: the maintainer's "Your GPU target is not supported by CUDA 12", fixed there by an arch list
// for the reporter's sm_89 GPU). A setting for one package only goes in /etc/portage/env/<file>, named for the package in
// /etc/portage/package.env (Portage's man page, portage(5)). A CMake ebuild's arch list is CMake's own CUDAARCHS environment
// variable (CMake 3.20 on, the initial CMAKE_CUDA_ARCHITECTURES: `cmake --help-manual cmake-env-variables` on this machine).
const GENTOO_EMERGE: Variant = {
  when: 'gentooEmerge',
  message:
    'nvcc rejected the GPU architecture {arch:all} while emerge built {context.gentooEmerge.atom} on this host. {enrich.verdict} The caffe2 and ' +
    'pytorch ebuilds compile for their default capabilities, 3.5 and 7.0, when TORCH_CUDA_ARCH_LIST is not set: set it to the GPUs this host has.',
  fix: [
    'Set the arch list to your GPU\'s compute capability (`nvidia-smi --query-gpu=compute_cap --format=csv,noheader` prints it, `8.9` for an',
    'RTX 40; https://developer.nvidia.com/cuda-gpus lists them) in Portage\'s environment, for every package in /etc/portage/make.conf or for this',
    'one only:',
    '',
    '```sh',
    'sudo mkdir -p /etc/portage/env',
    'echo \'TORCH_CUDA_ARCH_LIST="8.9"\' | sudo tee /etc/portage/env/cuda-arch.conf   # your capability instead of 8.9',
    'echo \'{context.gentooEmerge.cp} cuda-arch.conf\' | sudo tee -a /etc/portage/package.env',
    'sudo emerge --ask --oneshot {context.gentooEmerge.cp}',
    '```',
    '',
    'TORCH_CUDA_ARCH_LIST is what the caffe2 and pytorch ebuilds read; a CMake-based ebuild takes CMake\'s `CUDAARCHS` (`89`) instead. Only a',
    'GPU that needs {arch:all} calls for the other way: a dev-util/nvidia-cuda-toolkit release that still accepts it.',
  ].join('\n'),
};

// Triton (torch.compile's TorchInductor kernels, vLLM, sglang) assembles its PTX with a ptxas it bundles, not the toolkit's
// nvcc: `Internal Triton PTX codegen error` / `triton.runtime.errors.PTXASError` name it, and its copy for sm_100 and newer is
// called `ptxas-blackwell`. A bundled ptxas older than the GPU rejects the arch however new the system CUDA is (pytorch/pytorch#170117:
// Jetson Thor's sm_110a and the CUDA 12.9 `ptxas-blackwell` of pytorch_triton 3.6; triton-lang/triton#9181: GB10's sm_121a with
// CUDA 13.0 installed, where the maintainer's answer is `TRITON_PTXAS_PATH` set to `/usr/local/cuda/bin/ptxas`).
// Triton's source: third_party/nvidia/backend/compiler.py `get_ptxas(arch)` returns `knobs.nvidia.ptxas_blackwell if arch >= 100
// else knobs.nvidia.ptxas`; python/triton/knobs.py `env_nvidia_tool` reads `TRITON_{binary.upper()}_PATH` (ptxas →
// TRITON_PTXAS_PATH), its default the binary under `triton/backends/nvidia/bin/`, and falls back to that default when the path set
// does not run (`paths = [path, self.default_path]`). The release that added ptxas-blackwell builds the key with
// `.replace('-', '_')`: TRITON_PTXAS_BLACKWELL_PATH (the knobs.py line as quoted in a line-by-line reading of that file; the
// variable is what Triton users set for sm_100+). Setting both is harmless on a Triton that reads only one.
const TRITON_FIX = [
  'Point Triton at a ptxas that knows {arch}: the system toolkit\'s, when it is CUDA {enrich.neededCuda} or newer. Check it, then set ' +
    'the variables where the program runs (the shell; `ENV` in a Dockerfile; `-e` on `docker run`):',
  '',
  '```sh',
  '/usr/local/cuda/bin/ptxas --version     # must say release {enrich.neededCuda} or newer',
  'export TRITON_PTXAS_PATH=/usr/local/cuda/bin/ptxas',
  'export TRITON_PTXAS_BLACKWELL_PATH=/usr/local/cuda/bin/ptxas   # the ptxas Triton uses for sm_100 and newer',
  '```',
  '',
  'Triton quietly falls back to its bundled copy when the path set does not run, so check the path first. With no CUDA ' +
    '{enrich.neededCuda} toolkit on the machine, install one (https://developer.nvidia.com/cuda-downloads), or move to a Triton ' +
    '(and the torch release that pins it) whose bundled ptxas knows {arch}; see what the installed one bundles with',
  '',
  '```sh',
  'ls "$(python -c \'import os, triton; print(os.path.dirname(triton.__file__))\')/backends/nvidia/bin/"',
  '"$(python -c \'import os, triton; print(os.path.dirname(triton.__file__))\')/backends/nvidia/bin/ptxas" --version',
  '```',
].join('\n');

const tritonVariants: Variant[] = [
  {
    when: 'tritonBlackwell&enrich.neededCuda',
    title: "Triton's bundled ptxas-blackwell is older than this GPU",
    message:
      '`ptxas-blackwell`, the assembler Triton bundles for sm_100 and newer GPUs (torch.compile and other Triton kernels), rejected ' +
      '{arch:all}: {arch} needs CUDA {enrich.neededCuda} or newer, and this copy is older. The toolkit installed on the machine is not ' +
      'the one that ran.',
    fix: TRITON_FIX,
  },
  {
    when: 'triton&enrich.neededCuda',
    title: "Triton's bundled ptxas is older than this GPU",
    message:
      'ptxas rejected {arch:all} while Triton compiled a kernel (torch.compile / TorchInductor and other Triton kernels): Triton ' +
      'assembles with the ptxas it bundles under `triton/backends/nvidia/bin/`, not with the toolkit\'s nvcc, and {arch} needs CUDA ' +
      '{enrich.neededCuda} or newer. The toolkit installed on the machine is not the one that ran.',
    fix: TRITON_FIX,
  },
];

export const unsupportedArch: RuleInput = {
  id: 'cuda/unsupported-arch',
  title: 'GPU architecture not supported by this CUDA version',
  severity: 'error',
  match: [
    // nvcc ≥ 11: `nvcc fatal   : Unsupported gpu architecture 'compute_35'`. Only well-formed names (`sm_90a`): `compute_80+PTX`
    // and `compute_native` are a list in the wrong notation (cuda/invalid-arch-list), an empty `compute_` a list detected
    // from no GPU (cuda/no-gpu-at-build): no other toolkit would take them.
    // A paste can lose the closing quote at the end of the line (`… architecture 'compute_61`, ucbdrive/few-shot-object-detection#11).
    { literals: ['Unsupported gpu architecture'], pattern: "Unsupported gpu architecture '(?<arch>(?:compute|sm|lto)_\\d{1,3}[a-z]?)(?:'|\\s*$)" },
    // nvcc ≤ 10 and ptxas: `nvcc fatal   : Value 'sm_89' is not defined for option 'gpu-architecture'`
    {
      literals: ['is not defined for option'],
      pattern: "Value '(?<arch>(?:compute|sm|lto)_\\d{1,3}[a-z]?)' is not defined for option '(?:gpu-architecture|gpu-name|gpu-code)'",
    },
    // clang as CUDA compiler: `error: unsupported CUDA gpu architecture: sm_35`
    { literals: ['unsupported CUDA gpu architecture'], pattern: 'unsupported CUDA gpu architecture: (?<arch>\\w{1,200})' },
  ],
  context: [
    // Triton's bundled assembler for sm_100+ (`ptxas-blackwell fatal   : Value 'sm_110a' is not defined …`), and Triton's
    // own words around a ptxas failure (TRITON_FIX)
    { name: 'tritonBlackwell', literals: ['ptxas-blackwell'] },
    { name: 'triton', literals: ['Internal Triton PTX codegen error', 'PTXASError', 'triton/backends/nvidia/bin'] },
    // Portage's failure line: `* ERROR: sci-libs/caffe2-2.6.0-r100::gentoo failed (compile phase):`, or a thread's title of it
    {
      name: 'gentooEmerge',
      literals: [' phase)'],
      pattern: '\\b(?<atom>(?<cp>[a-z][a-z0-9+-]{1,40}/[A-Za-z0-9+_-]{1,60}?)-\\d[\\w.+-]{0,40}::[\\w-]{1,60}) failed \\([a-z]{1,20} phase\\)',
    },
    // Bazel with TensorFlow's CUDA rules: `external/local_config_cuda/crosstool/clang/bin/crosstool_wrapper_driver_is_not_gcc`
    { name: 'bazel', literals: ['crosstool_wrapper_driver_is_not_gcc', 'local_config_cuda'] },
    // the rejected arch's major and minor (`compute_89` → 8, 9), for a list in dotted form
    { name: 'rejectedCap', literals: ['Unsupported gpu architecture'], pattern: "Unsupported gpu architecture '(?:compute|sm)_(?<major>\\d{1,2}?)(?<minor>\\d)[a-z]?'" },
    // What else the failing build asked for: nvcc names only the first arch it rejects, so the newest one the command line
    // (`-gencode=arch=compute_86,code=sm_86`, `-arch=sm_89`) or an arch-list assignment names decides how new CUDA must be.
    { name: 'commandArches', literals: ['arch=compute_', 'arch=sm_'], pattern: '(?<asked>\\barch=(?:compute|sm)_\\d[^\\n]{0,2000})', keep: 'last' },
    // a `-gencode` pair the project writes itself (a space after `-gencode`; see OWN_GENCODE)
    {
      name: 'ownGencode',
      literals: ['-gencode arch='],
      pattern: '-gencode (?<flag>arch=(?:compute|sm)_\\d{2,3}[a-z]?,code=\\[?(?:compute|sm)_\\d{2,3}[a-z]?(?:,(?:compute|sm)_\\d{2,3}[a-z]?){0,4}\\]?)',
    },
    // a Python extension build: setup.py named, or torch's extension builder's compile line
    { name: 'setupPy', literals: ['setup.py', '-DTORCH_EXTENSION_NAME='] },
    // the digits of a rejected arch older than sm_60 (`compute_30` → `30`), for the search-and-replace of a hard-coded flag
    { name: 'rejectedDigits', literals: ['Unsupported gpu architecture'], pattern: "Unsupported gpu architecture '(?:compute|sm)_(?<n>[1-5]\\d)'" },
    // a GeForce RTX 30 GPU named in the reporter's words (`my GPU is RTX 3090`): compute capability 8.6 (RTX30_HARD_CODED)
    { name: 'rtx30', literals: ['RTX 30'], pattern: '\\b(?<model>RTX 30[5-9]0(?: Ti)?)\\b' },
    // a GeForce RTX 50 GPU named in the reporter's words (`The GPU is RTX 5090`), and sm_120 the arch rejected (RTX50_NEEDS_ARCH)
    { name: 'rtx50', literals: ['RTX 50'], pattern: '\\b(?<model>RTX 50[5-9]0(?: Ti)?)\\b' },
    { name: 'rejected120', literals: ['Unsupported gpu architecture'], pattern: "Unsupported gpu architecture '(?:compute|sm)_120[af]?(?:'|\\s*$)" },
    { name: 'listArches', literals: ['TORCH_CUDA_ARCH_LIST='], pattern: '(?<asked>TORCH_CUDA_ARCH_LIST=["\']?[0-9][0-9.;+ A-Za-z]{0,200})', keep: 'last' },
    // the compile command run by the distribution's nvcc (as in cuda/nvcc-host-flag-rejected), or setuptools naming it:
    // `error: command '/usr/bin/nvcc' failed with exit status 1` (ucbdrive/few-shot-object-detection#11)
    { name: 'distroNvcc', literals: ['/usr/bin/nvcc'], pattern: '(?:^|[\\s\'"])/usr/bin/nvcc[\\s\'"]' },
    // torch.utils.cpp_extension's compile line: `-DTORCH_EXTENSION_NAME=exllamav2_ext`
    { name: 'torchExtension', literals: ['-DTORCH_EXTENSION_NAME='] },
    { name: 'autodetected', literals: ['Autodetected CUDA architecture(s):'], pattern: 'Autodetected CUDA architecture\\(s\\):\\s{1,4}(?<archs>[\\d.;+ A-Za-z]{1,200}?)\\s*$' },
    // a newer toolkit the log names (SHADOWED_TOOLKIT): an installed one's directory (`-isystem /usr/local/cuda-12.3/…`), the
    // directory of a CUDA samples release (`cuda-samples/cuda-samples-12.9/build$ make`), the reporter's `with CUDA 12.6`
    { name: 'installedPath', literals: ['/usr/local/cuda-'], pattern: '/usr/local/cuda-(?<v>\\d{1,2}\\.\\d{1,2})(?![\\d.])' },
    { name: 'samplesDir', literals: ['cuda-samples-'], pattern: '\\bcuda-samples-(?<v>\\d{1,2}\\.\\d{1,2})(?![\\d.])' },
    { name: 'withCuda', literals: ['with cuda'], ignoreCase: true, pattern: '\\bwith cuda ?(?<v>\\d{1,2}\\.\\d{1,2})\\b' },
    { name: 'nvcc', literals: ['Cuda compilation tools, release'], pattern: 'release (?<cudaVersion>\\d{1,2}\\.\\d{1,2})' },
    {
      name: 'cmakeCompiler',
      literals: ['CUDA compiler identification is NVIDIA'],
      pattern: 'identification is NVIDIA (?<cudaVersion>\\d{1,2}\\.\\d{1,2})',
    },
    // The first target make (`make[2]: *** [<dir>/CMakeFiles/<target>.dir/…] Error 1`) or ninja (`FAILED: …`) names as
    // failed is the one that stopped; with no such line, the last target built. Not CMake's own compiler check
    // (`cmTC_ce4f7`): it fails before any project target, on the list the configure step was given.
    {
      name: 'cmakeFailed',
      literals: ['CMakeFiles/'],
      pattern: '(?:\\*\\*\\* \\[|FAILED: )[^\\s\\]]{0,300}?CMakeFiles/(?!cmTC_)(?<target>[\\w.+-]{1,100})\\.dir/',
    },
    // CMake's FindCUDA build (FIND_CUDA): its progress line, or the generated script it fails in (as in cuda/unsupported-host-compiler)
    { name: 'findCuda', literals: ['Building NVCC (', '_generated_'], pattern: 'Building NVCC \\((?:Device|Host)\\) object|_generated_[\\w.-]{1,200}\\.cu\\.o\\.\\w{1,40}\\.cmake' },
    { name: 'cmakeBuild', literals: ['CMakeFiles/'], pattern: 'CMakeFiles/(?!cmTC_)(?<target>[\\w.+-]{1,100})\\.dir/', keep: 'last' },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message: 'nvcc rejected the GPU architecture {arch:all}. {enrich.verdict}',
  fix: [
    'The log does not show which CUDA version compiled this, so the accepted arches are unknown here. Print them in the same stage ' +
      "(nvcc's help lists them on old and new releases alike):",
    '',
    '```sh',
    `nvcc --version && nvcc --help | grep -o "'compute_[0-9]*[a-z]*'" | sort -u`,
    '```',
    '',
    'and keep only listed arches in TORCH_CUDA_ARCH_LIST (`8.6` for `compute_86`), `-DCMAKE_CUDA_ARCHITECTURES="…"` (`86`) or the nvcc ' +
      '`-gencode` flags; an arch missing from the list needs another CUDA release (removed arches: an older one; new GPUs: a newer one).',
  ].join('\n'),
  variants: [
    ...tritonVariants,
    GENTOO_EMERGE,
    ...bazelVariants,
    ...autodetectedVariants,
    ...findCudaVariants,
    SHADOWED_TOOLKIT,
    RTX50_NEEDS_ARCH,
    ...(['cmakeFailed', 'cmakeBuild'] as const).flatMap(cmakeVariants),
    ...distroNvccVariants(),
    ...ownGencodeVariants,
    ...hostShellVariants,
    RTX30_HARD_CODED,
    {
      when: 'fact.cuda',
      fix: ['Fix the arch list: {enrich.suggestion}.', '', WHERE_KNOWN].join('\n'),
    },
    {
      when: 'enrich.inferred',
      message: 'nvcc rejected the GPU architecture {arch:all}. {enrich.inferred}',
      fix: ['What to change: {enrich.suggestion}.', '', WHERE_INFERRED, '', INFERRED_CHECK].join('\n'),
    },
  ],
  enrich: ['cuda-arches', 'arch-lists'],
  docs: 'https://docs.nvidia.com/cuda/cuda-compiler-driver-nvcc/index.html#gpu-feature-list',
};
