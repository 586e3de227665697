import { describe, expect, it } from 'vitest';
import { exportStep, toolkitCopyOf } from '../../src/knowledge/toolkit-copy.js';
import type { BuildFacts, FactValue } from '../../src/facts/types.js';
import { makeModel, makeStep } from '../support/builders.js';

function fact(value: string, source: string, stage: string, evidence = value): FactValue {
  return { value, source, evidence, line: 1, stage, step: 1 };
}

const develBuilder: BuildFacts = { baseImage: [fact('nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04', 'from', 'builder')] };
const nvccBuilder: BuildFacts = { cuda: [fact('12.4', 'nvcc', 'builder', 'Cuda compilation tools, release 12.4, V12.4.131')] };
const slimBuilder: BuildFacts = { baseImage: [fact('python:3.11-slim', 'from', 'builder')] };

const copy = (instruction: string, facts: BuildFacts, model = makeModel()) => toolkitCopyOf(makeStep({ instruction, stage: 'runtime' }), model, facts);

describe('toolkitCopyOf', () => {
  it.each([
    'COPY --from=builder /usr/local /usr/local',
    'COPY --from=builder /usr/local/ /usr/local/',
    'COPY --chown=1000:1000 --from=builder /usr/local/cuda /usr/local/cuda',
    'COPY --from=builder /usr/local/cuda-12.4 /usr/local/cuda-12.4',
    'COPY --from=builder / /',
  ])('takes %s out of a devel stage as the toolkit copied whole', (instruction) => {
    expect(copy(instruction, develBuilder)).toMatchObject({ from: 'builder', proof: 'its base image nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04 is a devel image' });
  });

  it('takes nvcc having run in the stage as proof of a toolkit', () => {
    const found = copy('COPY --from=builder /usr/local /usr/local', nvccBuilder);
    expect(found?.proof).toBe('the CUDA 12.4 compiler ran in it (Cuda compilation tools, release 12.4, V12.4.131)');
    expect(found?.runtimeImage).toBeNull();
  });

  it('names the runtime image of the same release as the devel one', () => {
    expect(copy('COPY --from=builder /usr/local /usr/local', develBuilder)?.runtimeImage).toBe('nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04');
    const torchDevel: BuildFacts = { baseImage: [fact('pytorch/pytorch:2.5.1-cuda12.4-cudnn9-devel', 'from', 'builder')] };
    expect(copy('COPY --from=builder /usr/local/cuda /usr/local/cuda', torchDevel)?.runtimeImage).toBe('pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime');
  });

  it('reads a devel image named in --from itself', () => {
    expect(copy('COPY --from=nvidia/cuda:12.1.1-devel-ubuntu22.04 /usr/local/cuda /usr/local/cuda', {})?.proof).toBe('nvidia/cuda:12.1.1-devel-ubuntu22.04 is a devel image');
  });

  it('names unnamed stages as BuildKit does', () => {
    const facts: BuildFacts = { baseImage: [fact('nvidia/cuda:12.4.1-devel-ubuntu22.04', 'from', 'stage-0')] };
    expect(copy('COPY --from=0 /usr/local /usr/local', facts)?.from).toBe('0');
  });

  it.each([
    ['a python image prefix', 'COPY --from=builder /usr/local /usr/local', slimBuilder],
    ['a part of the prefix', 'COPY --from=builder /usr/local/lib/python3.10/dist-packages /usr/local/lib/python3.10/dist-packages', develBuilder],
    ['a program', 'COPY --from=builder /usr/local/bin/saxpy /usr/local/bin/saxpy', develBuilder],
    ['another stage than the devel one', 'COPY --from=docs /usr/local /usr/local', develBuilder],
    ['the build context', 'COPY . /usr/local', develBuilder],
    ['an ADD', 'ADD --from=builder /usr/local /usr/local', develBuilder],
  ])('leaves %s alone', (_what, instruction, facts) => {
    expect(copy(instruction, facts)).toBeNull();
  });

  it('blames /opt/conda only when conda installed the compiler into that stage', () => {
    const install = makeStep({ id: 2, stage: 'builder', instruction: 'RUN conda install -y -c nvidia cuda-nvcc=12.4 && conda clean -a' });
    expect(copy('COPY --from=builder /opt/conda /opt/conda', develBuilder, makeModel({ steps: [install] }))?.proof).toBe('conda installed cuda-nvcc into it');
    // NVIDIA's devel images keep the toolkit in /usr/local: their conda prefix is not it
    expect(copy('COPY --from=builder /opt/conda /opt/conda', develBuilder)).toBeNull();
  });
});

describe('exportStep', () => {
  it('finds the image export among the internal steps', () => {
    const model = makeModel({ steps: [makeStep({ id: 1 }), makeStep({ id: 2, internal: true, instruction: 'exporting to image', seconds: 144 })] });
    expect(exportStep(model)?.id).toBe(2);
    expect(exportStep(makeModel({ steps: [makeStep()] }))).toBeNull();
  });
});
