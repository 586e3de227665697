// Installing a CUDA toolkit on a machine (a host shell, not an image build) of the release torch was built for:
// an extension compiled for torch must use nvcc of torch's CUDA major.minor (torch.utils.cpp_extension checks the two).
// - conda: NVIDIA's channel keeps each release under a label `nvidia/label/cuda-<major>.<minor>.<patch>`, from
//   cuda-11.3.0 on (anaconda.org/nvidia/cuda, its "conda install nvidia/label/cuda-11.3.0::cuda" … list), and every
//   minor has its `.0` label (anaconda.org/nvidia/cuda-libraries lists cuda-11.3.0 … cuda-11.8.0, cuda-12.0.0 …
//   cuda-12.6.0, cuda-12.8.0, cuda-12.9.0, cuda-13.0.0 …; there was no CUDA 12.7); `cuda-toolkit` is the meta-package of
//   "all toolkit packages for CUDA development" (anaconda.org/nvidia/cuda-toolkit; conda/conda#13948 installs it from
//   `nvidia/label/cuda-11.4.4`). conda puts nvcc in `$CONDA_PREFIX/bin`, so CUDA_HOME is the environment itself (as
//   conda-forge's tiny-cuda-nn recipe sets `CUDA_HOME=$PREFIX`).
// - The headers are not where torch looks: the CUDA 12+ conda packages put them in `$CONDA_PREFIX/targets/<arch>/include`
//   (`x86_64-linux`; `sbsa-linux` for linux-aarch64, per cuda-nvcc's activate.sh quoted in getkeops/keops#419), not in `$CONDA_PREFIX/include` (NVlabs/nvdiffrast#221 for the nvidia
//   channel's cuda-toolkit, conda-forge/pytorch-cpu-feedstock#487), while torch.utils.cpp_extension's include_paths() adds
//   `$CUDA_HOME/include` only, plus `$CUDA_INC_PATH` from torch 2.4 (pytorch/pytorch#126808). nvcc finds them itself; the
//   C++ compiler of the `.cpp` files does not (`cuda_runtime_api.h: No such file or directory`). CPATH reaches it on every
//   torch: GCC reads CPATH as a list of `-I` directories (GCC manual, "Environment Variables"); a directory that does not
//   exist (NVIDIA's 11.x packages, with headers in `include/`) is skipped.
// - otherwise NVIDIA's own installers, one page per release: https://developer.nvidia.com/cuda-toolkit-archive.
// The release is read from torch, never guessed: `torch.version.cuda` prints `12.1` (None for a CPU-only torch).

/** Shell lines (```sh) that install torch's CUDA toolkit into the active conda environment and point the build at it. */
export const CONDA_TOOLKIT_BLOCK: readonly string[] = [
  '```sh',
  'CUDA_RELEASE=$(python -c "import torch; print(torch.version.cuda)")',
  'echo "$CUDA_RELEASE"',
  'conda install -y -c "nvidia/label/cuda-${CUDA_RELEASE}.0" cuda-toolkit',
  'export CUDA_HOME="$CONDA_PREFIX"',
  'export CPATH="$CONDA_PREFIX/targets/$(uname -m | sed s/aarch64/sbsa/)-linux/include${CPATH:+:$CPATH}"',
  'nvcc --version',
  '```',
];

/** The same for a machine without conda, in one sentence. */
export const NVIDIA_INSTALLER_NOTE =
  "Without conda, install that release with NVIDIA's installer for the distribution (https://developer.nvidia.com/cuda-toolkit-archive), " +
  'then `export CUDA_HOME=/usr/local/cuda` and `export PATH="$CUDA_HOME/bin:$PATH"` (`ls -d /usr/local/cuda*` shows where it went).';
