// The cmake-args enricher (a pip build's CMAKE_ARGS and its command) and torch-minimum (the oldest torch
// release new enough for the build's CUDA).
import { describe, expect, test } from 'vitest';
import { cmakeArgsEnrich, cmakeArgsIn } from '../../src/knowledge/cmake-args-enricher.js';
import { torchMinimumEnrich, versionAtLeast } from '../../src/knowledge/torch-minimum-enricher.js';
import { factsFor } from '../../src/facts/fact-view.js';
import type { FactValue } from '../../src/facts/types.js';
import { makeModel, makeStep } from '../support/builders.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}

const noFacts = factsFor({}, null, makeModel());

describe('cmake-args', () => {
  test('reads the flags and the command of a pasted line (abetlen/llama-cpp-python#408)', () => {
    expect(cmakeArgsIn('    && CMAKE_ARGS="-DLLAMA_CUBLAS=on" FORCE_CMAKE=1 pip3 install llama-cpp-python --no-cache-dir')).toEqual({
      args: '-DLLAMA_CUBLAS=on',
      command: 'FORCE_CMAKE=1 pip3 install llama-cpp-python --no-cache-dir',
    });
  });

  test('leaves out the flags a fix sets again, and stops at the next command', () => {
    expect(cmakeArgsIn(`RUN CMAKE_ARGS='-DGGML_CUDA=on -DCMAKE_CUDA_ARCHITECTURES=native' pip install llama-cpp-python && python -c 'import llama_cpp'`)).toEqual({
      args: '-DGGML_CUDA=on',
      command: 'pip install llama-cpp-python',
    });
  });

  test('no install command, no answer', () => {
    expect(cmakeArgsIn('export CMAKE_ARGS="-DGGML_CUDA=on"')).toBeNull();
    expect(cmakeArgsIn('cmake -B build -DGGML_CUDA=on')).toBeNull();
  });

  test('the step instruction first, then the pasted line; no cmakeArgs key when only replaced flags were given', () => {
    const step = makeStep({ instruction: 'RUN CMAKE_ARGS="-DCMAKE_CUDA_ARCHITECTURES=native" uv pip install llama-cpp-python' });
    expect(cmakeArgsEnrich({ 'context.cmakeArgs': 'CMAKE_ARGS="-DX=1" pip install other' }, step, makeModel(), noFacts)).toEqual({
      cmakeCommand: 'uv pip install llama-cpp-python',
    });
    expect(cmakeArgsEnrich({ 'context.cmakeArgs': 'CMAKE_ARGS="-DX=1" pip install other' }, null, makeModel(), noFacts)).toEqual({
      cmakeArgs: '-DX=1',
      cmakeCommand: 'pip install other',
    });
  });
});

describe('torch-minimum', () => {
  test('compares versions number by number', () => {
    expect(versionAtLeast('1.10.0', '1.6')).toBe(true);
    expect(versionAtLeast('1.5.1+cu101', '1.6')).toBe(false);
    expect(versionAtLeast('2.0.0', '2.0')).toBe(true);
  });

  test('the oldest release new enough, on the index of the torch the build has', () => {
    const facts = factsFor({ torchCuda: [fact('cu121', 'wheel')] }, null, makeModel());
    const out = torchMinimumEnrich({ need: '2.2' }, null, makeModel(), facts);
    expect(out.upgradeTag).toBe('cu121');
    expect(out.upgradeTorch).toMatch(/^2\.[2-5]\./);
    expect(out.torchUpgrade).toContain('--index-url https://download.pytorch.org/whl/cu121');
    expect(out.torchUpgrade).toContain(`torch==${out.upgradeTorch}`);
  });

  test('from the toolkit version when the torch tag is unknown; nothing when neither is known', () => {
    const facts = factsFor({ cuda: [fact('11.8', 'nvcc')] }, null, makeModel());
    expect(torchMinimumEnrich({ need: '1.6' }, null, makeModel(), facts).upgradeTag).toBe('cu118');
    expect(torchMinimumEnrich({ need: '1.6' }, null, makeModel(), noFacts)).toEqual({});
  });

  test('nothing when no release in the table is new enough for that CUDA', () => {
    const facts = factsFor({ torchCuda: [fact('cu102', 'wheel')] }, null, makeModel());
    expect(torchMinimumEnrich({ need: '2.0' }, null, makeModel(), facts)).toEqual({});
  });
});
