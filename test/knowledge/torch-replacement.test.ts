// The torch-replacement enricher: what the torch pip put in place of another one is, from the two
// versions the step shows.
import { describe, expect, test } from 'vitest';
import { cudaOfLocal, torchReplacementEnrich } from '../../src/knowledge/torch-replacement.js';
import { factsFor } from '../../src/facts/fact-view.js';
import { makeModel } from '../support/builders.js';

const model = makeModel();
const facts = factsFor({}, null, model);
const note = (captures: Record<string, string>): string => torchReplacementEnrich(captures, null, model, facts).replacementNote!;

describe('cudaOfLocal', () => {
  test.each([
    ['cu121', '12.1'],
    ['cu118', '11.8'],
    ['cu130', '13.0'],
    ['cu92', '9.2'],
  ])('%s is CUDA %s', (local, cuda) => {
    expect(cudaOfLocal(local)).toBe(cuda);
  });

  test.each(['cpu', 'rocm6.0', 'nv24.5', '', 'cu1'])('%s names no CUDA', (local) => {
    expect(cudaOfLocal(local)).toBeNull();
  });
});

describe('torchReplacementEnrich', () => {
  test('the CPU-only build in place of the image\'s torch', () => {
    const text = note({ package: 'torch', version: '2.14.1', 'context.installedTorch.version': '2.13.0+cpu' });
    expect(text).toContain('2.13.0+cpu');
    expect(text).toContain('CPU-only build');
    expect(text).toContain('torch.cuda.is_available() is False');
  });

  test('a build for another CUDA names both releases', () => {
    expect(note({ package: 'torch', version: '2.1.0+cu121', 'context.installedTorch.version': '2.1.0+cu118' })).toBe(
      'The torch it installed, 2.1.0+cu118, is built for CUDA 11.8; the one it removed was built for CUDA 12.1.',
    );
  });

  test('nothing to say when the builds agree, or when a version does not tell its build', () => {
    expect(note({ package: 'torch', version: '2.1.0+cu118', 'context.installedTorch.version': '2.2.2+cu118' })).toBe('');
    expect(note({ package: 'torch', version: '2.3.0a0+40ec155e58.nv24.5', 'context.installedTorch.version': '2.2.2' })).toBe('');
    expect(note({ package: 'numpy', version: '1.26.4' })).toBe('');
  });

  test('the removed build is read only when the uninstalled package is torch', () => {
    expect(note({ package: 'triton', version: '2.1.0', 'context.installedTorch.version': '2.1.0+cu118' })).toBe('');
  });
});

describe('the same build put back', () => {
  const sameBuild = (captures: Record<string, string>): string | undefined => torchReplacementEnrich(captures, null, model, facts).sameBuild;

  test('a --force-reinstall of the installed version is no replacement', () => {
    expect(sameBuild({ package: 'torch', version: '2.13.0+cpu', 'context.installed': 'Successfully installed torch-2.13.0+cpu' })).toBe('yes');
  });

  test('another version in the summary line is a replacement', () => {
    expect(sameBuild({ package: 'torch', version: '2.14.1', 'context.installed': 'Successfully installed torch-2.13.0+cpu' })).toBeUndefined();
    // a prefix of the token is not the token
    expect(sameBuild({ package: 'torch', version: '2.1.0', 'context.installed': 'Successfully installed torch-2.1.0+cu118' })).toBeUndefined();
  });
});
