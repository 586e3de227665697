// cuda/toolkit-not-found on flash-attn built on an arm64 machine without an NVIDIA GPU: with the platform in the log, the
// fix leaves flash-attn out or builds for linux/amd64, and prints no x86_64 toolkit advice; without it, the fix first
// says how to see the platform. The arm64 run puts a real line from another real report (baler-collaboration/baler#77,
// "When building the docker image on Mac M1 …", the match fixture of pip/poetry-no-install-candidates) above the
// flash-attn log of adithya-s-k/omniparse#61, an Apple-Silicon build whose own cut does not name the chip.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const read = (path: string): string => readFileSync(new URL(`../../fixtures/rules/${path}`, import.meta.url), 'utf8');
const flashLog = read('cuda/toolkit-not-found/match-flash-attn-no-nvcc-mac-docker-build.log');
const m1Line = read('pip/poetry-no-install-candidates/match-m1-torch113-nvidia-cublas-cu11.log').split('\n')[0]!;

async function finding(text: string) {
  const f = (await analyzeLog(text)).find((x) => x.ruleId === 'cuda/toolkit-not-found');
  expect(f).toBeDefined();
  return f!;
}

describe('cuda/toolkit-not-found: flash-attn on an arm64 builder', () => {
  test('the report names an M1: leave flash-attn out or build for linux/amd64, no x86_64 toolkit advice', async () => {
    expect(m1Line).toContain('Mac M1');
    const f = await finding(`${m1Line}\n${flashLog}`);
    expect(f.title).toBe('flash-attn cannot build on this arm64 machine (no CUDA)');
    expect(f.fix).toContain('--platform linux/amd64');
    expect(f.fix).toContain('leave flash-attn out');
    expect(f.fix).not.toContain('linux_x86_64.whl');
    expect(f.fix).not.toContain('export CUDA_HOME');
  });

  test('the platform not shown: the fix first says how to see it', async () => {
    const f = await finding(flashLog);
    expect(f.title).toBe('flash-attn found no nvcc (no CUDA toolkit)');
    // The log is BuildKit's error box (`6.866 ` seconds before each line): the toolkit advice that follows is the Dockerfile's.
    expect(f.fix.indexOf('uname -m')).toBeGreaterThanOrEqual(0);
    expect(f.fix.indexOf('uname -m')).toBeLessThan(f.fix.indexOf('ENV PATH=/usr/local/cuda/bin'));
    expect(f.fix).toContain("docker version --format '{{.Server.Arch}}'");
  });
});
