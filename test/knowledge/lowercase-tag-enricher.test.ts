// The repository part of an image reference is lowered, the tag and digest keep their case.
import { describe, expect, it } from 'vitest';
import { lowercaseRepository } from '../../src/knowledge/lowercase-tag-enricher.js';

describe('lowercaseRepository', () => {
  it('lowers owner and name, keeps the tag (buildx/invalid-tag fixtures)', () => {
    expect(lowercaseRepository('ghcr.io/xcq0607/Gapi:latest')).toBe('ghcr.io/xcq0607/gapi:latest');
    expect(lowercaseRepository('ghcr.io/neurogenomics/HPOExplorer:0.99.11')).toBe('ghcr.io/neurogenomics/hpoexplorer:0.99.11');
    expect(lowercaseRepository('ghcr.io/Owner/App:Dev-1')).toBe('ghcr.io/owner/app:Dev-1');
  });

  it('keeps a registry port and a digest', () => {
    expect(lowercaseRepository('localhost:5000/My/App')).toBe('localhost:5000/my/app');
    expect(lowercaseRepository('Reg.io/A/B@sha256:ABCDEF')).toBe('reg.io/a/b@sha256:ABCDEF');
  });

  it('is null when nothing changes', () => {
    expect(lowercaseRepository('ghcr.io/owner/app:Latest')).toBeNull();
  });
});
