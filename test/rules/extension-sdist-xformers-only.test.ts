// pip/extension-sdist-fallback reads a fallback past wheels, which only xformers has on PyPI among the extensions it
// once listed; flash-attn's PyPI release is an sdist, so its `Using cached flash_attn-….tar.gz` is no fallback.
import { describe, expect, test } from 'vitest';
import { extensionSdistFallback } from '../../src/rules/catalog/pip/extension-sdist-fallback.js';

const pattern = new RegExp((extensionSdistFallback.match![0] as { pattern: string }).pattern);

describe('pip/extension-sdist-fallback: xformers only', () => {
  test("oobabooga/textgen#4665's xformers sdist line matches", () => {
    expect(pattern.exec('125.7   Using cached xformers-0.0.13.tar.gz (292 kB)')?.groups?.package).toBe('xformers');
  });

  test("hiyouga/LlamaFactory#5229's flash-attn sdist line does not", () => {
    expect(pattern.test('  Using cached flash_attn-2.6.3.tar.gz (2.6 MB)')).toBe(false);
  });
});
