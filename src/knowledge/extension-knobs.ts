// Build-time environment variables of the big CUDA extensions, for the "the build ran out of memory /
// compiled for every arch / ignored my arch list" findings. Only knobs read in the package's own code.
//
// Sources:
// - torch.utils.cpp_extension: cpp_extension.py of the torch 2.13.0 wheel on this machine (2026-12-05):
//   `os.environ.get('TORCH_CUDA_ARCH_LIST')` (arch list for CUDAExtension) and
//   `os.environ.get('MAX_JOBS')` (ninja parallelism).
// - flash-attn: Dao-AILab/flash-attention setup.py: FLASH_ATTENTION_FORCE_BUILD and
//   FLASH_ATTENTION_SKIP_CUDA_BUILD (`== "TRUE"`), FLASH_ATTENTION_FORCE_CXX11_ABI,
//   FLASH_ATTN_CUDA_ARCHS (default "80;90;100;120" in 2.8.3; later "80;90;100;110;120") and
//   NVCC_THREADS (default "4", passed as `nvcc --threads`). It builds through torch's BuildExtension,
//   so MAX_JOBS applies too.
// - vllm: vllm/envs.py "Installation Time Env Vars": VLLM_TARGET_DEVICE (default "cuda"), MAX_JOBS,
//   NVCC_THREADS, VLLM_USE_PRECOMPILED.
// - RAPIDS cudf: its build.sh (rapidsai/cudf build.sh, 2021 tree, commit 002de60c): `PARALLEL_LEVEL=${PARALLEL_LEVEL:=$(nproc)}`,
//   then `cmake --build . -j${PARALLEL_LEVEL}` for libcudf and `setup.py build_ext -j${PARALLEL_LEVEL}` for the Python
//   packages: the explicit -j wins over CMAKE_BUILD_PARALLEL_LEVEL (cmake(1)), and MAX_JOBS is not read.
// Not verified, so not listed: xformers and apex knobs.

export interface Knob {
  name: string;
  effect: string;
  /** Default when unset, as the code reads it; null when it has none. */
  defaultValue: string | null;
  source: string;
}

const CPP_EXT = 'torch/utils/cpp_extension.py (torch 2.13.0 wheel, this machine 2026-12-05)';
const FA_SETUP = 'github.com/Dao-AILab/flash-attention setup.py';
const VLLM_ENVS = 'github.com/vllm-project/vllm vllm/envs.py (Installation Time Env Vars)';
const CUDF_BUILD_SH = 'github.com/rapidsai/cudf build.sh (commit 002de60c)';

const torchKnobs: readonly Knob[] = [
  { name: 'TORCH_CUDA_ARCH_LIST', effect: 'GPU architectures CUDAExtension compiles for (e.g. "8.0;8.6+PTX"); unset = the visible GPUs', defaultValue: null, source: CPP_EXT },
  { name: 'MAX_JOBS', effect: 'parallel ninja jobs; lower it when nvcc/cicc is killed for memory', defaultValue: null, source: CPP_EXT },
];

const knobs: Readonly<Record<string, readonly Knob[]>> = {
  'torch-cpp-extension': torchKnobs,
  'flash-attn': [
    { name: 'FLASH_ATTENTION_FORCE_BUILD', effect: '"TRUE" skips the prebuilt-wheel download and compiles', defaultValue: 'FALSE', source: FA_SETUP },
    { name: 'FLASH_ATTENTION_SKIP_CUDA_BUILD', effect: '"TRUE" builds without the CUDA extension (sdist/CI use)', defaultValue: 'FALSE', source: FA_SETUP },
    { name: 'FLASH_ATTENTION_FORCE_CXX11_ABI', effect: '"TRUE" forces the C++11 ABI', defaultValue: 'FALSE', source: FA_SETUP },
    { name: 'FLASH_ATTN_CUDA_ARCHS', effect: 'semicolon list of archs to build ("80;90"); TORCH_CUDA_ARCH_LIST does not narrow it', defaultValue: '80;90;100;120', source: `${FA_SETUP} (2.8.3; newer versions add 110)` },
    { name: 'NVCC_THREADS', effect: 'value of nvcc --threads per compile job', defaultValue: '4', source: FA_SETUP },
    { ...torchKnobs[1]!, source: `${CPP_EXT} (flash-attn builds through BuildExtension)` },
  ],
  vllm: [
    { name: 'VLLM_TARGET_DEVICE', effect: 'backend to build for', defaultValue: 'cuda', source: VLLM_ENVS },
    { name: 'MAX_JOBS', effect: 'parallel compile jobs', defaultValue: null, source: VLLM_ENVS },
    { name: 'NVCC_THREADS', effect: 'nvcc --threads per job', defaultValue: null, source: VLLM_ENVS },
    { name: 'VLLM_USE_PRECOMPILED', effect: '"1"/"true" reuses precompiled kernels instead of compiling them', defaultValue: null, source: VLLM_ENVS },
  ],
  'rapids-cudf': [
    { name: 'PARALLEL_LEVEL', effect: 'jobs build.sh passes as -j to cmake --build and setup.py build_ext', defaultValue: '$(nproc)', source: CUDF_BUILD_SH },
  ],
};

const aliases: Readonly<Record<string, string>> = {
  flash_attn: 'flash-attn',
  'flash-attention': 'flash-attn',
  torch: 'torch-cpp-extension',
  'torch.utils.cpp_extension': 'torch-cpp-extension',
  cpp_extension: 'torch-cpp-extension',
  cudf: 'rapids-cudf',
  libcudf: 'rapids-cudf',
};

/** The build knobs of a package (`flash-attn`, `flash_attn`, `vllm`, `torch.utils.cpp_extension`); [] when unknown. */
export function knobsFor(pkg: string): readonly Knob[] {
  const key = pkg.trim().toLowerCase();
  return knobs[aliases[key] ?? key] ?? [];
}

/** Packages with knobs in the table. */
export function packagesWithKnobs(): string[] {
  return Object.keys(knobs);
}
