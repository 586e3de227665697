// conda-forge's `nvcc` compiler package (nvcc_linux-64, CUDA ≤ 11.x toolchains) wraps a CUDA toolkit
// installed outside conda. Its activation script (conda-forge/nvcc-feedstock, recipe/install_nvcc.sh,
// code corpus) takes CUDA_HOME (or the directory above `cuda-gdb` on PATH), and stops with
// `File ${CUDA_HOME}/lib64/stubs/libcuda.so doesn't exist` when that directory is not a full toolkit:
// it links the stub libcuda into the compiler sysroot. In conda-build, CUDA_HOME then points at the
// host environment or at nothing useful (nv-morpheus/Morpheus#250: `…/_h_env_placehold…/lib64/stubs/libcuda.so`).
// A full toolkit has the stub at `lib64/stubs/libcuda.so` (nvidia/cuda `-devel` images: LIBRARY_PATH
// /usr/local/cuda/lib64/stubs in NVIDIA's devel Dockerfile). conda-build passes only listed variables
// into the build: `build: script_env:` in meta.yaml (conda-build docs, "Define metadata").
//
// The same missing driver library at link time: `ld: warning: libcuda.so.1, needed by libggml-cuda.so, not found
// (try using -rpath or -rpath-link)`, then `undefined reference to `cuMemMap'` for each driver API call. A shared
// library of the project was linked against libcuda (the driver), and linking a program against that library makes
// ld look for `libcuda.so.1` to check its symbols. A build has no driver: libcuda is no part of a CUDA image, the
// NVIDIA Container Toolkit mounts the host's into a container started with GPUs (NVIDIA/nvidia-docker#76, maintainer:
// "If you have a build dependency on it, use the stub file under /usr/local/cuda/lib64/stubs"). Installing a driver
// into the image is not the fix: the image must use the host's. Two ways through, both from upstream projects:
// - `-Wl,--allow-shlib-undefined`: ld leaves the shared library's undefined symbols to the loader. llama.cpp's own
//   CUDA image builds this way (`.devops/cuda.Dockerfile`: `cmake -B build … -DCMAKE_EXE_LINKER_FLAGS=-Wl,--allow-shlib-undefined`),
//   and llama-cpp-python takes any llama.cpp CMake option in `CMAKE_ARGS` (its README);
// - the stub: the devel images have `/usr/local/cuda/lib64/stubs/libcuda.so` and no `libcuda.so.1` beside it
//   (NVIDIA/nvidia-docker#1139), and ld looks the needed library up by that name, so a link named `libcuda.so.1` and
//   the directory on LD_LIBRARY_PATH for the build only, removed after (ggml-org/llama.cpp#9392; mmdeploy's fix,
//   open-mmlab/mmdeploy#249, puts the stubs directory on LD_LIBRARY_PATH). LD_LIBRARY_PATH, not LIBRARY_PATH: GNU ld's
//   manual (`-rpath-link`) lists where it looks for the libraries a shared library needs: -rpath-link, -rpath, LD_RUN_PATH,
//   "for a native linker, the contents of the environment variable LD_LIBRARY_PATH", DT_RUNPATH, /lib and /usr/lib,
//   ld.so.conf; the -L directories (which GCC's LIBRARY_PATH adds) only on SunOS. So the devel images' LIBRARY_PATH
//   serves `-lcuda` but not a `libcuda.so.1` another library needs.
//
// No libcuda on the link at all: `undefined reference to `cuMemCreate'` (and cuDeviceGet, cuGetErrorString …) with no
// `libcuda.so.1, needed by` warning before it. The `cu` + capital-letter names are the CUDA driver API, which libcuda
// provides (the runtime API is `cuda…`, the libraries `cublas…`, `cudnn…`, `cudla…`; `cuFile…` is GPUDirect Storage's
// libcufile, left out). The library or object that calls them was linked without libcuda: CMake's FindCUDAToolkit
// provides it as the imported target `CUDA::cuda_driver`, and looks for it also in the toolkit's `lib64/stubs`
// (cmake 3.25 FindCUDAToolkit.cmake: `_CUDAToolkit_find_and_add_import_lib(cuda_driver ALT cuda)`, stubs among its path
// suffixes), so the link works in a build without a driver; without CMake, `-lcuda` with `-L/usr/local/cuda/lib64/stubs`.
// Seen in a llama.cpp fork whose ggml-cuda called the driver's VMM functions without linking it (Anbeeld/beellama.cpp#18).
//
// `-lcuda` itself not found: `/usr/bin/ld: cannot find -lcuda` (with `: No such file or directory` in newer ld). `-lcuda`
// makes ld look for the linker name `libcuda.so` in the -L directories (and, through GCC, LIBRARY_PATH's: GCC manual,
// "Environment Variables Affecting GCC", LIBRARY_PATH: "Linking using GCC also uses these directories when searching for
// ordinary libraries for the -l option"). A build has no driver; the toolkit's stub is the file to link against: NVIDIA's
// devel images put `/usr/local/cuda/lib64/stubs` on LIBRARY_PATH (above), an image whose toolkit came some other way
// (apt inside a plain Ubuntu image) does not. Netflix/vmaf#1379: the vmaf CUDA build in an Ubuntu 22.04 image with the
// toolkit from apt stops there; its fix (Netflix/vmaf#1380) adds the stubs. A driver on a machine gives `libcuda.so.1`,
// the name programs load; `libcuda.so` comes with the driver's development files or as a link made by hand. Triton's
// run-time link (ld's same line beside a Triton traceback) is runtime/triton-libcuda-link's, hence `unless` below.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const LINK_TITLE = 'Link needs libcuda.so.1, the driver, which a build does not have';
const LINK_MESSAGE =
  '`{context.linkDriver.needer}` was linked against libcuda, the NVIDIA driver\'s library, and linking a program against it makes ld look for ' +
  '`libcuda.so.1`. There is no driver where this linked: a `docker build` step has none (a container gets the host\'s when it starts with GPUs), ' +
  'so the driver functions the library calls stayed unresolved and the link failed. Installing a driver into the image does not fix it.';

