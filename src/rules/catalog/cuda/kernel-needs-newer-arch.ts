// ptxas refusing a kernel because its PTX uses an instruction the targeted GPU architecture lacks:
// `ptxas /tmp/tmpxft_…_gemm_kernels.compute_70.ptx, line 1008; error   : Feature '.m16n8k16' requires .target sm_80 or higher`
// (`Modifier '.m8n8'`, `Feature 'ldmatrix'` sm_75, `cp.async`, bf16 …). The toolkit is fine and knows the arch; the
// arch list reaches below what the kernel needs: a list that includes old GPUs (torch's extension builder compiles
// every arch of TORCH_CUDA_ARCH_LIST; NGC's PyTorch images preset a wide one), a project that ignores the setting,
// or one compute capability chosen for an older GPU (bindgen_cuda, used by candle and its crates, compiles for the
// single `CUDA_COMPUTE_CAP`, else nvidia-smi's: Narsil/bindgen_cuda src/lib.rs@0b9bf3bc, `Builder::compute_cap` and
// the `--gpu-architecture=sm_{compute_cap}` it passes; a number such as `80`, which its `compute_cap()` parses).
// Not this rule: nvcc rejecting an arch name its release does not know (`Unsupported gpu architecture 'compute_35'`,
// `Value 'sm_121a' is not defined for option 'gpu-name'`: cuda/unsupported-arch), ptxas older than the PTX
// (`Unsupported .version`: cuda/version-mismatch).
// The `kernel-arch` enricher reads the needed arch (the highest `requires .target sm_N`), the targeted one and the
// lists; notations as in arch-list-enricher.ts (TORCH_CUDA_ARCH_LIST `8.0`, CMAKE_CUDA_ARCHITECTURES `80`, `-gencode`).
import type { RuleInput } from '../../schema.js';

// A project can set its arches itself (vLLM's setup.py before it read TORCH_CUDA_ARCH_LIST; CMakeLists.txt that add
// `-gencode` flags): no setting from outside removes those.
const HARD_CODED = [
  'If the build still compiles for the older arch, the project sets its arches itself; find where:',
  '',
  '```sh',
  'grep -rn -e "compute_[0-9]" -e "CUDA_ARCH" --include=setup.py --include=CMakeLists.txt --include="*.cmake" .',
  '```',
  '',
  'and drop the arches below {enrich.required} there, or take a release of the project that honours the setting.',
].join('\n');

const OLD_GPU =
  'A GPU older than {enrich.required} cannot run this kernel at all: for one, take a release of the project without it ' +
  '(or with a fallback for older GPUs), or run on a newer GPU.';

const NOTATIONS = [
  '- CMake: `-DCMAKE_CUDA_ARCHITECTURES="{enrich.cmakeArchList}"` where cmake is configured',
  '- plain nvcc: `{enrich.gencode}`',
].join('\n');

function fixFor(torchLine: string): string {
  return [
    'Compile this kernel only for {enrich.required} and newer ({enrich.listBasis}):',
    '',
    torchLine,
    NOTATIONS,
    '',
    HARD_CODED,
    '',
    OLD_GPU,
  ].join('\n');
}

function cargoFix(setLine: string): string {
  return [
    'The kernels are built with bindgen_cuda, which compiles for the one compute capability in `CUDA_COMPUTE_CAP` ' +
      "(else the one nvidia-smi reports). Set it to {enrich.requiredCap} (the newest arch these errors name) or to your GPU's, if newer " +
      '(`nvidia-smi --query-gpu=compute_cap --format=csv` prints `8.6` → `86`):',
    '',
    setLine,
    '',
    OLD_GPU,
  ].join('\n');
}

export const kernelNeedsNewerArch: RuleInput = {
  id: 'cuda/kernel-needs-newer-arch',
  title: 'Kernel needs a newer GPU architecture than the build targets',
  severity: 'error',
  match: [
    {
      literals: ['requires .target sm_'],
      pattern: "(?:Feature|Modifier|Instruction) '(?<feature>[^'\\n]{1,80})' requires \\.target sm_(?<required>\\d{2,3}) or higher",
    },
  ],
  context: [
    // bindgen_cuda's panic (`…/bindgen_cuda-…/src/lib.rs:267:21:`) or cargo's build-script paths.
    { name: 'cargo', literals: ['bindgen_cuda', '.cargo/', 'cargo:'], pattern: 'bindgen_cuda|\\.cargo/|cargo:' },
  ],
  scope: 'step',
  // A pasted excerpt may end before its step does; an `error` from ptxas is a failed compile either way.
  only: 'any',
  specificity: 3,
  message:
    'ptxas refused this kernel for {enrich.targeted|an older architecture than it needs}: its PTX uses {feature:all}, which ' +
    'exist from {enrich.required|a newer architecture} on.',
  fix: fixFor('- PyTorch extensions: `export TORCH_CUDA_ARCH_LIST="{enrich.torchArchList}"`, then run the build again'),
  variants: [
    { when: 'cargo&fact.place=image-build', fix: cargoFix('```dockerfile\nENV CUDA_COMPUTE_CAP={enrich.requiredCap}\n```') },
    { when: 'cargo', fix: cargoFix('```sh\nexport CUDA_COMPUTE_CAP={enrich.requiredCap}\n```') },
    {
      when: 'fact.place=image-build',
      fix: fixFor('- PyTorch extensions: `ENV TORCH_CUDA_ARCH_LIST="{enrich.torchArchList}"` before the step that builds them'),
    },
  ],
  enrich: 'kernel-arch',
  docs: 'https://docs.nvidia.com/cuda/parallel-thread-execution/index.html#ptx-module-directives-target',
};
