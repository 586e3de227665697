// Installing a CUDA toolkit on a machine (a host shell, not an image build) of the release torch was built for:
// an extension compiled for torch must use nvcc of torch's CUDA major.minor (torch.utils.cpp_extension checks the two).
// - conda: NVIDIA's channel keeps each release under a label `nvidia/label/cuda-<major>.<minor>.<patch>`, from
//   cuda-11.3.0 on (anaconda.org/nvidia/cuda, its "conda install nvidia/label/cuda-11.3.0::cuda" … list), and every
//   minor has its `.0` label; `cuda-toolkit` is the meta-package of "all toolkit packages for CUDA development"
//   (anaconda.org/nvidia/cuda-toolkit). conda puts nvcc in `$CONDA_PREFIX/bin`, so CUDA_HOME is the environment
//   itself (as conda-forge's tiny-cuda-nn recipe sets `CUDA_HOME=$PREFIX`).
// - otherwise NVIDIA's own installers, one page per release: https://developer.nvidia.com/cuda-toolkit-archive.
// The release is read from torch, never guessed: `torch.version.cuda` prints `12.1` (None for a CPU-only torch).

/** Shell lines (```sh) that install torch's CUDA toolkit into the active conda environment and point the build at it. */
export const CONDA_TOOLKIT_BLOCK: readonly string[] = [
  '```sh',
  'CUDA_RELEASE=$(python -c "import torch; print(torch.version.cuda)")',
  'echo "$CUDA_RELEASE"',
  'conda install -y -c "nvidia/label/cuda-${CUDA_RELEASE}.0" cuda-toolkit',
  'export CUDA_HOME="$CONDA_PREFIX"',
  'nvcc --version',
  '```',
];

/** The same for a machine without conda, in one sentence. */
export const NVIDIA_INSTALLER_NOTE =
  "Without conda, install that release with NVIDIA's installer for the distribution (https://developer.nvidia.com/cuda-toolkit-archive), " +
  'then `export CUDA_HOME=/usr/local/cuda` and `export PATH="$CUDA_HOME/bin:$PATH"` (`ls -d /usr/local/cuda*` shows where it went).';