const STUB_DOCKERFILE = [
  '```dockerfile',
  'RUN ln -s /usr/local/cuda/lib64/stubs/libcuda.so /usr/local/cuda/lib64/stubs/libcuda.so.1',
  '# the build\'s RUN here, its command prefixed with LD_LIBRARY_PATH=/usr/local/cuda/lib64/stubs',
  'RUN rm /usr/local/cuda/lib64/stubs/libcuda.so.1',
  '```',
];

const STUB_SHELL = [
  '```sh',
  'ln -s /usr/local/cuda/lib64/stubs/libcuda.so /usr/local/cuda/lib64/stubs/libcuda.so.1',
  '# then the build command, prefixed with LD_LIBRARY_PATH=/usr/local/cuda/lib64/stubs, and afterwards:',
  'rm /usr/local/cuda/lib64/stubs/libcuda.so.1',
  '```',
];

/** The generic fix: the linker flag, else the stub under the name ld looks for. */
function linkFix(image: boolean): string {
  return [
    'Leave the driver\'s symbols to the loader at run time, where the container has the host\'s libcuda: add `-Wl,--allow-shlib-undefined` to the ' +
      'programs\' link flags. With CMake, on the configure command (what llama.cpp\'s CUDA Dockerfile does):',
    '',
    '```sh',
    'cmake -S . -B build -DCMAKE_EXE_LINKER_FLAGS=-Wl,--allow-shlib-undefined',
    '```',
    '',
    'Or link against the toolkit\'s stub (`-devel` images have `/usr/local/cuda/lib64/stubs/libcuda.so`): ld looks for the name `libcuda.so.1`, ' +
      'which the stubs directory lacks, so name it for the build and remove it after, never shipping the stub in the image:',
    '',
    ...(image ? STUB_DOCKERFILE : STUB_SHELL),
  ].join('\n');
}

/**
 * llama.cpp's own CMake build (`libggml-cuda.so`, no pip): its CUDA Dockerfile already passes the linker flag (checked in
 * ggml-org/llama.cpp `.devops/cuda.Dockerfile`: `cmake -B build … -DCMAKE_EXE_LINKER_FLAGS=-Wl,--allow-shlib-undefined .`,
 * then `cmake --build build --config Release -j$(nproc)`), so the route left is the stub under the name ld looks for.
 */
