// Code written for CUDA 12 compiled by CUDA 13: nvcc stops on a name CUDA 13.0 removed from the runtime API
// (`class "cudaDeviceProp" has no member "clockRate"`, microsoft/superbenchmark#768, Line-fr/Vship#24), on a CUB
// functor CCCL 3.0 removed (`namespace "cub" has no member "Sum"`, paboyle/Grid#487; `"Max"`, microsoft/onnxruntime#24774),
// or on a Thrust function whose header CUDA 13's CCCL no longer includes from others (NVIDIA/cuopt#996). Which names,
// their replacements and sources: src/knowledge/cuda13-removed-api.ts. Only those names match: `has no member` on any
// other type or name is the project's own error (nvcc says `class "Foo" has no member "clockRate"` for a struct of the
// project's, compiled here).
// Two ways out, as the threads took them: port the code (the replacement, under `#if CUDART_VERSION >= 13000` where
// it must still build with CUDA 12: CUDART_VERSION is 13000 in CUDA 13.0's cuda_runtime_api.h, and the psc-code/psc
// and Reactant.jl fixes guard so), or build with a CUDA 12 toolkit. The image named is a published CUDA 12 `-devel`
// tag (nvidia/cuda:12.9.1-devel-ubuntu24.04, cuda-image-tags.ts).
import { cuda13RemovedApis, type RemovedApi } from '../../../knowledge/cuda13-removed-api.js';
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

type Owner = RemovedApi['owner'];

const CUDA12_IMAGE = 'nvidia/cuda:12.9.1-devel-ubuntu24.04';

function entries(owner: Owner): readonly RemovedApi[] {
  return cuda13RemovedApis.filter((a) => a.owner === owner);
}

function names(owner: Owner): string {
  return entries(owner).map((a) => a.member).join('|');
}

const MEMBERS = { prop: names('cudaDeviceProp'), cub: names('cub'), thrust: names('thrust') };

const MESSAGES: Record<Owner, string> = {
  cudaDeviceProp:
    'The code reads `cudaDeviceProp` fields that CUDA 13.0 removed ({member:all}): it was written for CUDA 12 and is ' +
    'compiled here by CUDA 13. The values are still there, read one by one with `cudaDeviceGetAttribute`.',
  cub:
    'The code uses CUB functors that CCCL 3.0, the Thrust / CUB / libcu++ of CUDA 13.0, removed (`cub::{member:all}`): it ' +
    'was written for CUDA 12 (CCCL 2.x) and is compiled here by CUDA 13. libcu++ has the same function objects.',
  thrust:
    '`thrust::{member:all}` is not declared by the headers this file includes. Code that compiled on CUDA 12 got it through ' +
    'other Thrust headers; the CCCL of CUDA 13 no longer includes its header from them, so the file must include it itself.',
};

/** Code that must build with CUDA 12 and 13 alike: the CUDA 13 lines and the CUDA 12 ones under `CUDART_VERSION`. */
function keepBoth(cuda13: string[], cuda12: string[]): string[] {
  return ['Where the code must still build with CUDA 12, keep both:', '', '```cpp', '#if CUDART_VERSION >= 13000', ...cuda13, '#else', ...cuda12, '#endif', '```'];
}

function portFix(owner: Owner): string {
  const table = entries(owner)
    .map((a) => {
      if (owner === 'cudaDeviceProp') return `- \`prop.${a.member}\` → \`${a.replacement}\``;
      if (a.kind === 'not-included') return `- \`${owner}::${a.member}\`: \`#include <${a.header}>\``;
      return `- \`${owner}::${a.member}\` → \`${a.replacement}\` (\`#include <${a.header}>\`)`;
    })
    .join('\n');
  switch (owner) {
    case 'cudaDeviceProp':
      return [
        'Port the code: read each removed field with `cudaDeviceGetAttribute` (same value, an `int` in kHz for the clocks):',
        '',
        table,
        '',
        ...keepBoth(['int clockKhz = 0;', 'cudaDeviceGetAttribute(&clockKhz, cudaDevAttrClockRate, device);'], ['int clockKhz = prop.clockRate;']),
      ].join('\n');
    case 'cub':
      return [
        'Port the code to the libcu++ function objects (CCCL 3.0 migration guide):',
        '',
        table,
        '',
        ...keepBoth(
          ['#include <cuda/functional>', '#include <cuda/std/functional>', 'using SumOp = cuda::std::plus<>;', 'using MaxOp = cuda::maximum<>;'],
          ['using SumOp = cub::Sum;', 'using MaxOp = cub::Max;'],
        ),
        '',
        'and write `SumOp()` / `MaxOp()` where the code had `cub::Sum()` / `cub::Max()`.',
      ].join('\n');
    case 'thrust':
      return ['Include the header that declares it, in the file the compiler names:', '', table, '', 'This compiles with CUDA 12 as well.'].join('\n');
  }
}

