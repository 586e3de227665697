// The shell lines that find an installed CUDA toolkit and put it on PATH: shared by the findings
// that end in "no nvcc" (torch's CUDA_HOME error, nvcc not found, flash-attn without a toolkit).
// `CUDA_HOME` first: torch.utils.cpp_extension reads it before it looks for nvcc on PATH.
export const toolkitOnPathBlock: readonly string[] = [
  '```sh',
  'ls -d /usr/local/cuda*/bin/nvcc',
  'export CUDA_HOME=/usr/local/cuda',
  'export PATH="$CUDA_HOME/bin:$PATH"',
  'nvcc --version',
  '```',
];
