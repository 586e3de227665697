// CMake building with `/usr/bin/nvcc`, the distribution's CUDA toolkit, on a machine where another toolkit is installed under
// `/usr/local/cuda-X.Y`: `/usr/bin` comes early on every PATH, so CMake finds the distribution's nvcc first.
// `/usr/bin/nvcc` is Debian's and Ubuntu's `nvidia-cuda-toolkit` (`dpkg -c` of nvidia-cuda-toolkit_11.8.89~11.8.0-5~deb12u1 on
// this machine; see cuda/nvcc-host-flag-rejected); Ubuntu 22.04's is 11.5.1 (cuda/unsupported-arch), which compiles no sm_89
// (first in CUDA 11.8, cuda-arches.ts). NVIDIA's own toolkit installs under /usr/local/cuda-X.Y (cuda-toolkit-apt-names.ts).
// CMake's CUDACXX "Will only be used by CMake on the first configuration to determine CUDA compiler, after which the value
// for CUDA is stored in the cache as CMAKE_CUDA_COMPILER … the environment variable will be ignored if the
// CMAKE_CUDA_COMPILER variable is defined" (cmake.org/cmake/help/latest/envvar/CUDACXX.html): so a build directory that
// already holds the wrong compiler keeps it, and the fix configures a new one.
// Seen: isl-org/Open3D#7307 (Ubuntu 22.04 "with CUDA 12.6", CMake identifies NVIDIA 11.5.119 at /usr/bin/nvcc, arch 89:
// "Check for working CUDA compiler: /usr/bin/nvcc - broken"); colmap/colmap#2472 (`/usr/bin/nvcc` compiling compute_89
// with `-isystem /usr/local/cuda-12.3/targets/x86_64-linux/include`).
import type { RuleInput } from '../../schema.js';

const MESSAGE =
  "The CUDA compiler that ran is `/usr/bin/nvcc`, the distribution's toolkit (Debian / Ubuntu package " +
  '`nvidia-cuda-toolkit`), not the CUDA {enrich.otherCuda} this build was meant for (NVIDIA\'s toolkit, which installs under ' +
  '`/usr/local/cuda-{enrich.otherCuda}`). ' +
  '`/usr/bin` is on every PATH, so CMake found that nvcc first, and an older nvcc fails on a GPU architecture it does not know.';

export const distroNvccShadowsToolkit: RuleInput = {
  id: 'cuda/distro-nvcc-shadows-toolkit',
  title: "The distribution's /usr/bin/nvcc is used instead of the installed CUDA toolkit",
  severity: 'error',
  match: [
    // CMake's compiler check: `-- Check for working CUDA compiler: /usr/bin/nvcc - broken`
    { literals: ['Check for working CUDA compiler: /usr/bin/nvcc - broken'] },
    // a compile command that ninja or make printed, run by /usr/bin/nvcc: bare (make, ninja's FAILED command) or after
    // ninja's progress counter (`[4/5] /usr/bin/nvcc …`)
    { literals: ['/usr/bin/nvcc '], pattern: '^\\s{0,8}(?:\\[\\d{1,6}/\\d{1,6}\\] )?/usr/bin/nvcc\\s' },
  ],
  context: [
    // CMake: `-- The CUDA compiler identification is NVIDIA 11.5.119`
    { name: 'nvccId', literals: ['CUDA compiler identification is NVIDIA'], pattern: 'identification is NVIDIA (?<v>\\d{1,2}\\.\\d{1,2})' },
    // the other toolkit's directory: `-isystem /usr/local/cuda-12.3/targets/x86_64-linux/include`
    { name: 'otherPath', literals: ['/usr/local/cuda-'], pattern: '/usr/local/cuda-(?<v>\\d{1,2}\\.\\d{1,2})(?![\\d.])' },
    // the reporter's words: `on Ubuntu 22.04, with CUDA 12.6`, `Build with cuda12.3`
    { name: 'otherWords', literals: ['with cuda'], ignoreCase: true, pattern: '\\bwith cuda ?(?<v>\\d{1,2}\\.\\d{1,2})\\b' },
  ],
  // the enricher gives otherCuda only when the other release differs from the one CMake identified
  when: 'enrich.otherCuda',
  scope: 'build',
  only: 'failed-build',
  specificity: 3,
  message: MESSAGE,
  fix: [
    'Configure a new build directory with the toolkit named (CMake stores the compiler it found first as CMAKE_CUDA_COMPILER in ' +
      "CMakeCache.txt and keeps it, so re-running cmake in the old directory changes nothing). From the project's source directory:",
    '',
    '```sh',
    'ls -d /usr/local/cuda*/bin/nvcc   # the toolkits installed; take the one of CUDA {enrich.otherCuda} if its directory differs',
    '/usr/local/cuda-{enrich.otherCuda}/bin/nvcc --version',
    'cmake -S . -B build-cuda-{enrich.otherCuda} -DCMAKE_CUDA_COMPILER=/usr/local/cuda-{enrich.otherCuda}/bin/nvcc   # plus your other -D options',
    '```',
    '',
    'or, before the first cmake of a new build directory, `export PATH=/usr/local/cuda-{enrich.otherCuda}/bin:$PATH` ' +
      "(or `export CUDACXX=/usr/local/cuda-{enrich.otherCuda}/bin/nvcc`). If nothing else needs the distribution's toolkit, " +
      'remove it so that one nvcc is left: `dpkg -S /usr/bin/nvcc` names its package, then `sudo apt-get remove nvidia-cuda-toolkit`.',
  ].join('\n'),
  variants: [{ when: 'nvccId', message: MESSAGE.replace('`/usr/bin/nvcc`', '`/usr/bin/nvcc` (CUDA {context.nvccId.v})') }],
  enrich: 'distro-nvcc',
  docs: 'https://cmake.org/cmake/help/latest/envvar/CUDACXX.html',
};
