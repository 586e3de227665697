// ptxas refusing a kernel because its PTX uses a feature that the PTX ISA of this CUDA release does not list for the target
// architecture: `ptxas /tmp/tmpkz2cup6g.ptx, line 606; error   : Feature '.tile::gather4 with destination state space as
// .shared::cluster' not supported on .target 'sm_120a'` (the wording in full: vllm-project/vllm#27542, a vLLM engine on
// an RTX PRO 6000, sm_120a; triton-lang/triton#8335, the same line for GB10's sm_121a from triton_kernels' matmul_ogs;
// triton-lang/triton#11859 `Feature '.tile::scatter4' not supported on .target 'sm_120a'` from `ptxas-blackwell`).
// The toolkit knows the arch (it assembled the rest of the PTX for it); the kernel's code path was chosen for another GPU
// family. Blackwell's TMA forms are sm_100-family features (CCCL's cp.async.bulk.tensor reference,
// nvidia.github.io/cccl/libcudacxx/ptx/instructions/cp_async_bulk_tensor.html, lists the `.cta_group` forms for SM_100a,
// SM_100f, SM_103a, SM_103f, SM_110a, SM_110f only); consumer Blackwell (sm_120 / sm_121: RTX 50, RTX PRO, GB10) lacks some
// of them (triton-lang/triton#11859 and #11363: triton_kernels' `has_tma_gather()` was `cuda_capability_geq(10, 0)`, true on
// 12.x, where ptxas rejects `.tile::scatter4`; gather4 into `.shared::cluster` in the threads above). How strong the claim
// can be: the PTX ISA gives each instruction form the targets it needs (its "Target ISA notes"), and ptxas checks the PTX
// against them. Targets with the `a` suffix carry "architecture-accelerated features that are supported on the specified
// architecture only" and "do not follow the onion layer model" (the PTX ISA's target directive, quoted in LLVM's D155851
// adding sm_90a); the CUDA C++ Programming Guide (section 20.1.3, quoted on NVIDIA's forum, "How to specify whether to use
// the `a` suffix for the SM architecture?") calls them features "not guaranteed to be available or might change significantly
// on subsequent compute architectures", and the `f` targets the family-specific subset. So the source says what this CUDA
// release allows on this target, not that no later release ever will: the message says the first and tells where to read a
// later release's notes, and stops short of the second. For the forms seen so far (the `.cta_group` / gather4 / scatter4
// TMA forms) CCCL lists sm_100/103/110 targets only. Another ptxas of the same release (`TRITON_PTXAS_PATH`) changes
// nothing; in practice the program that generated the kernel has to take another path on this GPU (a release that supports
// the arch, or another kernel backend).
// In sgl-project/sglang#8879 (GPT-OSS's MXFP4 MoE on an RTX 50) that came as sglang PR #19718, "Support `triton_kernels`
// for GPT-OSS on SM120"; the log itself names only Triton, so the fix says how to find the program and its release.
// Not this rule: `Feature '.m16n8k16' requires .target sm_80 or higher` (the arch list reaches below what the kernel needs:
// cuda/kernel-needs-newer-arch); `Value 'sm_121a' is not defined for option 'gpu-name'` (a ptxas older than the GPU:
// cuda/unsupported-arch, its Triton variant for Triton's bundled ptxas).
// A pasted line can be cut inside `.target 'sm_…'` (sglang#8879's paste ends at `not supported on .t`): the target is
// then not in the log, and the fix prints the GPU's compute capability instead of naming it.
import type { RuleInput } from '../../schema.js';

const GPU_CHECK = [
  '```sh',
  'nvidia-smi --query-gpu=name,compute_cap --format=csv,noheader',
  '```',
].join('\n');

export const ptxFeatureNotOnArch: RuleInput = {
  id: 'cuda/ptx-feature-not-on-arch',
  title: 'Kernel uses a PTX feature this GPU architecture does not have',
  severity: 'error',
  match: [
    {
      literals: ['not supported on .t'],
      pattern: "(?:Feature|Instruction|Modifier) '(?<feature>[^'\\n]{1,120})' not supported on \\.t(?:arget '(?<target>sm_\\d{2,3}[af]?)')?",
    },
  ],
  context: [
    // Triton assembling a kernel it generated at run time (as in cuda/unsupported-arch)
    { name: 'triton', literals: ['Internal Triton PTX codegen error', 'PTXASError', 'triton/backends/nvidia/bin', 'ptxas-blackwell'] },
  ],
  scope: 'step',
  // A pasted traceback has no steps; a ptxas `error` is a failed compile either way.
  only: 'any',
  specificity: 3,
  message:
    'ptxas refused a kernel whose PTX uses {feature:all}, which the target {target|architecture (the line is cut before it)} does not ' +
    'have. The toolkit is not at fault: the PTX ISA of this CUDA release lists that form for other targets only (its "Target ISA notes"), ' +
    'so reinstalling the same CUDA does not help, and a newer one only if its PTX ISA lists this target for the form.',
  fix: [
    'The kernel was written for another GPU family. Check which GPU this runs on:',
    '',
    GPU_CHECK,
    '',
    'If the target has no `a` suffix (`sm_90`, `sm_100`) while the feature is an architecture-specific one (wgmma, tcgen05, ' +
      'block-scaled MMA), compile that kernel for the `a` target (nvcc `-gencode arch=compute_90a,code=sm_90a`; ' +
      'the `a` targets and their features: nvcc\'s GPU feature list in the CUDA docs). Otherwise leave this arch out of the kernel\'s arch list, or take a release of the project ' +
      'that has a code path for this GPU (its release notes and issues name the arch: `12.0` is `sm_120`). A kernel compiled ' +
      'at run time (an inference server\'s kernels) needs that release, or another kernel backend where the program offers one.',
  ].join('\n'),
  variants: [
    {
      when: 'triton',
      title: 'Triton kernel uses a PTX feature this GPU architecture does not have',
      message:
        'ptxas refused a kernel that Triton generated at run time: its PTX uses {feature:all}, which the target ' +
        '{target|architecture (the line is cut before it)} does not have. The kernel\'s code path was chosen for another GPU family ' +
        '(data-centre Blackwell, sm_100, has features that consumer Blackwell, sm_120 / sm_121, lacks). ' +
        'Another ptxas of the same CUDA release (`TRITON_PTXAS_PATH`) does not help, and a newer one only if its PTX ISA lists this ' +
        'target for the feature (the instruction\'s "Target ISA notes").',
      fix: [
        'The program that launched this kernel (the frames above `triton/runtime/jit.py` in the full traceback: an inference server\'s ' +
          'MoE or attention kernels, a kernel package such as triton_kernels, torch.compile) needs a code path for this GPU. Print the GPU ' +
          'and the versions to look up:',
        '',
        '```sh',
        'nvidia-smi --query-gpu=name,compute_cap --format=csv,noheader',
        'pip list 2>/dev/null | grep -i -E "triton|torch|vllm|sglang"',
        '```',
        '',
        'then search that program\'s release notes and issues for this arch (the `compute_cap` printed: `12.0` is `sm_120` / `SM120`) and the feature ' +
          '({feature}): take the release that adds support for it, or, until one exists, select another kernel backend for that ' +
          'layer (or another quantization) where the program\'s documentation offers one.',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.nvidia.com/cuda/parallel-thread-execution/index.html#ptx-module-directives-target',
};