function ggmlCmakeFix(image: boolean): string {
  const lines = [
    'ln -s /usr/local/cuda/lib64/stubs/libcuda.so /usr/local/cuda/lib64/stubs/libcuda.so.1',
    'export LD_LIBRARY_PATH=/usr/local/cuda/lib64/stubs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}',
    'cmake -B build -DGGML_CUDA=ON -DCMAKE_EXE_LINKER_FLAGS=-Wl,--allow-shlib-undefined .',
    'cmake --build build --config Release -j"$(nproc)"',
    'rm /usr/local/cuda/lib64/stubs/libcuda.so.1',
  ];
  const block = image
    ? ['```dockerfile', `RUN ${lines.join(' \\\n    && ')}`, '```']
    : ['```sh', ...lines, '```'];
  return [
    'This is llama.cpp\'s own CMake build. Its CUDA Dockerfile already links the programs with `-Wl,--allow-shlib-undefined` ' +
      '(check that your configure line still has it). What is left is the stub. `-devel` images have ' +
      '`/usr/local/cuda/lib64/stubs/libcuda.so`, but ld looks for the name `libcuda.so.1`. Give the stub that name for the build ' +
      'and remove it afterwards, so it never ships in the image. Keep your own configure options (`CMAKE_CUDA_ARCHITECTURES`, ' +
      '`GGML_BACKEND_DL`, …) on the `cmake -B` line:',
    '',
    ...block,
  ].join('\n');
}

/** llama-cpp-python (a pip build of llama.cpp): the flag in CMAKE_ARGS, with the build's own flags when the log shows them. */
function llamaFix(kept: boolean | null): string {
  const args = kept === true ? '{enrich.cmakeArgs} ' : kept === false ? '' : '-DGGML_CUDA=on ';
  const command = kept === null ? 'pip install llama-cpp-python' : '{enrich.cmakeCommand}';
  return [
    'The link is of llama.cpp\'s programs, built by pip: pass llama.cpp\'s own answer, `-Wl,--allow-shlib-undefined` for the programs ' +
      '(its CUDA Dockerfile links this way; the loader finds the host\'s libcuda when the container runs with GPUs), in CMAKE_ARGS' +
      (kept === null ? ' beside the flag that turns CUDA on (`-DGGML_CUDA=on` in the llama.cpp releases that build `libggml-cuda`):' : ':'),
    '',
    '```sh',
    `CMAKE_ARGS="${args}-DCMAKE_EXE_LINKER_FLAGS=-Wl,--allow-shlib-undefined" ${command}`,
    '```',
  ].join('\n');
}

const DRIVER_SYMBOLS_TITLE = 'CUDA driver API not linked (libcuda missing from the link)';
const DRIVER_SYMBOLS_MESSAGE =
  '`{context.driverSymbols.caller}` calls the CUDA driver API (`{context.driverSymbols.symbol}` and the other `cu…` names in the ' +
  'evidence), which libcuda provides, and nothing on this link line provides libcuda: the target that calls it was not linked against it.';

/**
 * Link libcuda into the target that calls the driver API: CMake's target, else -lcuda; the stub where no driver is installed.
 * A shared library `libNAME.so[.N]` is CMake's target NAME unless its OUTPUT_NAME says otherwise (CMake's default prefix
 * `lib` and suffix `.so`), so a caller that is a shared library gets its target named.
 */
function driverSymbolsFix(image: boolean, library: boolean): string {
  const cmake = library
    ? [
        'Link the driver library into the library that calls it, PUBLIC so that the programs linking it get it too. With CMake, for the ' +
          'target that builds `lib{context.driverLib.stem}.so` (named `{context.driverLib.stem}` unless its OUTPUT_NAME differs):',
        '',
        '```cmake',
        'find_package(CUDAToolkit REQUIRED)',
        'target_link_libraries({context.driverLib.stem} PUBLIC CUDA::cuda_driver)',
        '```',
      ]
    : [
        'Link the driver library into the program that calls it: with CMake, `find_package(CUDAToolkit REQUIRED)` and `CUDA::cuda_driver` ' +
          'in that program\'s `target_link_libraries`.',
      ];
  return [
    ...cmake,
    '',
    '`CUDA::cuda_driver` is libcuda; CMake also finds it in the toolkit\'s `lib64/stubs`, so this links ' +
      (image ? 'in an image build, which has no driver.' : 'where no driver is installed (an image build).') +
      ' Without CMake, add `-lcuda` to the link, with `-L/usr/local/cuda/lib64/stubs` where no driver is installed. At run time the real ' +
      'driver\'s libcuda is used, never the stub.',
  ].join('\n');
}

const BARE_TITLE = 'Link needs libcuda.so (`-lcuda`), and ld finds none';
const BARE_MESSAGE =
  'The link asks for the CUDA driver\'s library with `-lcuda`, so ld looks for the file `libcuda.so` in its library directories, and none ' +
  'of them has it. ';

