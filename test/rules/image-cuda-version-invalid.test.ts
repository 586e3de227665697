// runtime/image-cuda-version-invalid: the version the fix writes comes from the value the runtime refused (`cu12.6` → 12.6,
// InternLM/lmdeploy#3953), never from memory. A value without a dotted release (`cu126`, `latest`) is not read as one: the fix
// then names a placeholder and where to read the image's release.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';
import { imageCudaVersionInvalid } from '../../src/rules/catalog/runtime/image-cuda-version-invalid.js';

const log = readFileSync(new URL('../../fixtures/rules/runtime/image-cuda-version-invalid/match-jetson-cu126-lmdeploy-3953.log', import.meta.url), 'utf8');

describe('runtime/image-cuda-version-invalid', () => {
  test('cu12.6 in the log: the fix writes 12.6', async () => {
    const f = (await analyzeLog(log)).find((x) => x.ruleId === 'runtime/image-cuda-version-invalid');
    expect(f).toBeDefined();
    expect(f!.fix).toContain('ENV CUDA_VERSION=12.6');
    expect(f!.fix).toContain('cuda>=12.6');
    expect(f!.fix).not.toContain('<major.minor>');
  });

  test('without a dotted release in the value, no version is made up', () => {
    // The fix used when the `invalid` context (the dotted release) is absent.
    expect(imageCudaVersionInvalid.fix).toContain('ENV CUDA_VERSION=<major.minor>');
    expect(imageCudaVersionInvalid.fix).toContain('ls -d /usr/local/cuda-*');
    expect(imageCudaVersionInvalid.fix).not.toMatch(/CUDA_VERSION=\d|cuda>=\d/);
  });
});
