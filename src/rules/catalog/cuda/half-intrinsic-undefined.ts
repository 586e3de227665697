// nvcc: `error: identifier "__hmul2_rn" is undefined`, `error: identifier "__hfma2" is undefined`: a half-precision
// intrinsic of cuda_fp16.h that this compilation does not declare. Two causes, told apart on the build machine:
// - the toolkit predates the intrinsic: microsoft/onnxruntime#15840 (CUDA 11.3; the maintainer: "__hmul2_rn is introduced
//   since cuda 11.6"; the fix was a fallback to `__hmul2` for older CUDA). The release that added an intrinsic is not
//   printed here from memory: the fix greps the toolkit's own cuda_fp16 headers for the name.
// - an arch of the list is older than sm_53: the half arithmetic intrinsics are declared for `__CUDA_ARCH__ >= 530` only
//   (half-precision arithmetic needs sm_53: LLVM's clang/include/clang/Basic/BuiltinsNVPTX.td declares the f16x2 fma
//   builtins `SM_53, PTX42`; pytorch/pytorch#24365 uses __hadd … __hfma "with computing capacity >= 5.3"), and nvcc compiles
//   each file once per arch, so one old arch in TORCH_CUDA_ARCH_LIST / -gencode fails it: pytorch/FBGEMM#3434 ("Update
//   TORCH_CUDA_ARCH_LIST for Nova builds with CUDA 12.6", after turboderp/exllamav2#380).
// Not this rule: a type such as `__nv_bfloat16` or `__half2` undefined (a missing include or a toolkit without the type).
import type { RuleInput } from '../../schema.js';

/** cuda_fp16's arithmetic and comparison intrinsics (`__hadd`, `__hmul2_rn`, `__hfma2_relu`, `__hgt2`, …), never its types. */
const INTRINSIC = '__h(?:add|sub|mul|fma|div|neg|abs|max|min|eq|ne|lt|le|gt|ge|isnan|isinf)[a-z0-9_]{0,16}';

export const halfIntrinsicUndefined: RuleInput = {
  id: 'cuda/half-intrinsic-undefined',
  title: 'nvcc does not declare a half-precision intrinsic',
  severity: 'error',
  match: [
    // `relative_attn_bias_impl.cu(159): error: identifier "__hmul2_rn" is undefined` (the `error:` may start the next line)
    { literals: ['identifier "__h'], pattern: `identifier "(?<intrinsic>${INTRINSIC})" is undefined` },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'nvcc does not declare `{intrinsic}`, a half-precision intrinsic of cuda_fp16.h. Either this CUDA toolkit predates it, or the ' +
    'build compiles for an architecture older than sm_53 (compute capability 5.3), for which cuda_fp16.h declares no half arithmetic: ' +
    'nvcc compiles each file once per architecture in the list, so one old entry is enough.',
  fix: [
    'Tell the two apart where the build runs:',
    '',
    '```sh',
    'nvcc --version; grep -l "{intrinsic}" "${CUDA_HOME:-/usr/local/cuda}"/include/cuda_fp16.h*; echo "TORCH_CUDA_ARCH_LIST=$TORCH_CUDA_ARCH_LIST"',
    '```',
    '',
    '- no file printed: this toolkit does not have `{intrinsic}`. Build with a newer CUDA toolkit (the CUDA Math API\'s half-precision ' +
      'intrinsics page of each release, https://docs.nvidia.com/cuda/archive/, lists what it has), or use a release of the project that falls ' +
      'back for older CUDA;',
    '- the header has it: an architecture below 5.3 is in the build (3.5, 3.7, 5.0 or 5.2 in `TORCH_CUDA_ARCH_LIST`, or `-gencode arch=compute_50…` ' +
      'in the flags): drop it, for example `TORCH_CUDA_ARCH_LIST="7.0;7.5;8.0;8.6"` (the GPUs you run on; `nvidia-smi --query-gpu=compute_cap --format=csv` ' +
      'prints theirs), set in the same shell or `ENV` as the build.',
  ].join('\n'),
};
