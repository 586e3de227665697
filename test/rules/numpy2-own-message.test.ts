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
