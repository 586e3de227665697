// Whether cmake/notfound has a NOTFOUND variable of its own to explain, beside CUPTI's library.
import { describe, expect, it } from 'vitest';
import { cmakeNotfoundEnrich } from '../../src/knowledge/cmake-notfound-enricher.js';
import { factsFor } from '../../src/facts/fact-view.js';
import { makeModel } from '../support/builders.js';

const model = makeModel();
const facts = factsFor({}, null, model);
const enrich = (captures: Record<string, string>) => cmakeNotfoundEnrich(captures, null, model, facts);

// The context lines below are the generate-time list's entries of the rule's fixtures (intel/llvm#7873,
// mit-han-lab/inter-operator-scheduler#2, the NVTX_LIB case produced on this machine).
describe('cmake-notfound enricher', () => {
  it('the list names CUPTI alone and nothing else is NOTFOUND: nothing of its own', () => {
    expect(enrich({ 'context.cuptiListed': 'CUDA_cupti_LIBRARY (ADVANCED)' })).toEqual({ cuptiOnlyList: 'yes' });
  });

  it('the list names CUPTI alone, but a status line shows another NOTFOUND value: that one is its own', () => {
    expect(enrich({ 'context.cuptiListed': 'CUDA_CUPTI_LIBRARY', variable: 'CUDA_NVRTC_LIBRARY' })).toEqual({ cuptiOnlyList: 'yes', ownVariables: 'yes' });
  });

  it('the list names CUPTI and another variable: the other one is its own', () => {
    expect(enrich({ 'context.cuptiListed': 'CUPTI_LIBRARY', 'context.listed': 'NVTX_LIB', 'context.listed.variable': 'NVTX_LIB' })).toEqual({ ownVariables: 'yes' });
  });

  it('no CUPTI in the list: all its own', () => {
    expect(enrich({ 'context.listed': 'CUDA_cuda_LIBRARY' })).toEqual({ ownVariables: 'yes' });
    expect(enrich({})).toEqual({ ownVariables: 'yes' });
  });
});
