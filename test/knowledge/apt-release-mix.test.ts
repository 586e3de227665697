// The `apt-release-mix` enricher: a CUDA-repository package's release and NVIDIA's repository of the image's release.
import { describe, expect, test } from 'vitest';
import { aptReleaseMixEnrich, cudaReleaseOfPackage, ownDistro } from '../../src/knowledge/apt-release-mix-enricher.js';
import { factsFor } from '../../src/facts/fact-view.js';
import type { FactValue } from '../../src/facts/types.js';
import { makeModel } from '../support/builders.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}
const captures = { 'context.cudaRepoDep.pkg': 'libcufile-11-5', 'context.cudaRepoDep.dep': 'liburcu6' };

describe('cudaReleaseOfPackage', () => {
  test.each([
    ['libcufile-11-5', '11.5'],
    ['cuda-toolkit-12-8', '12.8'],
    ['cuda-nvcc-12-4', '12.4'],
  ])('%s → %s', (name, release) => expect(cudaReleaseOfPackage(name)).toBe(release));

  test.each(['nvidia-driver-565-open', 'libcudnn8', 'cuda-drivers'])('%s names no CUDA release', (name) => expect(cudaReleaseOfPackage(name)).toBeNull());
});

describe('ownDistro', () => {
  test.each([
    ['Debian 12', 'debian12'],
    ['Ubuntu 22.04', 'ubuntu2204'],
    ['Debian 13', null],
    [null, null],
  ])('%s → %s', (os, id) => expect(ownDistro(os)).toBe(id));
});

describe('aptReleaseMixEnrich', () => {
  test('Debian 12 reading the debian11 repository: both repositories and the keyring of its own', () => {
    const facts = factsFor({ os: [fact('Debian 12', 'image-tag')], nvidiaRepo: [fact('debian11/x86_64', 'nvidia-repo')] }, null, makeModel());
    expect(aptReleaseMixEnrich(captures, null, makeModel(), facts)).toEqual({
      pkgCuda: '11.5',
      ownRepo: 'debian12/x86_64',
      ownKeyringUrl: 'https://developer.download.nvidia.com/compute/cuda/repos/debian12/x86_64/cuda-keyring_1.1-1_all.deb',
      ownKeyringFile: 'cuda-keyring_1.1-1_all.deb',
      os: 'Debian 12',
      usedRepo: 'debian11/x86_64',
    });
  });

  test('the repository of its own release: no mix claimed', () => {
    const facts = factsFor({ os: [fact('Debian 12', 'image-tag')], nvidiaRepo: [fact('debian12/x86_64', 'nvidia-repo')] }, null, makeModel());
    expect(aptReleaseMixEnrich(captures, null, makeModel(), facts).usedRepo).toBeUndefined();
  });

  test('no release in the log: the package release alone', () => {
    expect(aptReleaseMixEnrich(captures, null, makeModel(), factsFor({}, null, makeModel()))).toEqual({ pkgCuda: '11.5' });
  });
});
