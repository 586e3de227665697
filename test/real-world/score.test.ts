// How the corpus decides that a finding quoted a sample's key line.
import { describe, expect, test } from 'vitest';
import { evidenceShows } from './support/score.js';

describe('evidenceShows', () => {
  const key = "#5 12.3 ERROR: Could not find a version that satisfies the requirement torch==9.9 (from versions: 2.0.0, 2.0.1)";
  test('the line less its frame', () => {
    expect(evidenceShows('ERROR: Could not find a version that satisfies the requirement torch==9.9 (from versions: 2.0.0, 2.0.1)', key)).toBe(true);
  });
  test('a long line quoted clipped', () => {
    expect(evidenceShows('ERROR: Could not find a version that satisfies the requirement torch==9.9 (from…', key)).toBe(true);
  });
  test('another line, clipped or not, is not the key line', () => {
    expect(evidenceShows('ERROR: No matching distribution found for torch==9.9', key)).toBe(false);
    expect(evidenceShows('ERROR: Could not find a version that satisfies the requirement numpy==9.9 (from…', key)).toBe(false);
  });
});
