// nvcc older than 10.2 handed host compiler flags: `nvcc fatal   : 'f16c': expected a number`.
// CMake passes a CUDA target's flags through nvcc and adds `-forward-unknown-to-host-compiler` only when
// the nvcc is 10.2.89 or newer ("The -forward-unknown-to-host-compiler flag was only added to nvcc in
// 10.2", Modules/Compiler/NVIDIA-CUDA.cmake of CMake 3.25 on this machine). With an older nvcc a host flag
// such as llama.cpp's `-mf16c -mfma -mavx` reaches nvcc itself, which reads `-m` as its own `--machine`
// option, a number of bits (`--machine {64} (-m)`, `nvcc --help` of CUDA 13.0; the log's own message says
// "expected a number"). A current nvcc given the same flag without forwarding says `nvcc fatal : Unknown
// option '-mf16c'` instead (CUDA 13.0 here), so this message is an old nvcc's.
// `/usr/bin/nvcc` is the distribution's toolkit: Debian's `nvidia-cuda-toolkit` ships it (`dpkg -c` of
// nvidia-cuda-toolkit_11.8.89~11.8.0-5~deb12u1_amd64.deb on this machine), while NVIDIA's own packages
// install under /usr/local/cuda-X.Y (cuda-toolkit-apt-names.ts). The fix is a toolkit of 10.2 or newer,
// named to CMake: the `CUDACXX` environment variable / `CMAKE_CUDA_COMPILER` (CMakeDetermineCUDACompiler
// .cmake, see cmake/cuda-arch-detect-failed), on a fresh build (the compiler is cached).
// llama-cpp-python: `CMAKE_ARGS="-DGGML_CUDA=on" pip install llama-cpp-python` is its README's CUDA build;
// its CHANGELOG records LLAMA_CUBLAS as removed at 0.2.81 ("use LLAMA_CUDA instead of removed LLAMA_CUBLAS")
// and the `LLAMA_` → `GGML_` rename of the build options at 0.2.85 (its Dockerfiles). llama.cpp's own CMakeLists.txt since
// that rename: `llama_option_depr(FATAL_ERROR LLAMA_CUBLAS GGML_CUDA)`, `llama_option_depr(WARNING LLAMA_CUDA GGML_CUDA)`
// (quoted in public build logs: `LLAMA_CUBLAS is deprecated and will be removed in the future. Use GGML_CUDA instead`
// as a CMake Error at vendor/llama.cpp/CMakeLists.txt). `--upgrade --force-reinstall
// --no-cache-dir` is its README's way to rebuild from source ("Upgrading and Reinstalling").
// Not matched: `Unknown option '-mf16c'` (another cause: a build passing host flags to a current nvcc).
import type { RuleInput } from '../../schema.js';

const MESSAGE =
  'nvcc was handed the host compiler flag `-m{flag}` and read it as its own `-m` option (`--machine`, a number of bits). ' +
  'CMake forwards host flags through nvcc (`-forward-unknown-to-host-compiler`) only when nvcc is 10.2 or newer, so this nvcc is older than that.';

const DISTRO_MESSAGE =
  'The build ran `/usr/bin/nvcc`, the distribution\'s CUDA toolkit (package `nvidia-cuda-toolkit`), an nvcc older than 10.2: it read the host ' +
  'compiler flag `-m{flag}` as its own `-m` option (`--machine`, a number of bits). CMake forwards host flags through nvcc ' +
  '(`-forward-unknown-to-host-compiler`) only from nvcc 10.2 on.';

const CHECK = [
  'Check which toolkits the machine has:',
  '',
  '```sh',
  'command -v nvcc; nvcc --version',
  'ls -d /usr/local/cuda*/bin/nvcc',
  '```',
  '',
  'When only the distribution\'s nvcc is there, install a current toolkit from NVIDIA\'s CUDA repository (https://developer.nvidia.com/cuda-downloads; ' +
    'a release the driver supports: `nvidia-smi` prints the highest CUDA version it runs). Then build with that nvcc, from scratch (the compiler is cached):',
  '',
];

