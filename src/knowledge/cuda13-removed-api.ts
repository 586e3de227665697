// CUDA 12 source that CUDA 13 no longer compiles: names CUDA 13.0 removed from the runtime API and from the CCCL
// (Thrust / CUB / libcu++) 3.0 it ships, each with its replacement. Only entries checked against a source:
//
// - cudaDeviceProp fields: the `struct cudaDeviceProp` of CUDA 13.0's include/driver_types.h (toolkit 13.0.88,
//   installed here; `#define CUDART_VERSION 13000` in cuda_runtime_api.h) has no clockRate, memoryClockRate,
//   computeMode, kernelExecTimeoutEnabled or deviceOverlap, and nvcc 13.0 says `class "cudaDeviceProp" has no member
//   "clockRate"` on a use of one (compiled here). The same header's `enum cudaDeviceAttr` has cudaDevAttrClockRate
//   (13, "Peak clock frequency in kilohertz"), cudaDevAttrMemoryClockRate (36, "Peak memory clock frequency in
//   kilohertz"), cudaDevAttrComputeMode (20) and cudaDevAttrKernelExecTimeout (17), read with cudaDeviceGetAttribute;
//   asyncEngineCount, which CUDA's own docs name as deviceOverlap's replacement ("Deprecated. Use instead
//   asyncEngineCount", cudaDeviceProp::deviceOverlap), is still a field. CUDA 13.0's release notes list the change
//   under "Changes to cudaDeviceProperties structure" (cited so by libeigen/eigen#3000).
// - CUB functors: CCCL's "CCCL 2.x ‐ CCCL 3.0 migration guide" (NVIDIA/cccl docs/cccl/3.0_migration_guide.rst,
//   https://nvidia.github.io/cccl/cccl/3.0_migration_guide.html), "Removed functions and classes": `cub::Sum: Use
//   cuda::std::plus instead`, `cub::Max: Use cuda::maximum`, `cub::Min: Use cuda::minimum`, `cub::Difference: Use
//   cuda::std::minus`. CUDA 13.0 ships CUB 3.0.1 (release notes, table "CUDA 13.0 Component Versions"; CUB_VERSION
//   300001 in the 13.0 toolkit here). nvcc 13.0 rejects the four (`namespace "cub" has no member "Max"`) and compiles
//   their replacements from <cuda/functional> and <cuda/std/functional> (checked here).
// - Thrust headers no longer included by others: NVIDIA/cuopt#996 (CUDA 13.1.1's CCCL, `thrust::make_transform_output_iterator`
//   resolved before only through transitive includes); it is declared in <thrust/iterator/transform_output_iterator.h>
//   (present in CUDA 13.0's include/cccl/thrust/iterator/).

export interface RemovedApi {
  /** The name as the compiler prints it: the member in `has no member "X"`. */
  readonly member: string;
  /** What the compiler says it is not a member of. */
  readonly owner: 'cudaDeviceProp' | 'cub' | 'thrust';
  /** `removed`: CUDA 13.0 / CCCL 3.0 deleted it; `not-included`: it exists, its header is no longer pulled in. */
  readonly kind: 'removed' | 'not-included';
  /** The release that removed it, as the message says it. */
  readonly removedIn: string;
  /** The code to write instead, one line of C++. */
  readonly replacement: string;
  /** The header the replacement needs. */
  readonly header: string;
}

export const cuda13RemovedApis: readonly RemovedApi[] = [
  { member: 'clockRate', owner: 'cudaDeviceProp', kind: 'removed', removedIn: 'CUDA 13.0', replacement: 'cudaDeviceGetAttribute(&khz, cudaDevAttrClockRate, device)', header: 'cuda_runtime.h' },
  { member: 'memoryClockRate', owner: 'cudaDeviceProp', kind: 'removed', removedIn: 'CUDA 13.0', replacement: 'cudaDeviceGetAttribute(&khz, cudaDevAttrMemoryClockRate, device)', header: 'cuda_runtime.h' },
  { member: 'computeMode', owner: 'cudaDeviceProp', kind: 'removed', removedIn: 'CUDA 13.0', replacement: 'cudaDeviceGetAttribute(&mode, cudaDevAttrComputeMode, device)', header: 'cuda_runtime.h' },
  { member: 'kernelExecTimeoutEnabled', owner: 'cudaDeviceProp', kind: 'removed', removedIn: 'CUDA 13.0', replacement: 'cudaDeviceGetAttribute(&on, cudaDevAttrKernelExecTimeout, device)', header: 'cuda_runtime.h' },
  { member: 'deviceOverlap', owner: 'cudaDeviceProp', kind: 'removed', removedIn: 'CUDA 13.0', replacement: 'prop.asyncEngineCount > 0', header: 'cuda_runtime.h' },
  { member: 'Sum', owner: 'cub', kind: 'removed', removedIn: 'CCCL 3.0 (CUDA 13.0)', replacement: 'cuda::std::plus<>()', header: 'cuda/std/functional' },
  { member: 'Max', owner: 'cub', kind: 'removed', removedIn: 'CCCL 3.0 (CUDA 13.0)', replacement: 'cuda::maximum<>()', header: 'cuda/functional' },
  { member: 'Min', owner: 'cub', kind: 'removed', removedIn: 'CCCL 3.0 (CUDA 13.0)', replacement: 'cuda::minimum<>()', header: 'cuda/functional' },
  { member: 'Difference', owner: 'cub', kind: 'removed', removedIn: 'CCCL 3.0 (CUDA 13.0)', replacement: 'cuda::std::minus<>()', header: 'cuda/std/functional' },
  {
    member: 'make_transform_output_iterator',
    owner: 'thrust',
    kind: 'not-included',
    removedIn: 'the CCCL of CUDA 13',
    replacement: 'thrust::make_transform_output_iterator(…)',
    header: 'thrust/iterator/transform_output_iterator.h',
  },
];
