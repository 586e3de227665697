// One order for dotted release numbers, patch levels included, for every table that compares them.
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../src/text/compare-versions.js';
import { toolkitFor } from '../../src/knowledge/cuda-arches.js';
import { newestCudaForUbuntu } from '../../src/knowledge/cuda-image-tags.js';

describe('compareVersions', () => {
  it('orders by major, then minor, then patch', () => {
    expect(compareVersions('12.4', '11.8')).toBeGreaterThan(0);
    expect(compareVersions('11.8', '12.0')).toBeLessThan(0);
    expect(compareVersions('12.10', '12.9')).toBeGreaterThan(0);
    expect(compareVersions('12.4.1', '12.4.0')).toBeGreaterThan(0);
    expect(compareVersions('12.4.1', '12.4')).toBeGreaterThan(0);
  });

  it('counts a missing part as 0', () => {
    expect(compareVersions('12.4', '12.4.0')).toBe(0);
    expect(compareVersions('19.3', '19.3')).toBe(0);
  });
});

describe('its callers', () => {
  it('a minor the table does not list falls back to the newest one before it', () => {
    expect(toolkitFor('12.4.1')?.version).toBe(toolkitFor('12.4')?.version);
  });

  it('the newest CUDA tag of an Ubuntu release is told by its patch level', () => {
    // 18.04's newest tag in the list is 12.0.1 (cuda-image-tags.ts)
    expect(newestCudaForUbuntu('18.04')).toBe('12.0.1');
  });
});
