// Triton's launcher helper (`cuda_utils.so`, which Triton compiles at run time and caches under ~/.triton/cache) calls
// the CUDA driver API directly, and from the releases that support Hopper's tensor memory accelerator it calls
// `cuTensorMapEncodeTiled`, a function of the driver API's tensor map section. That section is new in CUDA 12.0: the
// CUDA 12.0.0 Driver API reference has it as "6.29. Tensor Core Managment" listing cuTensorMapEncodeIm2col,
// cuTensorMapEncodeTiled and cuTensorMapReplaceAddress (docs.nvidia.com/cuda/archive/12.0.0/cuda-driver-api/
// group__CUDA__TENSOR__MEMORY.html), and the toolkit's cudaTypedefs.h names each entry point's pointer type after the
// CUDA release that introduced it: `PFN_cuTensorMapEncodeTiled_v12000` (12.0; checked in a CUDA 13.0 toolkit's
// include/cudaTypedefs.h, beside e.g. `PFN_cuDriverGetVersion_v2020`). The function lives in the driver (`libcuda`), so
// a driver for CUDA 11.x has no such symbol and loading the helper fails with `undefined symbol: cuTensorMapEncodeTiled`
// (triton-lang/triton#2062: an A100 machine with CUDA 11.8 and the latest Triton; the maintainer: "Installing cuda 12
// should solve this"). The driver CUDA 12.0 needs is the first of its release (NVIDIA's release notes, Table 3:
// knowledge/cuda-release-drivers.ts). Clearing the cache does not help: the helper is built again against the same driver.
// Another library calling the same functions (a CUDA 12 build of some extension) fails the same way on the same driver,
// and also on a CUDA 12 driver when it was built without linking the driver library: NVIDIA/cutlass#1624, a PyTorch
// extension with CUTLASS 3.5.1's TMA code, `undefined symbol: cuTensorMapEncodeTiled` at import; the thread's remedies are
// `libraries = ["cuda"]` in the `CUDAExtension` and, as a stop-gap, `LD_PRELOAD` of libcuda. So outside Triton (whose
// helper is compiled with `-lcuda`) the finding names both causes, the driver's version telling them apart.
// Not this rule: `undefined symbol` of a torch or C++ name (runtime/torch-symbol-mismatch, runtime/library-symbol-mismatch).
import type { RuleInput } from '../../schema.js';
import { firstDriversFor } from '../../../knowledge/cuda-release-drivers.js';
import { PATH_CHAR } from '../../path-chars.js';

const CUDA12 = firstDriversFor('12.0')!;
const DRIVER_12 =
  `on Linux ${CUDA12.linux} or later` + (CUDA12.windows ? `, on Windows ${CUDA12.windows} or later` : '') + ', the first drivers of CUDA 12.0';

const CHECK_DRIVER = [
  'Check which CUDA the driver supports (the "CUDA Version" in the header of `nvidia-smi` is the driver\'s, not the toolkit\'s):',
  '',
  '```sh',
  'nvidia-smi',
  '```',
  '',
];

export const tritonDriverTooOld: RuleInput = {
  id: 'runtime/triton-driver-too-old',
  title: 'A CUDA 12 driver function is missing: undefined symbol cuTensorMap…',
  severity: 'error',
  match: [
    // `ImportError: /home/u/.triton/cache/c6a7…/cuda_utils.so: undefined symbol: cuTensorMapEncodeTiled`
    {
      literals: ['undefined symbol: cuTensorMap'],
      pattern: `(?:(?<lib>/${PATH_CHAR}{1,300}\\.so(?:\\.[\\d.]+)?): )?undefined symbol: (?<symbol>cuTensorMap\\w{1,40})`,
    },
  ],
  context: [
    // the library is Triton's helper: its cache directory or its package
    { name: 'triton', literals: ['triton', 'cuda_utils.so'], pattern: '/\\.triton/cache/|/triton/|cuda_utils\\.so' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    '`{lib|A library}` calls `{symbol}`, a CUDA driver API function that drivers of CUDA 12.0 and later have, and the loader found it ' +
    'nowhere: either the NVIDIA driver (`libcuda`) this machine loads is one for an older CUDA (11.x), or the library was built ' +
    'without linking the driver library, so its symbols are not looked up there (NVIDIA/cutlass#1624).',
  fix: [
    ...CHECK_DRIVER,
    `Below 12.0, update the NVIDIA driver to one for CUDA 12 (${DRIVER_12}), or install a build of the library made for the CUDA ` +
      'your driver supports.',
    '',
    'At 12.0 or above, the library was linked without the driver library: rebuild it linked against it (a PyTorch extension: ' +
      '`libraries=["cuda"]` in its `CUDAExtension(...)`; CMake: link `CUDA::cuda_driver`; otherwise `-lcuda`). As a stop-gap, ' +
      'preload the driver library before the program starts: `export LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libcuda.so` ' +
      '(`ldconfig -p | grep libcuda` shows where it is on this system).',
  ].join('\n'),
  variants: [
    {
      when: 'triton',
      title: 'This Triton needs a CUDA 12 driver (undefined symbol cuTensorMap…)',
      message:
        'Triton\'s launcher helper calls `{symbol}`, a CUDA driver API function that drivers of CUDA 12.0 and later have, and the NVIDIA driver ' +
        '(`libcuda`) this machine loads lacks it: it is a driver for an older CUDA (11.x). This Triton release needs a CUDA 12 driver.',
      fix: [
        ...CHECK_DRIVER,
        `Below 12.0, either update the NVIDIA driver to one for CUDA 12 (${DRIVER_12}), or install the Triton release that your torch ` +
          'was built with (torch names it in its requirements: ' +
          '`python -c "import importlib.metadata as m; print([r for r in m.requires(\'torch\') or [] if r.startswith(\'triton\')])"`). ' +
          'Clearing `~/.triton/cache` alone does not help: the helper is built again against the same driver.',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.nvidia.com/cuda/archive/12.0.0/cuda-driver-api/group__CUDA__TENSOR__MEMORY.html',
};
