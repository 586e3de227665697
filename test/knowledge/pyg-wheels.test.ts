// PyG's extension wheels: what their local version says, the page of wheels for a torch, and the
// extension-cuda enricher's comparison of CUDA majors.
import { describe, expect, test } from 'vitest';
import { extensionCudaEnrich, pygBuildOf, pygFindLinks } from '../../src/knowledge/pyg-wheels.js';
import { factsFor } from '../../src/facts/fact-view.js';
import type { BuildFacts } from '../../src/facts/types.js';
import { makeModel } from '../support/builders.js';

const model = makeModel();
const fact = (value: string) => [{ value, source: 'pip-installed', evidence: '', line: 1, stage: null, step: null }];
const factsOf = (torch: string | null, torchCuda: string | null) => {
  const f: BuildFacts = {};
  if (torch !== null) f.torch = fact(torch);
  if (torchCuda !== null) f.torchCuda = fact(torchCuda);
  return factsFor(f, null, model);
};

describe('pygBuildOf', () => {
  test.each([
    ['2.1.2+pt21cu118', { torch: '2.1', cudaTag: 'cu118', cuda: '11.8' }],
    ['0.4.0+pt20cu118', { torch: '2.0', cudaTag: 'cu118', cuda: '11.8' }],
    ['2.1.2+pt113cu117', { torch: '1.13', cudaTag: 'cu117', cuda: '11.7' }],
    ['2.1.2+pt24cu124', { torch: '2.4', cudaTag: 'cu124', cuda: '12.4' }],
  ])('%s', (version, build) => {
    expect(pygBuildOf(version)).toEqual(build);
  });

  test.each(['2.1.2+pt22cpu', '2.1.2', '2.1.2+cu118', ''])('%s names no CUDA build', (version) => {
    expect(pygBuildOf(version)).toBeNull();
  });
});

test('the page of wheels drops torch\'s own local version', () => {
  expect(pygFindLinks('2.1.0+cu121', 'cu121')).toBe('https://data.pyg.org/whl/torch-2.1.0+cu121.html');
  expect(pygFindLinks('2.0.1', 'cu118')).toBe('https://data.pyg.org/whl/torch-2.0.1+cu118.html');
  // an NGC / nightly torch is no release PyG has a page for
  expect(pygFindLinks('2.3.0a0+ebedce2', 'cu121')).toBeNull();
  expect(pygFindLinks('2.0.0.dev20230128+cu117', 'cu117')).toBeNull();
});

describe('extensionCudaEnrich', () => {
  test('another CUDA major than torch\'s: a mismatch, with the page for torch\'s build', () => {
    const out = extensionCudaEnrich({ package: 'torch_scatter', version: '2.1.2+pt21cu118' }, null, model, factsOf('2.1.0+cu121', 'cu121'));
    expect(out.mismatch).toBe('yes');
    expect(out.extensionCuda).toBe('11.8');
    expect(out.torchCuda).toBe('12.1');
    expect(out.install).toBe('pip install torch_scatter -f https://data.pyg.org/whl/torch-2.1.0+cu121.html');
  });

  test('pip\'s dashed name is written as the module is', () => {
    const out = extensionCudaEnrich({ package: 'torch-sparse', version: '0.6.18+pt21cu118' }, null, model, factsOf('2.1.0+cu121', 'cu121'));
    expect(out.pkg).toBe('torch_sparse');
  });

  test('the same CUDA, or a minor-only difference, is no mismatch (the import check compares majors)', () => {
    expect(extensionCudaEnrich({ package: 'torch_scatter', version: '2.1.2+pt21cu121' }, null, model, factsOf('2.1.0+cu121', 'cu121')).mismatch).toBe('');
    const minor = extensionCudaEnrich({ package: 'torch_scatter', version: '2.1.2+pt21cu118' }, null, model, factsOf('2.1.0+cu117', 'cu117'));
    expect(minor.mismatch).toBe('');
    expect(minor.install).toBe('pip install torch_scatter -f https://data.pyg.org/whl/torch-2.1.0+cu117.html');
  });

  test('without torch\'s CUDA in the log, nothing is claimed', () => {
    expect(extensionCudaEnrich({ package: 'torch_scatter', version: '2.1.2+pt21cu118' }, null, model, factsOf('2.1.0', null)).mismatch).toBe('');
  });

  test('a runtime error\'s own versions win, and an unknown torch version is looked up, not guessed', () => {
    const out = extensionCudaEnrich({ package: 'torch_sparse', torchCuda: '10.2', extensionCuda: '11.1' }, null, model, factsOf(null, null));
    expect(out.mismatch).toBe('yes');
    expect(out.install).toContain('https://data.pyg.org/whl/torch-$TORCH+cu102.html');
    expect(out.install).toContain('torch.__version__');
    // a pre-release found in the environment has no page: the command builds from source there instead
    expect(out.install).toContain('case "$TORCH" in *[!0-9.]*) pip install --verbose --no-build-isolation torch_sparse ;;');
  });

  test('an NGC or nightly torch in the log has no PyG page: the extension is built against it', () => {
    const out = extensionCudaEnrich({ package: 'torch_scatter', torchCuda: '12.4', extensionCuda: '11.8' }, null, model, factsOf('2.3.0a0+ebedce2', null));
    expect(out.install).toBe('pip install --verbose --no-build-isolation torch_scatter');
    expect(out.install).not.toContain('data.pyg.org');
  });
});
