// A CUDA/C++ extension written for an older torch, compiled against a torch whose C++ API dropped what it uses.
// The common case: the extension passes `tensor.type()` (an `at::DeprecatedTypeProperties`) to an `AT_DISPATCH_*`
// macro. PyTorch deprecated that in 2019 (pytorch/pytorch#17996 kept a deprecated `detail::scalar_type` overload for
// it, with the message "passing at::DeprecatedTypeProperties to an AT_DISPATCH macro is deprecated, pass an
// at::ScalarType instead"); torch 2.6 builds fail on it while torch 2.5.1 builds pass (IDEA-Research/GroundingDINO#388,
// the fix there: torch 2.5.1 / torchvision 0.20.1, or its PR #383 using `scalar_type()`; mit-han-lab/torchsparse#344
// and 66RING/tiny-flash-attention#15, "compiles with torch 2.6.0" after `.type()` → `.scalar_type()`).
// Compiler wordings: nvcc `x.cu(65): error: no suitable conversion function from "const at::DeprecatedTypeProperties"
// to "c10::ScalarType" exists`; g++ `error: cannot convert ‘const at::DeprecatedTypeProperties’ to ‘c10::ScalarType’`
// (amajee11us/SMILe-FSOD#3). Not the `-Wdeprecated-declarations` warning an older torch prints for the same code
// (`‘at::DeprecatedTypeProperties& at::Tensor::type() const’ is deprecated`): that build goes on.
// The PyTorch change that dropped the overload is not located here, so the advice says what the reports show (2.6 no
// longer accepts it), not which change removed it; PyTorch's maintainer moved extensions off `.type()` in November 2024,
// between 2.5 and 2.6 (facebookresearch/d2go#680, mit-han-lab/torchsparse#337).
// The torchvision paired with 2.5.1 is 0.20.1 (knowledge/torch-wheels.ts, PyTorch's previous-versions page).
import type { RuleInput } from '../../schema.js';

const PREVIOUS_VERSIONS = 'https://pytorch.org/get-started/previous-versions/';

const FIX = [
  'Either patch the extension: in {file|its .cu / .cpp sources}, pass `x.scalar_type()` instead of `x.type()` to the `AT_DISPATCH_*` macros, ' +
    "as PyTorch's deprecation message says (check the project's newer commits first: many have made that change).",
  '',
  'Or build it against torch 2.5.1, the last release that still accepts `.type()` there, and torchvision 0.20.1: install both built for the CUDA ' +
    `of this build (the command per CUDA is under v2.5.1 on ${PREVIOUS_VERSIONS}), then run the extension's install again with ` +
    '`--no-build-isolation`, so its build uses that torch and not the newest one from an isolated build env.',
].join('\n');

export const extensionTorchApiRemoved: RuleInput = {
  id: 'pip/extension-torch-api-removed',
  title: 'Extension uses a deprecated torch C++ API that torch 2.6 no longer accepts',
  severity: 'error',
  match: [
    {
      literals: ['const at::DeprecatedTypeProperties'],
      pattern:
        '(?:(?<file>[^\\s"\'`()]{1,300}?\\.(?:cuh?|cpp|cc|cxx|hpp|h))[(:][^\\n]{0,20}?)?error: (?:no suitable conversion function from|cannot convert) ' +
        '["\'‘]const at::DeprecatedTypeProperties["\'’] to ["\'‘]c10::ScalarType',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    "{file|The extension's source} passes `tensor.type()` (an `at::DeprecatedTypeProperties`) to an `AT_DISPATCH_*` macro, which takes a " +
    '`c10::ScalarType`. PyTorch deprecated that form in 2019 and torch 2.6 no longer accepts it: the extension was written for an older torch.',
  variants: [
    {
      when: 'fact.torch',
      message:
        "{file|The extension's source} passes `tensor.type()` (an `at::DeprecatedTypeProperties`) to an `AT_DISPATCH_*` macro, which takes a " +
        '`c10::ScalarType`. PyTorch deprecated that form in 2019 and torch 2.6 no longer accepts it; this build compiles against torch {fact.torch}.',
    },
  ],
  fix: FIX,
  docs: 'https://github.com/pytorch/pytorch/pull/17996',
};
