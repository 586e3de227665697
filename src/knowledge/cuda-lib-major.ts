// The `cuda-lib-major` enricher: a CUDA library missing whose soname names one CUDA major release
// (`libcudart.so.12`), where the log shows the image's own CUDA is another major (an nvidia/cuda base
// tag, torch's `+cu130` wheel, an image tag with a `cu130` part such as vLLM's `vllm/vllm-openai:latest-cu130`, or
// the runtime of that major listed by path: `…/nvidia/cu13/lib/libcudart.so.13`).
// Then the module that failed to load was built for the other CUDA major, and the usual remedy is that
// package's build for the image's CUDA (vllm-project/vllm#37801: a cu12 LMCache / NIXL in a cu130 vLLM image,
// fixed with `nixl-cu13` and `cupy-cuda13x`; kaito-project/kaito#2050: vLLM 0.19's CUDA 13 `nixl_ep` on a
// CUDA 12 torch, fixed with `pip install --force-reinstall --no-deps nixl-cu12`).
//
// Sonames that follow the toolkit's major release: the CUDA runtime (libcudart.so.12 in CUDA 12, .13 in 13),
// cuBLAS (the CUDA 13.0 release notes list "cuBLAS: Release 13.0"; CUDA 12's is cuBLAS 12.x) and NVRTC.
// Others do not (cuFFT, cuRAND, cuSOLVER, cuSPARSE have versions of their own: CUDA 12 ships cuFFT 11 and
// cuRAND 10), so they are left out. Source: "CUDA Toolkit Major Component Versions", CUDA Toolkit release notes
// (docs.nvidia.com/cuda/cuda-toolkit-release-notes), 12.x and 13.0.
// The CUDA runtime as a pip wheel: `nvidia-cuda-runtime-cu12` for CUDA 12; for CUDA 13 `nvidia-cuda-runtime`
// (the `-cu13` name was deprecated on 2025-10-31: NVIDIA/TensorRT#4615).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

/** `libcudart.so.12` → 12; `libcublasLt.so.13.0.0.19` → 13; a library whose number is not the toolkit's → null. */
export function toolkitMajorOfSoname(library: string | undefined): number | null {
  const m = /^lib(?:cudart|cublas|cublasLt|nvrtc)\.so\.(\d{1,2})(?:\.|$)/.exec(library ?? '');
  if (m === null) return null;
  const major = Number(m[1]);
  return major >= 10 && major <= 13 ? major : null;
}

/** `cu130` / `cu12x` → 13 / 12; `13.0` → 13. */
function majorOf(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const cu = /^cu(\d{2})/.exec(value);
  if (cu !== null) return Number(cu[1]);
  const v = /^(\d{1,2})\./.exec(value);
  return v !== null ? Number(v[1]) : null;
}

/** The CUDA runtime of major `n` as pip installs it. */
export function cudaRuntimeWheel(major: number): string {
  return major >= 13 ? `nvidia-cuda-runtime==${major}.*` : `nvidia-cuda-runtime-cu${major}`;
}

/**
 * `soleMajor` (the soname's) and `otherMajor` (the other current major) when the log does not show the environment's CUDA, else
 * `libMajor` (the soname's), `imageMajor` (the image's), `imageCudaProof` (what says so), `libRuntimeWheel` (the runtime
 * wheel of the library's major): only when both are known and differ.
 */
export function cudaLibMajorEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const lib = toolkitMajorOfSoname(captures.library);
  if (lib === null) return {};
  const candidates: [number | null, string][] = [
    [majorOf(facts.value('torchCuda')), `torch ${facts.value('torch') ?? facts.value('torchCuda') ?? ''}`.trim()],
    [majorOf(facts.value('cuda')), `CUDA ${facts.value('cuda') ?? ''}${facts.get('cuda')?.source === 'image-tag' ? ' (the image tag)' : ''}`],
    [majorOf(captures['context.cuImageTag.cu']), `the image \`${captures['context.cuImageTag.image'] ?? ''}\``],
    // a runtime library of that major listed by path: what the environment has, when nothing names its CUDA
    [captures['context.cudartPresent.major'] === undefined ? null : Number(captures['context.cudartPresent.major']), `\`${captures['context.cudartPresent.path'] ?? ''}\` in the log`],
  ];
  const found = candidates.find(([major]) => major !== null);
  // The log does not show the environment's CUDA: the other-major story is the second way (`soleMajor`, `otherMajor`).
  if (found === undefined) return { soleMajor: String(lib), otherMajor: String(lib === 12 ? 13 : 12) };
  const [image, proof] = found as [number, string];
  if (image === lib || image < 11 || image > 13) return {};
  return {
    libMajor: String(lib),
    imageMajor: String(image),
    imageCudaProof: proof,
    libRuntimeWheel: cudaRuntimeWheel(lib),
  };
}
