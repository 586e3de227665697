// The `arch-lists` enricher: an arch list the build's own toolkit accepts, from what the step asked for.
import { describe, expect, test } from 'vitest';
import { archListFor, archListsEnrich, archesIn, cmakeArchList, torchArchList } from '../../src/knowledge/arch-list-enricher.js';
import { makeModel, makeStep } from '../support/builders.js';
import { factsFor } from '../../src/facts/fact-view.js';
import type { FactValue } from '../../src/facts/types.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}

describe('arch lists', () => {
  test('keeps what the step asked for where the toolkit accepts it', () => {
    expect(archListFor('13.0', ['3.5', '7.0', '8.0', '8.6+PTX'])).toEqual([80, 86]);
  });

  test('never suggests an arch the toolkit rejects: CUDA 11.0 has no sm_86, CUDA 11.6 no sm_89', () => {
    expect(archListFor('11.0', [])).toEqual([75, 80]);
    expect(archListFor('11.6', [])).toEqual([75, 80, 86]);
    expect(archListFor('14.0', [])).toBeNull();
  });

  test('notations: torch with +PTX on the newest, CMake numbers', () => {
    expect(torchArchList([80, 86, 120])).toBe('8.0;8.6;12.0+PTX');
    expect(cmakeArchList([80, 86])).toBe('80;86');
  });

  test('reads the lists and flags of an instruction', () => {
    expect(archesIn('ENV TORCH_CUDA_ARCH_LIST="3.5;8.0 8.6+PTX"')).toEqual(['3.5', '8.0', '8.6+PTX']);
    expect(archesIn('RUN cmake -DCMAKE_CUDA_ARCHITECTURES="75;90" .')).toEqual(['75', '90']);
    expect(archesIn('RUN nvcc -gencode arch=compute_80,code=sm_80 x.cu')).toEqual(['compute_80', 'sm_80']);
  });

  test('the enricher: from the facts and the step, nothing without a CUDA version', () => {
    const facts = factsFor({ cuda: [fact('11.6', 'image-tag')] }, null, makeModel());
    const step = makeStep({ instruction: 'RUN TORCH_CUDA_ARCH_LIST="8.0;8.9" pip install .' });
    expect(archListsEnrich({}, step, makeModel(), facts)).toMatchObject({
      archCuda: '11.6',
      torchArchList: '8.0+PTX',
      cmakeArchList: '80',
      gencode: '-gencode arch=compute_80,code=sm_80',
      archListBasis: 'the architectures this step named that CUDA 11.6 compiles',
    });
    expect(archListsEnrich({}, step, makeModel(), factsFor({}, null, makeModel()))).toEqual({});
  });

  test('an arch torch rejected (`Unknown CUDA arch (10.1)`) is never in the list, even where the toolkit compiles it', () => {
    const facts = factsFor({ cuda: [fact('12.8', 'nvcc')] }, null, makeModel());
    // StanfordVL/BEHAVIOR-1K#1939: torch's rejection alone, no list in a step
    const alone = archListsEnrich({ arch: '10.1' }, null, makeModel(), facts);
    expect(alone.torchArchList?.split(';')).not.toContain('10.1');
    expect(alone.archListBasis).toContain('common GPUs');
    // the step asked for it beside others: those stay, it goes
    const step = makeStep({ instruction: 'RUN TORCH_CUDA_ARCH_LIST="8.6;10.1" pip install .' });
    expect(archListsEnrich({ arch: '10.1' }, step, makeModel(), facts).torchArchList).toBe('8.6+PTX');
    // a GPU's own arch as CUDA names it (no-kernel-image's `sm_120`) is kept
    expect(archListsEnrich({ arch: 'sm_120' }, null, makeModel(), facts).torchArchList).toBe('12.0+PTX');
  });
});
