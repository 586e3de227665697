// TensorRT 8's wheels are published on NVIDIA's index only: pip's "no matching distribution" for them gets that index;
// another package missing where NVIDIA's index was already searched keeps the other readings.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingOf } from './support/analyze-log.js';

const tensorflow = readFileSync(
  new URL('../../fixtures/rules/pip/no-matching-distribution/match-tensorrt-libs-nvidia-index-tensorflow-and-cuda.log', import.meta.url),
  'utf8',
);
// NVIDIA/TensorRT#4069 (2024-08-10), the description's pip lines: the underscore spelling of the same package.
const underscore =
  'ERROR: Could not find a version that satisfies the requirement tensorrt_libs==8.6.1 (from versions: 9.0.0.post11.dev1, 9.0.0.post12.dev1, 9.0.1.post11.dev4, 9.0.1.post12.dev4, 9.1.0.post11.dev4, 9.1.0.post12.dev4, 9.2.0.post11.dev5, 9.2.0.post12.dev5, 9.3.0.post11.dev1, 9.3.0.post12.dev1)\n' +
  'ERROR: No matching distribution found for tensorrt_libs==8.6.1\n';
// cumulo-autumn/StreamDiffusion#55 (2023-12-26), the description's pip lines: TensorRT 9 from NVIDIA's index itself, whose
// tensorrt-libs needs a CUDA 11 runtime wheel pip could not find: not a missing index.
const fromNvidiaIndex =
  'Looking in indexes: https://pypi.nvidia.com\n' +
  'Collecting tensorrt==9.0.1.post11.dev4\n' +
  'ERROR: Could not find a version that satisfies the requirement nvidia-cuda-runtime-cu11 (from tensorrt-libs) (from versions: none)\n' +
  'ERROR: No matching distribution found for nvidia-cuda-runtime-cu11\n';

describe("TensorRT 8 on NVIDIA's index", () => {
  test('tensorflow[and-cuda] pinning tensorrt-libs 8.6.1: the index, at a shell', async () => {
    const f = await findingOf('pip/no-matching-distribution', tensorflow);
    expect(f.title).toBe("TensorRT 8 wheel is on NVIDIA's index, not PyPI");
    expect(f.fix).toContain('export PIP_EXTRA_INDEX_URL=https://pypi.nvidia.com');
  });

  test('the underscore spelling', async () => {
    const f = await findingOf('pip/no-matching-distribution', underscore);
    expect(f.title).toBe("TensorRT 8 wheel is on NVIDIA's index, not PyPI");
    expect(f.message).toContain('`tensorrt_libs` 8.6.1');
    // what PyPI holds today is not checked: the message quotes pip's own list
    expect(f.message).toContain('(the versions pip found: 9.0.0.post11.dev1');
    expect(f.message).not.toContain('pre-releases');
  });

  test("near miss: a CUDA runtime wheel tensorrt-libs needs, asked of NVIDIA's index, keeps the other readings", async () => {
    const f = await findingOf('pip/no-matching-distribution', fromNvidiaIndex);
    expect(f.title).not.toContain("NVIDIA's index");
  });
});
