// flash-attn's prebuilt wheels: the publish matrices and setup.py's URL guess, per release tag.
// The URLs compared below are the `Guessing wheel URL:` lines flash-attn's setup.py printed in
// public issue threads (each cited), so the name scheme is held to what setup.py really asked for.
import { describe, expect, test } from 'vitest';
import { flashAttnRelease, flashAttnReleases, flashAttnWheel } from '../../src/knowledge/flash-attn-wheels.js';

const withAbi = (url: string | null | undefined, abi: 'TRUE' | 'FALSE'): string | undefined => url?.replace('{ABI}', abi);

describe("setup.py's guessed URL", () => {
  test('2.7.2.post1, torch 2.4, CUDA 12, Python 3.10 (Dao-AILab/flash-attention#1418): published, though that build did not get it', () => {
    const a = flashAttnWheel({ version: '2.7.2.post1', torch: '2.4.0', torchCuda: '12.4', python: '3.10' });
    expect(withAbi(a?.url, 'FALSE')).toBe(
      'https://github.com/Dao-AILab/flash-attention/releases/download/v2.7.2.post1/flash_attn-2.7.2.post1+cu12torch2.4cxx11abiFALSE-cp310-cp310-linux_x86_64.whl',
    );
    expect(a?.published).toBe(true);
  });

  test('2.5.3 with torch 2.2.0+cu121 on Python 3.11: the name carries cu122, the one CUDA 12 build of the release', () => {
    const a = flashAttnWheel({ version: '2.5.3', torch: '2.2.0+cu121', torchCuda: 'cu121', python: '3.11' });
    expect(withAbi(a?.fileName, 'FALSE')).toBe('flash_attn-2.5.3+cu122torch2.2cxx11abiFALSE-cp311-cp311-linux_x86_64.whl');
    expect(a?.published).toBe(true);
  });

  test('2.8.0.post2, torch 2.5, Python 3.12 (mit-han-lab/radial-attention#10): published', () => {
    const a = flashAttnWheel({ version: '2.8.0.post2', torch: '2.5.1', torchCuda: '12.4', python: '3.12' });
    expect(withAbi(a?.fileName, 'FALSE')).toBe('flash_attn-2.8.0.post2+cu12torch2.5cxx11abiFALSE-cp312-cp312-linux_x86_64.whl');
    expect(a?.published).toBe(true);
  });
});

describe('combinations a release did not publish', () => {
  test('2.5.8 built no Python 3.12 wheel (allenai/open-instruct#220 guessed cu122torch2.3 cp312 and compiled)', () => {
    const a = flashAttnWheel({ version: '2.5.8', torch: '2.3.0', torchCuda: '12.1', python: '3.12' });
    expect(withAbi(a?.fileName, 'FALSE')).toBe('flash_attn-2.5.8+cu122torch2.3cxx11abiFALSE-cp312-cp312-linux_x86_64.whl');
    expect(a?.published).toBe(false);
    expect(flashAttnWheel({ version: '2.5.8', torch: '2.3.0', torchCuda: '12.1', python: '3.11' })?.published).toBe(true);
  });

  test('a torch newer than the release: 2.8.3 has no torch 2.9 or 2.10 wheel', () => {
    expect(flashAttnWheel({ version: '2.8.3', torch: '2.10.0', torchCuda: '12.8', python: '3.12' })?.published).toBe(false);
    expect(flashAttnWheel({ version: '2.8.3', torch: '2.8.0', torchCuda: '12.8', python: '3.12' })?.published).toBe(true);
  });

  test('CUDA 11 torch: published up to 2.7.3, dropped from 2.7.4 on', () => {
    expect(flashAttnWheel({ version: '2.7.3', torch: '2.5.1+cu118', torchCuda: 'cu118', python: '3.11' })?.published).toBe(true);
    const a = flashAttnWheel({ version: '2.7.4.post1', torch: '2.5.1+cu118', torchCuda: 'cu118', python: '3.11' });
    expect(a?.published).toBe(false);
    // setup.py still asks, with the name it would have had
    expect(withAbi(a?.fileName, 'TRUE')).toBe('flash_attn-2.7.4.post1+cu11torch2.5cxx11abiTRUE-cp311-cp311-linux_x86_64.whl');
  });

  test("an exclude of the matrix: torch 2.4 with Python 3.13 in 2.8.x, torch 2.1 with Python 3.12 in 2.7.0", () => {
    expect(flashAttnWheel({ version: '2.8.3', torch: '2.4.0', torchCuda: '12.4', python: '3.13' })?.published).toBe(false);
    expect(flashAttnWheel({ version: '2.8.3', torch: '2.5.1', torchCuda: '12.4', python: '3.13' })?.published).toBe(true);
    expect(flashAttnWheel({ version: '2.7.0', torch: '2.1.2', torchCuda: '12.1', python: '3.12' })?.published).toBe(false);
  });

  test('CUDA 13: 2.8.3.post1 names cu13 but builds only CUDA 12; 2.8.3 has no CUDA 13 name at all', () => {
    const post1 = flashAttnWheel({ version: '2.8.3.post1', torch: '2.8.0', torchCuda: '13.0', python: '3.12' });
    expect(post1?.published).toBe(false);
    expect(withAbi(post1?.fileName, 'TRUE')).toBe('flash_attn-2.8.3.post1+cu13torch2.8cxx11abiTRUE-cp312-cp312-linux_x86_64.whl');
    expect(flashAttnWheel({ version: '2.8.3', torch: '2.8.0', torchCuda: '13.0', python: '3.12' })).toEqual({ published: false, fileName: null, url: null });
  });

  test('a nightly in the matrix names the minor release: 2.6.0 built torch2.4 from 2.4.0.dev20240512', () => {
    expect(flashAttnWheel({ version: '2.6.0', torch: '2.4.0', torchCuda: '12.1', python: '3.10' })?.published).toBe(true);
  });
});

describe('what the table does not know is not a "no"', () => {
  test('versions outside the table, and values that are not versions', () => {
    expect(flashAttnWheel({ version: '2.4.2', torch: '2.1.0', torchCuda: '12.1', python: '3.10' })).toBeNull();
    expect(flashAttnWheel({ version: '2.9.0', torch: '2.8.0', torchCuda: '12.8', python: '3.12' })).toBeNull();
    expect(flashAttnWheel({ version: '2.8.3', torch: 'unknown', torchCuda: '12.8', python: '3.12' })).toBeNull();
    expect(flashAttnWheel({ version: '2.8.3', torch: '2.8.0', torchCuda: 'cpu', python: '3.12' })).toBeNull();
  });

  test('every release of the table is reachable by its version, with or without the v', () => {
    for (const r of flashAttnReleases) for (const v of r.versions) expect(flashAttnRelease(`v${v}`)).toBe(r);
    expect(flashAttnReleases.flatMap((r) => r.versions)).toHaveLength(new Set(flashAttnReleases.flatMap((r) => r.versions)).size);
  });
});
