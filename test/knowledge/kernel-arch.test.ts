// The `kernel-arch` enricher: the arch a kernel needs, the arch the build targeted, and lists from the needed one up.
import { describe, expect, test } from 'vitest';
import { kernelArchEnrich, requiredCapability, targetedArches } from '../../src/knowledge/kernel-arch-enricher.js';
import { makeModel, makeStep } from '../support/builders.js';
import { factsFor } from '../../src/facts/fact-view.js';
import type { FactValue } from '../../src/facts/types.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}

// Lines of vllm-project/vllm#1070 and EricLBuehler/candle-vllm#207 (fixtures/rules/cuda/kernel-needs-newer-arch/).
const MMA =
  "ptxas /tmp/tmpxft_00000226_00000000-11_gemm_kernels.compute_70.ptx, line 1008; error   : Feature '.m16n8k16' requires .target sm_80 or higher";
const LDMATRIX =
  "ptxas /tmp/tmpxft_00000226_00000000-11_gemm_kernels.compute_70.ptx, line 1834; error   : Feature 'ldmatrix' requires .target sm_75 or higher";
const BINDGEN =
  'nvcc error while executing compiling: "/usr/local/cuda/bin/nvcc" "--gpu-architecture=sm_70" "-c" "-o" "/candle-vllm/target/release/build/kernels-87cc596659109053/out/marlin_matmul_awq_f16-ada287252f114cdc.o"';

describe('kernel arch', () => {
  test('the needed arch is the highest one the errors name', () => {
    expect(requiredCapability([LDMATRIX, MMA])).toBe(80);
    expect(requiredCapability(['ptxas fatal   : Ptx assembly aborted due to errors'])).toBeNull();
  });

  test('the targeted arch comes from the PTX file name or the nvcc command, only below the needed one', () => {
    expect(targetedArches([MMA], 80)).toEqual(['sm_70']);
    expect(targetedArches([BINDGEN], 75)).toEqual(['sm_70']);
    expect(targetedArches(['nvcc -gencode arch=compute_80,code=sm_80 x.cu'], 80)).toEqual([]);
  });

  test('with the CUDA version known, lists of the common GPUs from the needed arch up that it compiles', () => {
    const facts = factsFor({ cuda: [fact('11.8', 'image-tag')] }, null, makeModel());
    expect(kernelArchEnrich({}, makeStep({ tail: [LDMATRIX, MMA] }), makeModel(), facts)).toMatchObject({
      required: 'sm_80',
      requiredDotted: '8.0',
      targeted: 'sm_70',
      torchArchList: '8.0;8.6;8.9;9.0+PTX',
      cmakeArchList: '80;86;89;90',
    });
  });

  test('with the CUDA version unknown, the needed arch alone; nothing without a needed arch', () => {
    const facts = factsFor({}, null, makeModel());
    expect(kernelArchEnrich({}, makeStep({ tail: [MMA] }), makeModel(), facts)).toMatchObject({
      torchArchList: '8.0+PTX',
      cmakeArchList: '80',
      gencode: '-gencode arch=compute_80,code=sm_80',
      requiredCap: '80',
    });
    expect(kernelArchEnrich({}, makeStep({ tail: [BINDGEN] }), makeModel(), facts)).toEqual({});
  });
});