/** `cannot find -lcuda`: the stub where no driver is (a build), else the linker name beside the driver. */
function bareFix(image: boolean): string {
  const stub = [
    'Link against the toolkit\'s stub, made for linking where no driver is. Find it (NVIDIA\'s `-devel` images have ' +
      '`/usr/local/cuda/lib64/stubs/libcuda.so`; a toolkit from packages has it under its own `…/stubs/`):',
    '',
    '```sh',
    "find / -xdev -path '*stubs/libcuda.so' 2>/dev/null",
    '```',
    '',
    'and give the link its directory, for the build only: `-L<that directory>` on the link line, or through GCC\'s `LIBRARY_PATH` ' +
      '(which `-l` searches)' + (image ? ' in the `RUN` that builds:' : ':'),
    '',
    ...(image
      ? ['```dockerfile', 'RUN LIBRARY_PATH=/usr/local/cuda/lib64/stubs${LIBRARY_PATH:+:$LIBRARY_PATH} <the build command>', '```']
      : ['```sh', 'export LIBRARY_PATH=/usr/local/cuda/lib64/stubs${LIBRARY_PATH:+:$LIBRARY_PATH}', '```']),
    '',
    'Never on `LD_LIBRARY_PATH` at run time: a program that loads the stub instead of the driver fails every CUDA call. ' +
      'With CMake, link `CUDA::cuda_driver` (`find_package(CUDAToolkit)`), which finds the stub by itself.',
  ];
  if (image) return stub.join('\n');
  return [
    'Where the link ran decides the fix. On a machine with the NVIDIA driver, check which names it has:',
    '',
    '```sh',
    'ldconfig -p | grep libcuda',
    '```',
    '',
    'Only `libcuda.so.1` listed: the driver is there without its linker name; create it beside it as root, or link against ' +
      'the stub below:',
    '',
    '```sh',
    'd=$(dirname "$(ldconfig -p | awk \'/libcuda\\.so\\.1 /{print $NF; exit}\')") && ln -s libcuda.so.1 "$d/libcuda.so"',
    '```',
    '',
    'Where no driver is installed (a `docker build`, a CI runner without a GPU):',
    '',
    ...stub,
  ].join('\n');
}

function linkVariants(): Variant[] {
  const v = (when: string, fix: string): Variant => ({ when, title: LINK_TITLE, message: LINK_MESSAGE, fix });
  return [
    { when: 'bareLcuda&fact.place=image-build', title: BARE_TITLE, message: BARE_MESSAGE + 'A `docker build` step has no driver.', fix: bareFix(true) },
    { when: 'bareLcuda', title: BARE_TITLE, message: BARE_MESSAGE + 'Where no driver is installed (an image build) there is none; where one is, it may lack that name.', fix: bareFix(false) },
    v('linkDriver&llamaCpp&enrich.cmakeCommand&enrich.cmakeArgs', llamaFix(true)),
    v('linkDriver&llamaCpp&enrich.cmakeCommand', llamaFix(false)),
    v('linkDriver&llamaCpp', llamaFix(null)),
    v('linkDriver&ggmlCmake&fact.place=image-build', ggmlCmakeFix(true)),
    v('linkDriver&ggmlCmake&!fact.place=image-build', ggmlCmakeFix(false)),
    v('linkDriver&fact.place=image-build', linkFix(true)),
    v('linkDriver&!fact.place=image-build', linkFix(false)),
    ...[true, false].flatMap((library) => [true, false].map((image) => ({
      when: `driverSymbols&${library ? '' : '!'}driverLib${image ? '&fact.place=image-build' : ''}`,
      title: DRIVER_SYMBOLS_TITLE,
      message: DRIVER_SYMBOLS_MESSAGE,
      fix: driverSymbolsFix(image, library),
    }))),
  ];
}