/** Which option turns CUDA on in llama-cpp-python's build, old and new (shared with cuda/no-gpu-at-build). */
export const LLAMA_CPP_CUDA_OPTION =
  '`GGML_CUDA` is the option of current llama-cpp-python releases (their llama.cpp still takes `-DLLAMA_CUDA=on` with a deprecation warning, ' +
  'and stops at `-DLLAMA_CUBLAS=on` with a CMake error); releases of early and mid 2024 took `-DLLAMA_CUDA=on`, older ones ' +
  '`-DLLAMA_CUBLAS=on` (removed by 0.2.81, its changelog says). `vendor/llama.cpp/CMakeLists.txt` in a release\'s sdist names the options it takes.';

const LLAMA_CPP = [
  '```sh',
  'CUDACXX=/usr/local/cuda/bin/nvcc CMAKE_ARGS="-DGGML_CUDA=on" pip install --upgrade --force-reinstall --no-cache-dir llama-cpp-python',
  '```',
  '',
  LLAMA_CPP_CUDA_OPTION,
].join('\n');

const CMAKE = [
  '```sh',
  'rm -rf build',
  'cmake -S . -B build -DCMAKE_CUDA_COMPILER=/usr/local/cuda/bin/nvcc',
  '```',
  '',
  'A pip build of a CMake project takes the same compiler from `CUDACXX=/usr/local/cuda/bin/nvcc` in its environment.',
].join('\n');

/** In a Dockerfile: a CUDA devel image carries a current nvcc; the distribution's toolkit is not needed. */
const IMAGE = [
  'In the Dockerfile, drop the distribution\'s `nvidia-cuda-toolkit` and build in a stage based on an `nvidia/cuda:…-devel-…` image ' +
    '(its nvcc is /usr/local/cuda/bin/nvcc), with `ENV CUDACXX=/usr/local/cuda/bin/nvcc` before the build step.',
].join('\n');

export const nvccHostFlagRejected: RuleInput = {
  id: 'cuda/nvcc-host-flag-rejected',
  title: 'nvcc older than 10.2 rejected a host compiler flag',
  severity: 'error',
  match: [
    // `nvcc fatal   : 'f16c': expected a number` (abetlen/llama-cpp-python#454), pip's indentation or none
    { literals: ["': expected a number"], pattern: "nvcc fatal\\s{0,8}: '(?<flag>[\\w.+=-]{1,40})': expected a number" },
  ],
  context: [
    // the compile command as CMake printed it, run by the distribution's nvcc
    { name: 'distroNvcc', literals: ['/usr/bin/nvcc'], pattern: '(?:^|\\s)/usr/bin/nvcc\\s' },
    // llama-cpp-python's own build: its sdist vendors llama.cpp under vendor/llama.cpp
    { name: 'llamaCpp', literals: ['llama-cpp-python', 'llama_cpp_python', 'vendor/llama.cpp'] },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message: MESSAGE,
  fix: [...CHECK, CMAKE].join('\n'),
  variants: [
    { when: 'fact.place=image-build&distroNvcc', title: 'Distribution nvcc (older than 10.2) rejected a host compiler flag', message: DISTRO_MESSAGE, fix: IMAGE },
    { when: 'fact.place=image-build', fix: IMAGE },
    { when: 'distroNvcc&llamaCpp', title: 'Distribution nvcc (older than 10.2) rejected a host compiler flag', message: DISTRO_MESSAGE, fix: [...CHECK, LLAMA_CPP].join('\n') },
    { when: 'distroNvcc', title: 'Distribution nvcc (older than 10.2) rejected a host compiler flag', message: DISTRO_MESSAGE },
    { when: 'llamaCpp', fix: [...CHECK, LLAMA_CPP].join('\n') },
  ],
  docs: 'https://cmake.org/cmake/help/latest/envvar/CUDACXX.html',
};
