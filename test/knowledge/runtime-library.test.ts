import { describe, expect, it } from 'vitest';
import { missingLibraries, sameImage } from '../../src/knowledge/runtime-library.js';
import type { BuildFacts, FactValue } from '../../src/facts/types.js';
import { makeModel, makeStep } from '../support/builders.js';

function base(value: string, stage: string): FactValue {
  return { value, source: 'from', evidence: `FROM ${value}`, line: 1, stage, step: 1 };
}

const LINK = 'RUN nvcc -shared -o /opt/app/libops.so ops.cu -lcudnn -lcupti -lnccl';

/** A builder on `builderImage` that links, and a final stage on `finalImage` that copies the result and runs `extra`. */
function build(builderImage: string, finalImage: string, extra: string[] = [], copy = 'COPY --from=builder /opt/app /opt/app') {
  const steps = [
    makeStep({ id: 1, stage: 'builder', instruction: `FROM ${builderImage}` }),
    makeStep({ id: 2, stage: 'builder', instruction: LINK }),
    makeStep({ id: 3, stage: 'final', instruction: `FROM ${finalImage}` }),
    makeStep({ id: 4, stage: 'final', instruction: copy }),
    ...extra.map((instruction, i) => makeStep({ id: 5 + i, stage: 'final', instruction })),
  ];
  const facts: BuildFacts = { baseImage: [base(builderImage, 'builder'), base(finalImage, 'final')] };
  return missingLibraries(makeModel({ steps }), facts);
}

const libraries = (found: ReturnType<typeof build>) => found.map((m) => m.values.library);

describe('missingLibraries', () => {
  it('knows what each nvidia/cuda flavour lacks', () => {
    // base: the CUDA runtime alone; runtime: + NCCL; cudnn tags: + cuDNN; CUPTI only in devel
    expect(libraries(build('nvidia/cuda:12.4.1-devel-ubuntu22.04', 'nvidia/cuda:12.4.1-base-ubuntu22.04'))).toEqual(['cuDNN', 'CUPTI', 'NCCL']);
    expect(libraries(build('nvidia/cuda:12.4.1-devel-ubuntu22.04', 'nvidia/cuda:12.4.1-runtime-ubuntu22.04'))).toEqual(['cuDNN', 'CUPTI']);
    expect(libraries(build('nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04', 'nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04'))).toEqual(['CUPTI']);
    expect(build('nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04', 'nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04')).toEqual([]);
  });

  it('takes a plain distro image as holding no CUDA library, and an unknown image as unknown', () => {
    expect(libraries(build('nvidia/cuda:12.4.1-devel-ubuntu22.04', 'python:3.11-slim'))).toEqual(['cuDNN', 'CUPTI', 'NCCL']);
    expect(libraries(build('nvidia/cuda:12.4.1-devel-ubuntu22.04', 'docker.io/library/ubuntu:22.04'))).toEqual(['cuDNN', 'CUPTI', 'NCCL']);
    expect(build('nvidia/cuda:12.4.1-devel-ubuntu22.04', 'ghcr.io/acme/runtime:1.0')).toEqual([]);
  });

  it('stays silent when the stage installs or copies the library itself', () => {
    const devel = 'nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04';
    const runtime = 'nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04';
    expect(build(devel, runtime, ['RUN apt-get update && apt-get install -y --no-install-recommends cuda-cupti-12-4'])).toEqual([]);
    expect(build(devel, runtime, ['COPY --from=builder /usr/local/cuda/lib64/libcupti.so.12 /usr/local/lib/'])).toEqual([]);
    expect(libraries(build(devel, 'nvidia/cuda:12.4.1-base-ubuntu22.04', ['RUN pip install nvidia-cudnn-cu12==9.1.0.70']))).toEqual(['CUPTI', 'NCCL']);
  });

  it('stays silent when the copy does not carry the linked file', () => {
    expect(build('nvidia/cuda:12.4.1-devel-ubuntu22.04', 'python:3.11-slim', [], 'COPY --from=builder /opt/models /opt/models')).toEqual([]);
  });

  it('fits the fix to the runtime image', () => {
    const [cudnn, cupti] = build('nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04', 'nvidia/cuda:12.4.1-runtime-ubuntu22.04');
    expect(cudnn?.values.remedy).toBe(
      "Or start this stage from nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04, the builder's cuDNN on this stage's CUDA and OS, or install libcudnn9-cuda-12 here.",
    );
    expect(cupti?.values.remedy).toContain('cuda-cupti-12-4');
    expect(cupti?.values.program).toBe('/opt/app/libops.so');
    const [slim] = build('nvidia/cuda:11.8.0-cudnn8-devel-ubuntu22.04', 'python:3.11-slim');
    expect(slim?.values.remedy).toBeUndefined();
    expect(slim?.values.libDir).toBe('<the directory the builder linked it from>');
    expect(cupti?.values.linkedBy).toBe('-lcupti in builder ?/?');
  });

  it('does not report a stage that another stage copies from', () => {
    const steps = [
      makeStep({ id: 1, stage: 'builder', instruction: 'FROM nvidia/cuda:12.4.1-devel-ubuntu22.04' }),
      makeStep({ id: 2, stage: 'builder', instruction: LINK }),
      makeStep({ id: 3, stage: 'collect', instruction: 'FROM debian:12' }),
      makeStep({ id: 4, stage: 'collect', instruction: 'COPY --from=builder /opt/app /opt/app' }),
      makeStep({ id: 5, stage: 'final', instruction: 'COPY --from=collect /opt/app /opt/app' }),
    ];
    const facts: BuildFacts = { baseImage: [base('nvidia/cuda:12.4.1-devel-ubuntu22.04', 'builder'), base('debian:12', 'collect')] };
    expect(missingLibraries(makeModel({ steps }), facts)).toEqual([]);
  });
});

describe('sameImage', () => {
  it('a registry prefix, library/ and the default tag name the same image', () => {
    expect(sameImage('docker.io/library/debian:12', 'debian:12')).toBe(true);
    expect(sameImage('debian', 'debian:latest')).toBe(true);
    expect(sameImage('debian', 'debian:12')).toBe(false);
    expect(sameImage('localhost:5000/tools', 'localhost:5000/tools:latest')).toBe(true);
  });
});
