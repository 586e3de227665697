// `clang++: error: no such file or directory: '[WARNING] offload-arch failed with return code 1[stderr] -D__HIP_PLATFORM_AMD__=1'`
// (vllm-project/vllm#35642, a vLLM HIP build in `docker build` on TheRock's ROCm Python packages). The quoted "file" is
// the warning that the ROCm Python packages' `offload-arch` wrapper (rocm_sdk_core) prints when GPU detection fails
// (Comfy-Org/ComfyUI#12644 and guinmoon/rocm7_builds#10 show it at start-up, with `[stderr]` on the next line), glued to
// the first compiler flag: the build captured a command's output as its flag list, and the warning came with it. A
// `docker build` step has no GPU, so detection fails there. The reporter found two ways in (#35642, and the fix
// proposed in #35692): vLLM's cmake/utils.cmake reads torch's HIP flags from the output of a Python that imports
// `torch.utils.cpp_extension`, and CMake's `enable_language(HIP)` detects the architectures when none is given.
// What names them instead:
// - vLLM: `override_gpu_arches` in cmake/utils.cmake takes the environment's PYTORCH_ROCM_ARCH and only without it the
//   detected CMAKE_HIP_ARCHITECTURES; vLLM's docker/Dockerfile.rocm sets `ENV PYTORCH_ROCM_ARCH=${ARG_PYTORCH_ROCM_ARCH…}`
//   from the build argument ARG_PYTORCH_ROCM_ARCH (both in vllm-project/vllm, code corpus);
// - CMake: CMakeDetermineHIPCompiler.cmake runs its detection (rocm_agent_enumerator) only
//   `if(NOT DEFINED CMAKE_HIP_ARCHITECTURES)` (CMake 3.25 on this machine), so `-DCMAKE_HIP_ARCHITECTURES=…` skips it;
//   vLLM's setup.py appends the environment's CMAKE_ARGS to its cmake command (vllm-project/vllm setup.py, code corpus),
//   and its `enable_language(HIP)` runs before `override_gpu_arches` reads PYTORCH_ROCM_ARCH, so both are set.
// The architecture names are what `rocminfo` prints for the GPU (`gfx942` for MI300X, `gfx1151` for Strix Halo in
// vLLM's ROCm install docs and in the threads above); rocminfo needs the GPU, so it runs on the machine that has it.
// Unconfirmed: whether naming the architectures also stops the warning at `import torch.utils.cpp_extension` with
// TheRock's packages (a build summary in the code corpus kept failing after setting the arch flags). The fix says how
// to see it: run that import in the build and look for the warning on its output.
import type { RuleInput } from '../../schema.js';

const ARCH = "rocminfo | grep -o -m1 'gfx[0-9a-f]*'";
const IMPORT_CHECK = "python3 -c 'import torch.utils.cpp_extension' 2>/dev/null | grep offload-arch";

type Place = 'image' | 'shell' | 'unknown';

function fix(place: Place): string {
  return [
    'Name the GPU architectures yourself, so that nothing in the build has to detect them. On the machine with the AMD GPU, read its name:',
    '',
    '```sh',
    ARCH,
    '```',
    '',
    ...(place === 'shell' ? [] : [
      'Pass it into the image build and set it before the step that compiles (vLLM\'s CMake takes `PYTORCH_ROCM_ARCH` before any detected ' +
        'architecture; several can be given, separated by `;`):',
      '',
      '```dockerfile',
      'ARG PYTORCH_ROCM_ARCH',
      'ENV PYTORCH_ROCM_ARCH=${PYTORCH_ROCM_ARCH} CMAKE_ARGS="-DCMAKE_HIP_ARCHITECTURES=${PYTORCH_ROCM_ARCH}"',
      '```',
      '',
      '```sh',
      `docker build --build-arg PYTORCH_ROCM_ARCH="$(${ARCH})" .`,
      '```',
      '',
      'With vLLM\'s own `docker/Dockerfile.rocm`, the build argument is `ARG_PYTORCH_ROCM_ARCH`.',
    ]),
    ...(place === 'image' ? [] : [
      ...(place === 'unknown' ? ['', 'Building in a shell instead, export it before the build:'] : [
        'Export it before the build (vLLM\'s CMake takes `PYTORCH_ROCM_ARCH` before any detected architecture; several can be given, separated by `;`):',
      ]),
      '',
      '```sh',
      `export PYTORCH_ROCM_ARCH="$(${ARCH})"`,
      'export CMAKE_ARGS="-DCMAKE_HIP_ARCHITECTURES=$PYTORCH_ROCM_ARCH"',
      '```',
    ]),
    '',
    '`CMAKE_HIP_ARCHITECTURES` makes CMake skip its own detection in `enable_language(HIP)`; vLLM\'s setup.py passes `CMAKE_ARGS` on to ' +
      'CMake (keep any arguments you already give there). Another CMake project takes `-DCMAKE_HIP_ARCHITECTURES=…` on its configure command.',
    '',
    'Then check, where the build runs (a `RUN` before the build step in an image), whether importing torch still prints the warning ' +
      '(vLLM reads torch\'s HIP flags from that output):',
    '',
    '```sh',
    IMPORT_CHECK,
    '```',
    '',
    'No output: the arch list is enough. A `[WARNING] offload-arch` line: this torch\'s ROCm packages run `offload-arch` at import whatever ' +
      'the arch list, and the warning still reaches the flags; build on a ROCm base whose import prints nothing (the same check), or filter ' +
      'the flags as proposed in vllm-project/vllm#35692.',
  ].join('\n');
}

export const hipOffloadArchInFlags: RuleInput = {
  id: 'cmake/hip-offload-arch-in-flags',
  title: 'offload-arch\'s warning ended up in the HIP compiler flags: no GPU to detect at build time',
  severity: 'error',
  match: [
    // `clang++: error: no such file or directory: '[WARNING] offload-arch failed with return code 1[stderr] -D__HIP_PLATFORM_AMD__=1'`
    {
      literals: ["'[WARNING] offload-arch failed"],
      pattern: "no such file or directory: '\\[WARNING\\] offload-arch failed with return code (?<rc>\\d{1,3})",
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'clang++ was handed `[WARNING] offload-arch failed …` as an input file. The build ran `offload-arch` to detect the GPU ' +
    'architecture, found no GPU (a `docker build` step has none) and captured the warning together with the compiler flags. ' +
    'Detection at build time cannot work without the GPU; the architectures have to be named.',
  fix: fix('unknown'),
  variants: [
    { when: 'fact.place=image-build', fix: fix('image') },
    { when: 'fact.place=host-shell', fix: fix('shell') },
  ],
  docs: 'https://github.com/vllm-project/vllm/blob/main/docker/Dockerfile.rocm',
};
