// PyTorch release → CUDA wheel index table.
import { describe, expect, test } from 'vitest';
import { indexUrl, pairedPackages, releasesForCuda, torchRelease, torchReleases, wheelTagFor } from '../../src/knowledge/torch-wheels.js';

describe('releases', () => {
  test('torch 2.3 was published for cu118 and cu121 only', () => {
    expect(torchRelease('2.3.1')?.cudaTags).toEqual(['cu118', 'cu121']);
    expect(torchRelease('2.3.1+cu121')?.torch).toBe('2.3.1');
    expect(torchRelease('2.3')?.torch).toBe('2.3.1');
    expect(torchRelease('torch==2.0.0')?.torchvision).toBe('0.15.1');
  });

  test('unverified or unknown releases are null', () => {
    expect(torchRelease('2.7.1')).toBeNull();
    expect(torchRelease('2.4')).toBeNull();
    expect(torchRelease('banana')).toBeNull();
  });

  test('paired packages', () => {
    expect(pairedPackages('2.9.1')).toEqual({ torchvision: '0.24.1', torchaudio: '2.9.1' });
    expect(pairedPackages('1.13.1')).toEqual({ torchvision: '0.14.1', torchaudio: '0.13.1' });
    expect(pairedPackages('3.0')).toBeNull();
  });

  test('index URLs and tags', () => {
    expect(indexUrl('cu121')).toBe('https://download.pytorch.org/whl/cu121');
    expect(indexUrl('rocm6.0')).toBeNull();
    expect(releasesForCuda('cu130').map((r) => r.torch)).toEqual(['2.9.1', '2.9.0']);
    expect(releasesForCuda('cu124').map((r) => r.torch)).toEqual(['2.6.0']);
  });

  test('every row has a source and versions in order', () => {
    for (const r of torchReleases) {
      expect(r.source).toMatch(/previous-versions/);
      expect(r.cudaTags.length).toBeGreaterThan(0);
    }
  });
});

describe('wheelTagFor', () => {
  test.each([
    ['12.4', '2.3.1', 'cu121'],
    ['12.1.1', '2.3', 'cu121'],
    ['11.8', '2.3.1', 'cu118'],
    ['12.0', '2.3.1', null],
    ['12.8', '2.6.0', 'cu126'],
    ['13.0', '2.9.1', 'cu130'],
    ['12.9', '2.9.1', 'cu128'],
    ['11.7', '1.13.1', 'cu117'],
    ['12.4', '2.7.1', null],
  ] as const)('CUDA %s, torch %s → %s', (cuda, torch, tag) => {
    expect(wheelTagFor(cuda, torch)).toBe(tag);
  });

  test('without a torch version any tag in the table counts', () => {
    expect(wheelTagFor('12.5')).toBe('cu124');
    expect(wheelTagFor('10.2')).toBe('cu102');
    expect(wheelTagFor('nope')).toBeNull();
  });
});
