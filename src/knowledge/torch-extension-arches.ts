// Which torch release's torch.utils.cpp_extension first accepts a compute capability in TORCH_CUDA_ARCH_LIST.
// `_get_cuda_arch_flags` raises `ValueError: Unknown CUDA arch (X) or GPU not supported` for an entry outside its
// `supported_arches` list (plus `+PTX` forms), and the list only grows with releases, so an arch newer than the
// torch in use needs a newer torch, or a list without it.
//
// Sources, per row (each boundary is a release that lacks the arch and one that has it):
// - 8.9 and 9.0: added by pytorch/pytorch#87436 ("ada lovelace (arch 8.9) support", merged 2022-10-24) and #87736
//   ("Hopper (`sm90`) support", merged 2022-11-01), both on master after the 1.13 branch; torch 1.13.1's list ends
//   at 8.6 (torch/utils/cpp_extension.py of Debian's python3-torch 1.13.1+dfsg-4, read on this machine: `'7.0', '7.2',
//   '7.5', '8.0', '8.6'`), and NVIDIA/apex#1527 notes the commit is not in 1.13.1. 2.0.0 is the next release; its
//   successors keep both (the torch 2.13.0 wheel on this machine lists them).
// - 8.6: torch 1.6.0 rejects it (facebookresearch/detectron2#3076: `ValueError: Unknown CUDA arch (8.6)` with
//   pytorch 1.6.0), torch 1.7.0+cu110 passes it on to nvcc, which then rejects compute_86 as CUDA 11.0 predates it
//   (facebookresearch/detectron2#2225, the GPU's auto-detected arch 8.6), so 1.7.0 lists it.
// The rows cover what the sources above establish; an arch not listed here gets the generic advice (read the list).

export interface TorchArchRow {
  /** TORCH_CUDA_ARCH_LIST notation: `9.0`. */
  arch: string;
  /** The first torch release whose cpp_extension.py lists it. */
  firstTorch: string;
  /** A release shown to reject it, for the message. */
  rejectedBy: string;
  source: string;
}

export const torchExtensionArches: readonly TorchArchRow[] = [
  { arch: '8.6', firstTorch: '1.7.0', rejectedBy: '1.6.0', source: 'facebookresearch/detectron2#3076 (1.6.0 rejects), #2225 (1.7.0 accepts)' },
  { arch: '8.9', firstTorch: '2.0.0', rejectedBy: '1.13.1', source: 'pytorch/pytorch#87436; Debian python3-torch 1.13.1 cpp_extension.py' },
  { arch: '9.0', firstTorch: '2.0.0', rejectedBy: '1.13.1', source: 'pytorch/pytorch#87736; Debian python3-torch 1.13.1 cpp_extension.py; NVIDIA/apex#1527' },
];

/** `9.0`, `9.0+PTX` → the row of `9.0`; null when the arch is not in the table. */
export function torchArchRow(entry: string): TorchArchRow | null {
  const arch = entry.trim().replace(/\+PTX$/i, '');
  return torchExtensionArches.find((r) => r.arch === arch) ?? null;
}