const PIN_IMAGE = [
  'Or build with a CUDA 12 toolkit until the code is ported: a CUDA 12 `-devel` base image, for example',
  '',
  '```dockerfile',
  `FROM ${CUDA12_IMAGE}`,
  '```',
  '',
  '(pick the OS at https://hub.docker.com/r/nvidia/cuda/tags?name=12.9). A release of the project that supports CUDA 13 is the third way.',
].join('\n');

const PIN_SHELL = [
  'Or build with a CUDA 12 toolkit until the code is ported: install one next to CUDA 13 (https://developer.nvidia.com/cuda-toolkit-archive) ' +
    'and build with it, `export CUDA_HOME=/usr/local/cuda-12.9 PATH=/usr/local/cuda-12.9/bin:$PATH` (CMake: ' +
    '`-DCMAKE_CUDA_COMPILER=/usr/local/cuda-12.9/bin/nvcc` on a fresh build directory), or build in a CUDA 12 image ' +
    `(\`${CUDA12_IMAGE}\`). A release of the project that supports CUDA 13 is the third way.`,
].join('\n');

function variants(): Variant[] {
  const out: Variant[] = [];
  for (const [ctx, owner] of [['prop', 'cudaDeviceProp'], ['cub', 'cub'], ['thrust', 'thrust']] as const) {
    const pin = owner !== 'thrust';
    out.push({
      when: `${ctx}&fact.place=image-build`,
      message: MESSAGES[owner],
      fix: pin ? [portFix(owner), '', PIN_IMAGE].join('\n') : portFix(owner),
    });
    out.push({ when: ctx, message: MESSAGES[owner], fix: pin ? [portFix(owner), '', PIN_SHELL].join('\n') : portFix(owner) });
  }
  return out;
}

export const cuda13RemovedApi: RuleInput = {
  id: 'cuda/cuda13-removed-api',
  title: 'CUDA 12 code compiled with CUDA 13: a removed or moved API',
  severity: 'error',
  match: [
    // nvcc (EDG): `error: class "cudaDeviceProp" has no member "memoryClockRate"`
    { literals: ['"cudaDeviceProp" has no member'], pattern: `"cudaDeviceProp" has no member "(?<member>${MEMBERS.prop})"` },
    // gcc, a .cpp compiled by the host compiler: `error: ‘struct cudaDeviceProp’ has no member named ‘memoryClockRate’` (compiled here)
    {
      literals: ["cudaDeviceProp’ has no member named", "cudaDeviceProp' has no member named"],
      pattern: `cudaDeviceProp['’] has no member named ['‘](?<member>${MEMBERS.prop})['’]`,
    },
    // nvcc: `error: namespace "cub" has no member "Sum"`, `… "thrust" has no member "make_transform_output_iterator"`
    { literals: ['namespace "cub" has no member'], pattern: `namespace "cub" has no member "(?<member>${MEMBERS.cub})"` },
    { literals: ['namespace "thrust" has no member'], pattern: `namespace "thrust" has no member "(?<member>${MEMBERS.thrust})"` },
  ],
  context: [
    { name: 'prop', literals: ['cudaDeviceProp'] },
    { name: 'cub', literals: ['namespace "cub" has no member'] },
    { name: 'thrust', literals: ['namespace "thrust" has no member'] },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message: MESSAGES.cudaDeviceProp,
  fix: [portFix('cudaDeviceProp'), '', PIN_SHELL].join('\n'),
  variants: variants(),
  docs: 'https://nvidia.github.io/cccl/cccl/3.0_migration_guide.html',
};
