// runtime/numpy-abi-mismatch on NumPy 2's own "compiled using NumPy 1.x" message (JuergenFleiss/atrain_core#10), and the
// dtype-size wording of the same break keeping its own explanation.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/runtime/numpy-abi-mismatch/${name}`, import.meta.url), 'utf8');

describe("NumPy 2's own message", () => {
  test('a NumPy-1.x module under NumPy 2.0.0, and np.NaN gone: numpy<2 or a NumPy-2 build, the removed API named', async () => {
    const f = (await analyzeLog(read('match-pasted-numpy2-own-message-atrain.log'))).find((x) => x.ruleId === 'runtime/numpy-abi-mismatch');
    expect(f?.message).toContain('NumPy 2.0.0 installed');
    expect(f?.message).toContain('`np.NaN`');
    expect(f?.fix).toContain('pip install "numpy<2"');
  });

  test('the dtype-size ValueError (96 → 88) keeps its own explanation', async () => {
    const f = (await analyzeLog(read('match-pasted-dtype-96-88-sklearn.log'))).find((x) => x.ruleId === 'runtime/numpy-abi-mismatch');
    expect(f?.message).toContain('numpy.dtype is 96 bytes');
    expect(f?.message).not.toContain("NumPy's own message");
  });
});

describe('the two sizes give the direction', () => {
  test('ndarray 88 from the header, 80 installed: numpy older than the build (before 1.20), upgrade it', async () => {
    const f = (await analyzeLog(read('match-pasted-ndarray-88-80-joligen.log'))).find((x) => x.ruleId === 'runtime/numpy-abi-mismatch');
    expect(f?.message).toContain('the installed numpy is older');
    expect(f?.message).toContain('before numpy 1.20');
    expect(f?.fix).toContain('pip install --upgrade "numpy>=1.20"');
  });

  test('the dtype line pasted without its ValueError prefix is still numpy 2 under a 1.x build', async () => {
    const f = (await analyzeLog(read('match-pasted-bare-dtype-96-88-databricks.log'))).find((x) => x.ruleId === 'runtime/numpy-abi-mismatch');
    expect(f?.title).toContain('numpy 2 installed');
    expect(f?.fix).toContain('"numpy<2"');
  });

  test('a larger type installed (strict check): numpy newer than the build', async () => {
    // the size pair of desihub/desisim#560 raised as an error (a near variant, not a log)
    const f = (await analyzeLog('ValueError: numpy.ndarray size changed, may indicate binary incompatibility. Expected 80 from C header, got 88 from PyObject\n'))
      .find((x) => x.ruleId === 'runtime/numpy-abi-mismatch');
    expect(f?.message).toContain('the installed numpy is newer');
  });

  test("Cython's warning of the same words, in Python's warning format, is not an error", async () => {
    const text = '/usr/lib/python3/dist-packages/h5py/__init__.py:36: RuntimeWarning: numpy.dtype size changed, may indicate binary incompatibility. Expected 96 from C header, got 88 from PyObject\n';
    expect((await analyzeLog(text)).some((x) => x.ruleId === 'runtime/numpy-abi-mismatch')).toBe(false);
  });
});
