// Hugging Face `kernels` (`kernels download`, `get_kernel`) fetches a prebuilt kernel from a Hub repo, one build
// variant per torch release, C++ ABI, compute backend and platform; when none fits the installed torch it raises
// `FileNotFoundError(f"Cannot find a build variant for this system in {repo_id} (revision: {revision}). Available variants: {…}")`
// (huggingface/kernels' source, where it resolves the variant to download; newer releases follow it with a trace of the variants
// instead of the list). A variant's name says what it was built for: `torch28-cxx11-cu126-x86_64-linux` is torch 2.8,
// the C++11 ABI, CUDA 12.6, Linux x86_64 (huggingface/kernels docs, "Build variants" lists them); `torch210` is torch 2.10.
// sgl-project/sglang#28632: an unpinned `pip install … torch --force-reinstall` floated to a torch release newer than
// the variants of kernels-community/sgl-flash-attn3; the fix pinned torch to a release a variant names.
import type { RuleInput } from '../../schema.js';

/** The fix, with `listed` after "one of the repo's variants names". */
function fixText(listed: string): string {
  return [
    `Install a torch release and CUDA build that one of the repo's variants names${listed}. ` +
      'A variant such as `torch29-cxx11-cu128-x86_64-linux` is torch 2.9 built for CUDA 12.8 (`torch210` is 2.10, `cu130` CUDA 13.0), and ' +
      'PyTorch serves that CUDA build from the index named after it (https://download.pytorch.org/whl/cu128 for `cu128`).',
    '`python -c "import torch; print(torch.__version__, torch.version.cuda)"` prints the installed pair. A `pip install torch` without a ' +
      'version (an upgrade, a `--force-reinstall`) takes the newest torch, which the kernel repo may not have built for yet: pin ' +
      '`torch==` to a release a variant names, and install it before the kernel is fetched.',
  ].join(' ');
}

export const kernelsNoBuildVariant: RuleInput = {
  id: 'runtime/kernels-no-build-variant',
  title: 'No prebuilt kernel for this torch / CUDA (kernels build variant)',
  severity: 'error',
  match: [
    {
      literals: ['Cannot find a build variant for this system in '],
      pattern: 'Cannot find a build variant for this system in (?<repo>[\\w-]{1,100}/[\\w.-]{1,100})',
    },
  ],
  context: [{ name: 'variants', literals: ['Available variants: '], pattern: 'Available variants: (?<list>\\S[^\\n]{0,600})' }],
  scope: 'step',
  specificity: 3,
  message:
    'The kernel repo `{repo}` publishes no build variant for the torch installed here: each variant is built for one torch ' +
    'release and CUDA (and C++ ABI, platform), and none of them names this pair.',
  fix: fixText(''),
  variants: [{ when: 'variants', fix: fixText(' (the log lists them: `{context.variants.list}`)') }],
  docs: 'https://github.com/huggingface/kernels',
};
