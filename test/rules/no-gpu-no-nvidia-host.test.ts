// cuda/no-gpu-at-build where the machine may have no NVIDIA GPU at all, or runs WSL 2: the advice must not send such a
// machine to `--gpus` or a Linux NVIDIA driver first. Each case is a real log (the rule's fixtures, provenance in
// fixtures/rules/cuda/no-gpu-at-build/README.md), and the near misses are real fixtures that keep their advice.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const RULE = 'cuda/no-gpu-at-build';

async function finding(rel: string) {
  const text = readFileSync(path.join(fixturesRoot, 'cuda/no-gpu-at-build', rel), 'utf8');
  return (await analyzeLog(text)).find((f) => f.ruleId === RULE);
}

describe('torch finds no NVIDIA driver, no NVIDIA GPU named, place unknown', () => {
  test.each([
    'match-found-no-driver-quoted-line-ai-dock.log',
    'match-found-no-driver-comfyui-ipex-image.log',
    'match-found-no-driver-compose-ipex-service.log',
  ])('%s: the host check and the CPU / XPU / ROCm build lead, NVIDIA remedies only for a host with one', async (rel) => {
    const f = await finding(rel);
    expect(f!.title).toBe('No NVIDIA GPU that this program can see');
    const fix = f!.fix!;
    expect(fix.indexOf('lspci | grep -i nvidia')).toBeLessThan(fix.indexOf('--gpus all'));
    expect(fix.indexOf('No NVIDIA GPU: use the program\'s build')).toBeLessThan(fix.indexOf('An NVIDIA GPU listed'));
    expect(fix).toContain('XPU (Intel) or ROCm (AMD)');
  });

  test('near miss: a compose run without GPUs (NVIDIA host) keeps the start-with-GPUs advice', async () => {
    const f = await finding('match-found-no-driver-compose-run.log');
    expect(f!.title).toBe('No GPU in the container: it was started without one');
    expect(f!.fix).not.toContain('XPU');
  });

  test('near miss: the same line in a build step keeps the build advice', async () => {
    const f = await finding('match-found-no-driver-hash0-stamped-indented.log');
    expect(f!.title).toBe('Build step needs a GPU (the build has none)');
  });
});

describe('CUDA finds no device under WSL 2', () => {
  test('the Windows driver and no Linux driver in WSL lead; no driver install for Linux', async () => {
    const f = await finding('match-cuinit-no-device-wsl2-prose.log');
    expect(f!.title).toContain('WSL 2');
    expect(f!.fix).toContain('ls -l /usr/lib/wsl/lib/libcuda.so*');
    expect(f!.fix).toContain('never install a Linux NVIDIA driver inside WSL');
    expect(f!.fix).toContain('wsl --update');
    expect(f!.fix).not.toContain('driver-installation-guide');
  });

  test('near miss: torch\'s empty arch list in a WSL 2 shell keeps the arch-list advice', async () => {
    const f = await finding('match-torch-arch-list-wsl-shell.log');
    expect(f!.title).toBe('No GPU in this shell: torch found no arch to compile for');
  });

  test('near miss: no-device without WSL or a place keeps the three-place advice', async () => {
    const f = await finding('match-no-cuda-capable-device-detectron2.log');
    expect(f!.title).toBe('No NVIDIA GPU or driver where this ran');
  });
});
