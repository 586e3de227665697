// The CUDA release inside NVIDIA's NGC PyTorch images (`nvcr.io/nvidia/pytorch:YY.MM-py3`), per
// month. The tag names only the month, so the CUDA version is a fact of NVIDIA's release notes;
// only months checked against a source are listed, and any other month stays unknown.
//
// Sources (each month's "Release YY.MM is based on CUDA …" / "NVIDIA CUDA …" line):
// - 20.02 → 10.2.89, 20.06 → 11.0.167: NVIDIA's release notes,
//   docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel_20-02.html and rel_20-06.html.
// - 20.12 → 11.1.1: the same notes, rel_20-12.html, as quoted in a public repository.
// - 23.04 → 12.1.0 (cuDNN 8.9.0, PyTorch 2.1.0a0+fe05266f): NVIDIA's own Megatron-LM,
//   tools/retro/README.md, in the revision whose Dockerfile was based on `nvcr.io/nvidia/pytorch:23.04-py3`;
//   builds on that image print `Cuda compilation tools, release 12.1, V12.1.66` next to torch 2.1.0a0+fe05266.
// - 23.09 → 12.2.1: the same README at NVIDIA/Megatron-LM@4549b3dd, based on `nvcr.io/nvidia/pytorch:23.09-py3`.
// - 25.06 → 12.9.1, the last month on CUDA 12: the table of NGC images in wili-65535/trt-samples-for-hackathon-cn's
//   README.md (`nvcr.io/nvidia/pytorch:25.06-py3` | CUDA 12.9.1.010 | "Last version with CUDA 12"), which points at
//   NVIDIA's framework support matrix (docs.nvidia.com/deeplearning/frameworks/support-matrix).
// - 25.08 → 13.0: NVIDIA's release notes of that month's containers (Triton Inference Server Release 25.08,
//   https://docs.nvidia.com/deeplearning/triton-inference-server/release-notes/rel-25-08.html: "Release 25.08 is based
//   on CUDA 13.0.0.044"); NVIDIA's DGX Spark playbooks (NVIDIA/dgx-spark-playbooks, nvidia/llama-factory/README.md:
//   "This NVIDIA PyTorch container supports CUDA 13" of `nvcr.io/nvidia/pytorch:25.08-py3`).
// - 25.12 → 13.1.0: NVIDIA's release notes, rel-25-12.html.

/** `YY.MM` → the CUDA `major.minor` of that month's PyTorch image. */
const cudaOfMonth: Readonly<Record<string, string>> = {
  '20.02': '10.2',
  '20.06': '11.0',
  '20.12': '11.1',
  '23.04': '12.1',
  '23.09': '12.2',
  '25.06': '12.9',
  '25.08': '13.0',
  '25.12': '13.1',
};

/** The CUDA version of an NGC PyTorch image's tag (`23.04-py3`), or null when the month is not listed here. */
export function ngcPytorchCuda(tag: string): string | null {
  const month = /^(\d{2}\.\d{2})-/.exec(tag)?.[1];
  return month === undefined ? null : (cudaOfMonth[month] ?? null);
}

/**
 * The newest month listed here whose PyTorch image has a CUDA no newer than `cuda` (`12.9` → `25.06`), as
 * `nvcr.io/nvidia/pytorch:25.06-py3` with its CUDA; null when no listed month fits.
 */
export function ngcPytorchImageUpTo(cuda: string): { image: string; cuda: string } | null {
  const key = (v: string) => v.split('.').reduce((n, p) => n * 100 + Number(p), 0);
  const months = Object.keys(cudaOfMonth).filter((m) => key(cudaOfMonth[m]!) <= key(cuda)).sort((a, b) => key(a) - key(b));
  const month = months[months.length - 1];
  return month === undefined ? null : { image: `nvcr.io/nvidia/pytorch:${month}-py3`, cuda: cudaOfMonth[month]! };
}
