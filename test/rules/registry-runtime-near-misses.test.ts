// Near misses of the registry token request (buildkit/base-image-not-found), of the NVIDIA runtime's own CDI device
// (runtime/cdi-device-unavailable) and of a CUDA build run without the driver (runtime/shared-library-missing), each a real log of the
// fixtures (provenance in their README.md): each wording needs its own evidence.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

function fixture(rel: string): string {
  return readFileSync(path.join(fixturesRoot, rel), 'utf8');
}

async function baseImage(text: string) {
  const findings = await analyzeLog(text);
  return findings.find((f) => f.ruleId === 'buildkit/base-image-not-found');
}

describe('buildkit/base-image-not-found: the token request', () => {
  test('a token request that timed out: the token service is unreachable, retryable', async () => {
    const f = await baseImage(fixture('buildkit/base-image-not-found/match-nvcr-token-request-timeout.log'));
    expect(f!.title).toBe('Registry unreachable while pulling the base image');
    expect(f!.retryable).toBe(true);
    expect(f!.fix).toContain('curl -sSI --max-time 20 https://nvcr.io/v2/');
  });

  test('an anonymous token refused for an NGC framework image: the tag and NGC, not a generic login', async () => {
    const f = await baseImage(fixture('buildkit/base-image-not-found/match-nvcr-token-401-status-only.log'));
    expect(f!.title).toBe('nvcr.io refused an anonymous pull token for an NGC image');
    expect(f!.fix).toContain('docker pull nvcr.io/nvidia/pytorch:23.03-py3');
  });

  test('a token refused with credentials, for a Docker Hub image: neither the NGC nor the unreachable wording', async () => {
    const f = await baseImage(fixture('buildkit/push-denied/nomatch-pull-token-401.log'));
    expect(f).toBeDefined();
    expect(f!.title).not.toContain('nvcr.io');
    expect(f!.title).not.toContain('unreachable');
  });

  test('a push whose token request was refused is no base image', async () => {
    const f = await baseImage(fixture('buildkit/push-denied/match-dockerhub-token-401-bare-tag.log'));
    expect(f).toBeUndefined();
  });
});

describe('runtime/cdi-device-unavailable: the NVIDIA runtime\'s own device', () => {
  test('runtime.nvidia.com/gpu=all unresolvable: the runtime\'s in-memory spec generation failed', async () => {
    const f = (await analyzeLog(fixture('runtime/cdi-device-unavailable/match-wrapped-devices-runtime-nvidia-1537.log'))).find(
      (x) => x.ruleId === 'runtime/cdi-device-unavailable',
    );
    expect(f!.title).toBe('The NVIDIA runtime could not generate its CDI spec for the GPU');
    expect(f!.fix).toContain('sudo nvidia-ctk cdi generate > /dev/null');
  });

  test('nvidia.com/gpu=all unresolvable (a spec on disk): the spec advice stays', async () => {
    const f = (await analyzeLog(fixture('runtime/cdi-device-unavailable/match-rootless-spec-dirs-moby-47676.log'))).find(
      (x) => x.ruleId === 'runtime/cdi-device-unavailable',
    );
    expect(f!.title).not.toContain('generate its CDI spec');
  });
});

describe('runtime/shared-library-missing: a llama.cpp CUDA build', () => {
  test('started in a container without GPUs: the CPU build or the GPU runtime', async () => {
    const f = (await analyzeLog(fixture('runtime/shared-library-missing/match-llamacpp-cuda-build-cpu-compose-exec.log'))).find(
      (x) => x.ruleId === 'runtime/shared-library-missing',
    );
    expect(f!.title).toBe('llama.cpp built with CUDA, started where the NVIDIA driver is not mounted');
    expect(f!.fix).toContain('-DGGML_CUDA=OFF');
    expect(f!.fix).toContain('--gpus all');
  });

  test('a `docker run --gpus all` of a CUDA image: the GPU runtime\'s checks, no CPU build', async () => {
    const f = (await analyzeLog(fixture('runtime/shared-library-missing/match-libcuda-with-gpus-llamacpp-7822.log'))).find(
      (x) => x.ruleId === 'runtime/shared-library-missing',
    );
    expect(f!.title).toBe('NVIDIA driver library not mounted, although the container asked for GPUs');
    expect(f!.fix).not.toContain('GGML_CUDA');
  });
});
