// Near misses of the round-23 GPU fixes, each a contiguous cut of a real log (provenance in the fixtures' README.md):
// the wording must keep the other advice when the evidence that chose the new one is not there.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

function fixture(rel: string): string {
  return readFileSync(path.join(fixturesRoot, rel), 'utf8');
}

async function first(text: string, ruleId: string) {
  const findings = await analyzeLog(text);
  return findings.find((f) => f.ruleId === ruleId);
}

describe('runtime/gpu-runtime-missing: the host\'s graphics', () => {
  const log = fixture('runtime/gpu-runtime-missing/match-intel-graphics-only-sd-docker-82.log');

  test('Intel graphics and no NVIDIA GPU named: the missing GPU leads, not the toolkit', async () => {
    const f = await first(log, 'runtime/gpu-runtime-missing');
    expect(f!.title).toBe('The container asks for a GPU, and this machine shows only Intel graphics');
    expect(f!.message).toContain('Mesa Intel® Xe Graphics (TGL GT2)');
    expect(f!.fix).toContain('without `--gpus`');
  });

  test('the same report cut before its graphics line (an Intel CPU named only): the toolkit advice stays', async () => {
    const cut = log.split('\n').slice(0, 7).join('\n');
    expect(cut).toContain('Core i7-1195G7');
    const f = await first(cut, 'runtime/gpu-runtime-missing');
    expect(f!.title).toBe('Docker has no GPU runtime (NVIDIA Container Toolkit)');
  });
});

describe('buildx/exec-format-error: where the shell ran', () => {
  test('the shell error alone: the image\'s platform, run and build told apart, QEMU not first', async () => {
    const f = await first(fixture('buildx/exec-format-error/match-shell-only-paste-awsudo-79.log'), 'buildx/exec-format-error');
    expect(f!.title).toBe('Image of another CPU architecture than the machine that runs it (exec format error)');
    expect(f!.fix.indexOf('imagetools inspect')).toBeLessThan(f!.fix.indexOf('tonistiigi/binfmt'));
  });

  test('a build the log frames keeps the build advice', async () => {
    const f = await first(fixture('buildx/exec-format-error/match-arm64-stage-no-emulator.log'), 'buildx/exec-format-error');
    expect(f!.title).not.toContain('machine that runs it');
  });
});

describe('cuda/driver-too-old: the NGC banner', () => {
  test('a driver below the image\'s CUDA family: an error naming the banner\'s release', async () => {
    const f = await first(fixture('cuda/driver-too-old/match-ngc-banner-driver-510-trtllm-23.log'), 'cuda/driver-too-old');
    expect(f!.severity).toBe('error');
    expect(f!.message).toContain('CUDA 12.2');
    expect(f!.fix).toContain('535.86 or newer');
  });

  test('a driver of the same CUDA family: a warning, the program may run', async () => {
    const f = await first(fixture('cuda/driver-too-old/match-ngc-banner-same-family-580-spark-266.log'), 'cuda/driver-too-old');
    expect(f!.severity).toBe('warning');
  });
});

describe('cuda/no-kernel-image: which piece has no kernel', () => {
  test('a bare torch RuntimeError: the torch check first, with the torch sm_120 needs', async () => {
    const f = await first(fixture('cuda/no-kernel-image/match-torch-runtime-error-one-line-a1111-11.log'), 'cuda/no-kernel-image');
    expect(f!.fix.indexOf('get_arch_list')).toBeLessThan(f!.fix.indexOf('TORCH_CUDA_ARCH_LIST'));
    expect(f!.fix).toContain('https://download.pytorch.org/whl/cu128');
  });
});
