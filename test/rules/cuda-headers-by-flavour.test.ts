// cuda/toolkit-not-found on a missing CUDA header: the fix follows the image flavour the log shows. A `-devel` image has the
// headers (the compiler was not given their directory); a `-runtime` one has none; with no image the fix tells the two apart.
// The line is colmap/colmap#2072's (fixtures/rules/cuda/toolkit-not-found/match-title-line-cuda-runtime-h-colmap.log);
// the step and the facts are set here.
import { describe, expect, test } from 'vitest';
import type { BuildFacts, FactValue } from '../../src/facts/types.js';
import { toolkitNotFound } from '../../src/rules/catalog/cuda/toolkit-not-found.js';
import { makeModel, makeStep } from '../support/builders.js';
import { out, runEngine } from './support/events.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}

const HEADER_LINE = '# docker: fatal error: cuda_runtime.h: No such file or directory';
const step = makeStep({ id: 4, instruction: 'RUN cd colmap && cmake .. -GNinja && ninja', status: 'error' });
const model = makeModel({ format: 'buildkit-plain', steps: [step], failedStep: 4 });
const imageBuild = { place: [fact('image-build', 'log-format')] };

describe('cuda/toolkit-not-found: a missing CUDA header', () => {
  test('a -devel base: the headers are there, the compiler is given their directory', () => {
    const facts: BuildFacts = {
      ...imageBuild,
      baseImage: [fact('nvidia/cuda:12.2.0-devel-ubuntu22.04', 'dockerfile')],
      imageFlavour: [fact('devel', 'image-tag')],
      cuda: [fact('12.2', 'image-tag')],
    };
    const [f] = runEngine([toolkitNotFound], [out(4, HEADER_LINE)], model, facts);
    expect(f!.message).toContain('found no `cuda_runtime.h`, yet this stage builds on a `-devel` CUDA image (nvidia/cuda:12.2.0-devel-ubuntu22.04)');
    expect(f!.fix).toContain('ENV CPATH=/usr/local/cuda/include');
    expect(f!.fix).toContain('ls /usr/local/cuda/include/cuda_runtime.h');
    expect(f!.fix).not.toContain('-devel` image of the same CUDA release');
  });

  test('a -runtime base: the -devel image of the same release', () => {
    const facts: BuildFacts = {
      ...imageBuild,
      baseImage: [fact('nvidia/cuda:12.2.0-runtime-ubuntu22.04', 'dockerfile')],
      imageFlavour: [fact('runtime', 'image-tag')],
      cuda: [fact('12.2', 'image-tag')],
    };
    const [f] = runEngine([toolkitNotFound], [out(4, HEADER_LINE)], model, facts);
    expect(f!.fix).toContain('FROM nvidia/cuda:12.2');
    expect(f!.fix).toContain('-devel-ubuntu22.04');
    expect(f!.fix).not.toContain('CPATH');
  });

  test('no base image in the log: a check that tells the two cases apart', () => {
    const [f] = runEngine([toolkitNotFound], [out(4, HEADER_LINE)], model, imageBuild);
    expect(f!.title).toBe('No CUDA toolkit header where the build compiles');
    expect(f!.fix).toContain('The log does not show the base image');
    expect(f!.fix).toContain('- Neither is there (a `-runtime` or `-base` image)');
    expect(f!.fix).toContain('- Both are there (a `-devel` image)');
  });
});
