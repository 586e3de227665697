// nvcc older than CUDA 11.3 compiling source written for a newer one: `error: A __device__ variable cannot be marked
// constexpr`. nvcc 11.3 and newer compile `constexpr` `__device__` variables; 11.2 and older reject them. NVIDIA's
// libcu++ guards on exactly that boundary: `#if (__CUDACC_VER_MAJOR__ <= 11) && (__CUDACC_VER_MINOR__ <= 2)` defines
// `_LIBCUDACXX_CONSTEXPR_GLOBAL` as `const`, else `constexpr` (NVIDIA/libcudacxx#412, its maintainer: "We support nvcc
// down to 11.0.2 and that does not support constexpr device variables"; the report, NVIDIA/libcudacxx#409, is this error
// on CTK 11.2), and CCCL later named the guard `_CCCL_CUDACC_BELOW_11_3` (NVIDIA/cccl#1881). nvcc 13.0 compiles
// `__device__ constexpr int a = 1;` and `__constant__ constexpr int b = 2;` (run on this machine); it still rejects a
// `__shared__` one (`A __shared__ variable cannot be marked constexpr`): a source error on any release, not this rule's.
// ggml-org/llama.cpp#10652: ggml-cuda's common.cuh on the nvcc of CUDA 10.1 (the driver's CUDA 12.4); the reporter's fix
// was building with a CUDA 12.4 toolkit. llama.cpp's docs/build.md names no minimum CUDA; its way to pick one of several
// toolkits is `-DCMAKE_CUDA_COMPILER=/opt/cuda-11.7/bin/nvcc` ("Overriding the CUDA Version"), and `-DGGML_CUDA=ON` turns
// its CUDA backend on. CMake keeps the compiler it found in CMakeCache.txt, so a new toolkit needs a fresh build directory
// (as cuda/unsupported-arch's SHADOWED_TOOLKIT, whose commands this rule shares). In an image build the toolkit is the
// base image's: NVIDIA's `nvidia/cuda:<version>-devel-<os>` images carry nvcc under /usr/local/cuda.
// Not when the log shows the nvcc that ran is 11.3 or newer (`Cuda compilation tools, release 12.4`, CMake's `CUDA
// compiler identification is NVIDIA 12.4.131`): the error then has another cause.
import type { RuleInput } from '../../schema.js';
import { buildWithToolkit, FRESH_BUILD_DIR, LIST_NVCC } from './unsupported-arch.js';

const MESSAGE =
  'nvcc rejected a `constexpr` `__device__` variable in {context.file.file|the CUDA source}. nvcc compiles those from CUDA 11.3 on; ' +
  'this nvcc is older (CUDA 11.2 or earlier), so the code needs a newer CUDA toolkit than the one that ran.';

const KNOWN_MESSAGE =
  'nvcc rejected a `constexpr` `__device__` variable in {context.file.file|the CUDA source}. The nvcc that ran is CUDA {context.oldNvcc.v}; ' +
  'nvcc compiles those from CUDA 11.3 on, so the code needs a newer CUDA toolkit.';

// The driver's CUDA (nvidia-smi's "CUDA Version") is the newest release the driver runs, not the toolkit that compiles.
function hostFix(options: string): string {
  return [
    'See which nvcc the shell finds first, and which toolkits are installed:',
    '',
    '```sh',
    ...LIST_NVCC,
    '```',
    '',
    'The CUDA version `nvidia-smi` prints is the newest release the driver runs, not the toolkit that compiles. With no toolkit of 11.3 ' +
      'or newer listed, install a current one from NVIDIA (https://developer.nvidia.com/cuda-downloads; a release the driver supports: ' +
      '`nvidia-smi` prints the highest CUDA version it runs). Then put the newest one first on PATH and ' + FRESH_BUILD_DIR + ':',
    '',
    ...buildWithToolkit('$CUDA_DIR', 'build-cuda', options, [
      'CUDA_DIR=$(ls -d /usr/local/cuda-[0-9]* | sort -V | tail -n 1)',
      '"$CUDA_DIR/bin/nvcc" --version   # must say release 11.3 or newer',
    ]),
  ].join('\n');
}

const IMAGE_FIX = [
  "In an image build the toolkit is the base image's: build this stage `FROM` an `nvidia/cuda:<version>-devel-<os>` image of CUDA 11.3 or " +
    'newer (its nvcc is /usr/local/cuda/bin/nvcc; the tags are listed at https://hub.docker.com/r/nvidia/cuda/tags), a release the ' +
    'host driver supports (`nvidia-smi` on the host prints the highest CUDA version it runs). Check the nvcc the step uses with `RUN which -a nvcc && nvcc --version`.',
].join('\n');

export const toolkitTooOld: RuleInput = {
  id: 'cuda/toolkit-too-old',
  title: 'nvcc older than the CUDA code needs',
  severity: 'error',
  match: [
    // `…/ggml-cuda/common.cuh(337): error: A __device__ variable cannot be marked constexpr` (EDG's wording in nvcc's front end)
    { literals: ['A __device__ variable cannot be marked constexpr'], pattern: 'error: A __device__ variable cannot be marked constexpr' },
  ],
  context: [
    // the file nvcc names (`/…/common.cuh(337): error: …`)
    {
      name: 'file',
      literals: ['cannot be marked constexpr'],
      pattern: '(?:^|[\\s/\\\\])(?<file>[\\w.+-]{1,100}\\.(?:cuh|cu|h|hpp|hh|cpp|inl))\\(\\d{1,6}\\): error: A __device__ variable cannot be marked constexpr',
    },
    // the nvcc that ran, when the log shows it: 11.2 or older names it in the message; 11.3 or newer means another cause
    {
      name: 'oldNvcc',
      literals: ['Cuda compilation tools, release', 'CUDA compiler identification is NVIDIA'],
      pattern: '(?:Cuda compilation tools, release |CUDA compiler identification is NVIDIA )(?<v>(?:[1-9]|10)\\.\\d{1,2}|11\\.[0-2])(?![\\d])',
    },
    {
      name: 'newNvcc',
      literals: ['Cuda compilation tools, release', 'CUDA compiler identification is NVIDIA'],
      pattern: '(?:Cuda compilation tools, release |CUDA compiler identification is NVIDIA )(?:11\\.(?:[3-9]|\\d\\d)|1[2-9]\\.\\d{1,2}|[2-9]\\d\\.\\d{1,2})',
    },
    // llama.cpp / ggml's CUDA backend, which its CMake option GGML_CUDA turns on
    { name: 'ggmlCuda', literals: ['ggml-cuda'] },
  ],
  when: '!newNvcc',
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message: MESSAGE,
  fix: hostFix(''),
  variants: [
    { when: 'fact.place=image-build&oldNvcc', message: KNOWN_MESSAGE, fix: IMAGE_FIX },
    { when: 'fact.place=image-build', fix: IMAGE_FIX },
    { when: 'oldNvcc&ggmlCuda', message: KNOWN_MESSAGE, fix: hostFix(' -DGGML_CUDA=ON') },
    { when: 'oldNvcc', message: KNOWN_MESSAGE },
    { when: 'ggmlCuda', fix: hostFix(' -DGGML_CUDA=ON') },
  ],
  docs: 'https://docs.nvidia.com/cuda/cuda-c-programming-guide/index.html#constexpr-variables',
};
