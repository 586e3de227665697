// runtime/cuda-kernel-symbol-not-found: cudaErrorSymbolNotFound at a kernel launch (an older CUDA runtime loaded than the
// binaries were built with, or no code for the GPU's arch). CUDA's start with error 500 stays runtime/wsl-cuda-symbol-not-found.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog, findingOf } from './support/analyze-log.js';

const ID = 'runtime/cuda-kernel-symbol-not-found';
const WSL = 'runtime/wsl-cuda-symbol-not-found';
const read = (rule: string, name: string): string =>
  readFileSync(new URL(`../../fixtures/rules/runtime/${rule}/${name}`, import.meta.url), 'utf8');

describe('cudaErrorSymbolNotFound at a kernel launch', () => {
  test('ONNX Runtime through the Rust ort crate (pykeio/ort#540): find the loaded runtime, never a guessed version', async () => {
    const f = await findingOf(ID, read('cuda-kernel-symbol-not-found', 'match-ort-quickgelu-cuda122-runtime-540.log'));
    expect(f.message).toContain('QuickGelu node');
    expect(f.fix).toContain('LD_DEBUG=libs');
    expect(f.fix).toContain('/maps');
    expect(f.fix).toContain('where.exe cudart64_12.dll');
    expect(f.fix).toContain('onnxruntime.ai/docs/execution-providers/CUDA-ExecutionProvider.html#requirements');
    expect(`${f.message} ${f.fix}`).not.toMatch(/Docker Desktop|wsl --update/);
  });

  test('stdexec (NVIDIA/stdexec#888, description by ericniebler, 2023-04-12): the generic reading, arch or runtime', async () => {
    const f = await findingOf(
      ID,
      'CUDA error cudaErrorSymbolNotFound [/home/eniebler/Code/stdexec/include/nvexec/stream/bulk.cuh:239]: named symbol not found\n',
    );
    expect(f.message).toContain('architecture');
    expect(f.fix).toContain('CMAKE_CUDA_ARCHITECTURES');
  });

  test("ONNX Runtime's error 500 as the provider starts (gabotechs/MusicGPT#26) is not a kernel launch", async () => {
    const findings = await analyzeLog(read('cuda-kernel-symbol-not-found', 'nomatch-ort-cuda-start-500-musicgpt-26.log'));
    expect(findings.some((f) => f.ruleId === ID)).toBe(false);
  });

  test.each(['match-bare-line-whisper-webui-279.log', 'match-torch-traceback-comfyui-docker-77.log', 'match-docker-desktop-check-env-lmdeploy-2570.log'])(
    "CUDA's start with error 500 (%s) stays the WSL finding alone",
    async (name) => {
      const findings = await analyzeLog(read('wsl-cuda-symbol-not-found', name));
      expect(findings.some((f) => f.ruleId === WSL)).toBe(true);
      expect(findings.some((f) => f.ruleId === ID)).toBe(false);
    },
  );
});