export const libcudaStubMissing: RuleInput = {
  id: 'cuda/libcuda-stub-missing',
  title: 'CUDA_HOME has no stub libcuda (conda nvcc activation failed)',
  severity: 'error',
  match: [
    {
      // `File /opt/conda/conda-bld/…/_h_env_…/lib64/stubs/libcuda.so doesn't exist`
      literals: ["stubs/libcuda.so doesn't exist"],
      pattern: "File (?<home>\\S{1,600})/lib64/stubs/libcuda\\.so doesn't exist",
    },
    // `/usr/bin/ld: warning: libcuda.so.1, needed by bin/libggml-cuda.so.0.9.4, not found (try using -rpath or -rpath-link)`
    { literals: ['libcuda.so.1, needed by'], pattern: 'libcuda\\.so\\.1, needed by \\S{1,400}, not found' },
    // `/usr/bin/ld: ../../bin/libggml-cuda.so.0.10.1: undefined reference to `cuMemCreate'`: the driver API, no libcuda linked
    { literals: ['undefined reference to `cu'], pattern: "undefined reference to `cu(?!File)[A-Z]\\w{1,80}'" },
    // `/usr/bin/ld: cannot find -lcuda: No such file or directory` (not `-lcudart`, `-lcublas`: other libraries)
    { literals: ['cannot find -lcuda'], pattern: 'cannot find -lcuda(?![\\w.+-])' },
  ],
  // Triton's run-time link of its launcher (runtime/triton-libcuda-link): its Command line, a frame in its package, its cache key
  unless: [
    { literals: ["'-lcuda'", '/triton/', "KeyError: ('"], pattern: "'-lcuda'|/(?:site|dist)-packages/triton/|KeyError: \\('\\d{1,2}-\\.-\\d{1,2}-\\.-\\d{1,3}-" },
  ],
  context: [
    { name: 'condaBuild', literals: ['conda-bld', 'conda_build', 'conda-build', 'mambabuild'] },
    {
      name: 'driverSymbols',
      literals: ['undefined reference to `cu'],
      pattern: "(?<caller>[^\\s:]{1,400}):(?:\\(\\S{1,200}\\))? undefined reference to `(?<symbol>cu(?!File)[A-Z]\\w{1,80})'",
    },
    // the caller is a shared library `libNAME.so[.N]`: NAME is its CMake target by default
    { name: 'driverLib', literals: ['undefined reference to `cu'], pattern: "(?:^|[\\s/])lib(?<stem>[\\w+-]{1,200})\\.so(?:\\.[\\d.]{1,30})?: undefined reference to `cu(?!File)[A-Z]" },
    { name: 'bareLcuda', literals: ['cannot find -lcuda'], pattern: 'cannot find -lcuda(?![\\w.+-])' },
    { name: 'linkDriver', literals: ['libcuda.so.1, needed by'], pattern: 'libcuda\\.so\\.1, needed by (?<needer>\\S{1,400}), not found' },
    // llama.cpp built by pip (llama-cpp-python vendors it): `vendor/llama.cpp/…`; only then the CMAKE_ARGS form
    { name: 'llamaCpp', literals: ['vendor/llama.cpp/', 'llama-cpp-python', 'llama_cpp_python'] },
    // llama.cpp's own CMake build: its CUDA backend library, with no pip around it (the variants above take pip first)
    { name: 'ggmlCmake', literals: ['libggml-cuda.so'] },
    // a pasted `CMAKE_ARGS="…" pip install …` line (the cmake-args enricher reads the step's RUN instruction itself)
    { name: 'cmakeArgs', literals: ['CMAKE_ARGS='] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'conda-forge\'s `nvcc` package needs CUDA_HOME to be a full CUDA toolkit and found none: `{home|CUDA_HOME}` has no ' +
    '`lib64/stubs/libcuda.so` (the stub it links programs against instead of the driver). That package wraps a toolkit ' +
    'installed outside conda; it does not bring one.',
  fix: [
    'Point CUDA_HOME at a full toolkit before the build (an nvidia/cuda `-devel` image has one in `/usr/local/cuda`), and check:',
    '',
    '```sh',
    'export CUDA_HOME=/usr/local/cuda',
    'ls "$CUDA_HOME/lib64/stubs/libcuda.so" && "$CUDA_HOME/bin/nvcc" --version',
    '```',
    '',
    'The toolkit\'s release must be the one the `nvcc` package was made for (its activation also checks the version).',
  ].join('\n'),
  variants: [
    ...linkVariants(),
    {
      when: 'condaBuild',
      message:
        'conda-forge\'s `nvcc` package stopped the build: CUDA_HOME inside conda-build pointed into the build\'s own ' +
        'environment (the path in the evidence), which has no `lib64/stubs/libcuda.so`, so it is not a CUDA toolkit. That package wraps a ' +
        'toolkit installed outside conda, and conda-build passes CUDA_HOME into the build only when the recipe lists it.',
      fix: [
        'Build in an image with a full toolkit (nvidia/cuda `-devel`: `/usr/local/cuda`), set CUDA_HOME to it and let',
        'conda-build pass it through, in the recipe\'s `meta.yaml`:',
        '',
        '```yaml',
        'build:',
        '  script_env:',
        '    - CUDA_HOME',
        '```',
        '',
        'and before `conda build`: `export CUDA_HOME=/usr/local/cuda` (check `ls "$CUDA_HOME/lib64/stubs/libcuda.so"`). The',
        'toolkit\'s release must be the one the `nvcc` package was made for.',
      ].join('\n'),
    },
  ],
  enrich: 'cmake-args',
  docs: 'https://github.com/conda-forge/nvcc-feedstock',
};
