// PyTorch release → CUDA wheel index table.
import { describe, expect, test } from 'vitest';
import { indexUrl, newestTagNotAbove, pairedPackages, releaseInstall, releasesForCuda, torchRelease, torchReleases, wheelTagFor } from '../../src/knowledge/torch-wheels.js';

describe('releases', () => {
  test('torch 2.3 was published for cu118 and cu121 only', () => {
    expect(torchRelease('2.3.1')?.cudaTags).toEqual(['cu118', 'cu121']);
    expect(torchRelease('2.3.1+cu121')?.torch).toBe('2.3.1');
    expect(torchRelease('2.3')?.torch).toBe('2.3.1');
    expect(torchRelease('torch==2.0.0')?.torchvision).toBe('0.15.1');
  });

  test('unverified or unknown releases are null', () => {
    expect(torchRelease('2.4')).toBeNull();
    expect(torchRelease('2.11.0')).toBeNull();
    expect(torchRelease('banana')).toBeNull();
  });

  test('2.5, 2.7, 2.8 and 2.10 as the previous-versions page lists them', () => {
    expect(torchRelease('2.7.1')).toMatchObject({ torchvision: '0.22.1', torchaudio: '2.7.1', cudaTags: ['cu118', 'cu126', 'cu128'] });
    expect(torchRelease('2.7.0')?.cudaTags).toEqual(['cu118', 'cu126', 'cu128']);
    expect(torchRelease('2.8.0')).toMatchObject({ torchvision: '0.23.0', cudaTags: ['cu126', 'cu128', 'cu129'] });
    expect(torchRelease('2.10')).toMatchObject({ torch: '2.10.0', torchvision: '0.25.0', cudaTags: ['cu126', 'cu128', 'cu130'] });
    expect(torchRelease('2.5')).toMatchObject({ torch: '2.5.1', cudaTags: ['cu118', 'cu121', 'cu124'] });
    // Blackwell's first index: every release the table holds on it, oldest 2.7.0
    expect(releasesForCuda('cu128').map((r) => r.torch)).toEqual(['2.10.0', '2.9.1', '2.9.0', '2.8.0', '2.7.1', '2.7.0']);
  });

  test('the newest index a driver runs without minor version compatibility', () => {
    expect(newestTagNotAbove('11.6')).toBe('cu116');
    expect(newestTagNotAbove('12.0')).toBe('cu118');
    expect(newestTagNotAbove('12.9')).toBe('cu129');
    expect(newestTagNotAbove('10.1')).toBeNull();
  });

  test("a release's own install command shape", () => {
    expect(releaseInstall(torchRelease('2.7.1')!, 'cu118')).toEqual({
      requirements: ['torch==2.7.1', 'torchvision==0.22.1', 'torchaudio==2.7.1'],
      indexUrl: 'https://download.pytorch.org/whl/cu118',
    });
    expect(releaseInstall(torchRelease('1.13.1')!, 'cu116')).toEqual({
      requirements: ['torch==1.13.1+cu116', 'torchvision==0.14.1+cu116', 'torchaudio==0.13.1'],
      extraIndexUrls: ['https://download.pytorch.org/whl/cu116'],
    });
  });

  test('paired packages', () => {
    expect(pairedPackages('2.9.1')).toEqual({ torchvision: '0.24.1', torchaudio: '2.9.1' });
    expect(pairedPackages('1.13.1')).toEqual({ torchvision: '0.14.1', torchaudio: '0.13.1' });
    expect(pairedPackages('3.0')).toBeNull();
  });

  test('index URLs and tags', () => {
    expect(indexUrl('cu121')).toBe('https://download.pytorch.org/whl/cu121');
    expect(indexUrl('rocm6.0')).toBeNull();
    expect(releasesForCuda('cu130').map((r) => r.torch)).toEqual(['2.10.0', '2.9.1', '2.9.0']);
    expect(releasesForCuda('cu124').map((r) => r.torch)).toEqual(['2.6.0', '2.5.1', '2.5.0']);
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
