// The numpy-abi-direction enricher: the numpy to upgrade to follows the size the package was built with, not only the
// size of the numpy installed.
import { describe, expect, test } from 'vitest';
import { numpyAbiDirectionEnrich } from '../../src/knowledge/numpy-abi-direction.js';
import { factsFor } from '../../src/facts/fact-view.js';
import { makeModel } from '../support/builders.js';

const enrich = (type: string, expected: string, got: string) =>
  numpyAbiDirectionEnrich({ type, expected, got }, null, makeModel(), factsFor({}, null, makeModel()));

describe('numpy-abi-direction', () => {
  test('ndarray 88 from the header, 80 installed: numpy 1.20 or later (jolibrain/joliGEN#387)', () => {
    // `ValueError: numpy.ndarray size changed, may indicate binary incompatibility. Expected 88 from C header, got 80 from PyObject`
    expect(enrich('ndarray', '88', '80')).toMatchObject({ numpyOlder: 'yes', numpyUpgrade: 'numpy>=1.20' });
  });

  test('ndarray 96 from the header, 80 installed: numpy 1.22 or later, since 1.20 and 1.21 are 88 bytes (UT-Austin-RPL/maple#1)', () => {
    // `ValueError: numpy.ndarray size changed, may indicate binary incompatibility. Expected 96 from C header, got 80 from PyObject`
    const v = enrich('ndarray', '96', '80');
    expect(v.numpyUpgrade).toBe('numpy>=1.22');
    expect(v.sizeNote).toContain('80 bytes before numpy 1.20 and 96 from numpy 1.22');
  });

  test('ndarray 96 from the header, 88 installed: numpy 1.22 or later (Farama-Foundation/Metaworld#366)', () => {
    // `ValueError: numpy.ndarray size changed, may indicate binary incompatibility. Expected 96 from C header, got 88 from PyObject`
    const v = enrich('ndarray', '96', '88');
    expect(v.numpyUpgrade).toBe('numpy>=1.22');
    expect(v.sizeNote).toContain('88 bytes in numpy 1.20 and 1.21');
  });

  test('a larger type installed is a newer numpy; an unknown pair gets no bound', () => {
    expect(enrich('ndarray', '80', '88')).toEqual({ numpyNewer: 'yes' });
    expect(enrich('flatiter', '1000', '900')).toMatchObject({ numpyOlder: 'yes', numpyUpgrade: 'numpy' });
  });
});
