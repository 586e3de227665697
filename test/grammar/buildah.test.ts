// Podman / Buildah build output, from real podman 4.3 logs (fixtures/real/podman-4.3/) and the
// older wording of the final error.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { parseDockerfile } from '../../src/dockerfile/dockerfile.js';

const REAL = new URL('../../fixtures/real/podman-4.3/', import.meta.url);

async function analyzeText(text: string, containerfile?: string) {
  const dockerfile = containerfile === undefined ? undefined : parseDockerfile(containerfile, 'Containerfile');
  return analyzeStream(Readable.from([Buffer.from(text)]), { dockerfile });
}

const real = (name: string): string => readFileSync(new URL(name, REAL), 'utf8');

describe('podman / buildah logs', () => {
  it('a failed multi-stage build: stages, per-stage numbering, the failed step and its Containerfile line', async () => {
    const { model, findings } = await analyzeText(real('apt-unable-to-locate.log'), real('apt-unable-to-locate.Containerfile'));
    expect(model.format).toBe('buildah');
    expect(model.steps.map((s) => [s.id, s.stage, s.index, s.total, s.status])).toEqual([
      [1, 'builder', 1, 3, 'done'],
      [2, 'builder', 2, 3, 'cached'],
      [3, 'builder', 3, 3, 'done'],
      [4, 'stage-1', 1, 3, 'done'],
      [5, 'stage-1', 2, 3, 'done'],
      [6, 'stage-1', 3, 3, 'error'],
    ]);
    expect(model.failedStep).toBe(6);
    expect(model.solveError?.exitCode).toBe(100);
    const [top] = findings;
    expect(top?.ruleId).toBe('apt/unable-to-locate-package');
    expect(top?.step).toBe(6);
    expect(top?.location).toMatchObject({ file: 'Containerfile', line: 7 });
    // The builder stage's output belongs to its own step, not to the failed one.
    expect(model.steps.find((s) => s.id === 3)?.tail.join('\n')).toContain('cmake version 3.25.1');
  });

  it('a passing build and its cached re-run: nothing to report, the cache hits counted', async () => {
    const pass = await analyzeText(real('multistage-pass.log'), real('multistage-pass.Containerfile'));
    expect(pass.model.failedStep).toBeNull();
    expect(pass.model.solveError).toBeNull();
    expect(pass.findings.filter((f) => f.severity !== 'notice')).toEqual([]);
    const cached = await analyzeText(real('multistage-pass-cached.log'));
    expect(cached.model.steps.filter((s) => s.status === 'cached').map((s) => s.id)).toEqual([2, 3, 5, 6]);
  });

  it('a base image that cannot be pulled fails the build at its FROM (not a step left running)', async () => {
    // NVIDIA/nvidia-docker#1768: `Error: error creating build container: … manifest unknown` under `STEP 1/26: FROM …`
    const log = readFileSync(new URL('../../fixtures/real-world/base-image/podman-cuda102-manifest-unknown.log', import.meta.url), 'utf8');
    const { model, findings } = await analyzeText(log);
    expect(model.steps.map((s) => [s.index, s.status])).toEqual([[1, 'error']]);
    expect(model.failedStep).toBe(model.steps[0]!.id);
    expect(findings[0]?.ruleId).toBe('buildkit/base-image-not-found');
    expect(findings[0]?.reproduce).toContain('podman pull docker.io/nvidia/cuda:10.2-cudnn7-devel-ubuntu18.04');
  });

  it('the older wording of the failure, single stage, no [k/n] prefix', async () => {
    const log = [
      'STEP 1/3: FROM nvidia/cuda:12.4.1-devel-ubuntu22.04',
      'STEP 2/3: WORKDIR /src',
      '--> 5d1c2e3f4a5',
      'STEP 3/3: RUN nvcc -gencode arch=compute_35,code=sm_35 -c k.cu',
      "nvcc fatal   : Unsupported gpu architecture 'compute_35'",
      'error building at STEP "RUN nvcc -gencode arch=compute_35,code=sm_35 -c k.cu": error while running runtime: exit status 1',
      '',
    ].join('\n');
    const { model, findings } = await analyzeText(log);
    expect(model.steps.map((s) => [s.stage, s.index, s.status])).toEqual([
      [null, 1, 'done'],
      [null, 2, 'done'],
      [null, 3, 'error'],
    ]);
    expect(model.solveError?.exitCode).toBe(1);
    expect(findings[0]?.ruleId).toBe('cuda/unsupported-arch');
    expect(findings[0]?.message).toContain('CUDA 12.4');
  });

  it('a single-stage COMMIT is the step being written, not its output; podman\'s `Successfully tagged` is not the classic builder', async () => {
    const log = [
      'STEP 1/2: FROM localhost/local/tools:bookworm',
      'STEP 2/2: RUN echo ok',
      'ok',
      'COMMIT demo',
      '--> d483c1d0633',
      'Successfully tagged localhost/demo:latest',
      'd483c1d06335beca73fd0a80898e095d630615ef6a955786feb89a357407c312',
      '',
    ].join('\n');
    const { model } = await analyzeText(log);
    expect(model.format).toBe('buildah');
    expect(model.steps.find((s) => s.index === 2)).toMatchObject({ status: 'done', tail: ['ok'], outputLines: 1 });
  });

  it('look-alikes are not podman: a tool printing STEP inside a BuildKit step, a CMake status line', async () => {
    const log = [
      '#5 [2/2] RUN ./install.sh',
      '#5 0.102 STEP 1/3: unpacking',
      '#5 0.204 -- Found CUDA: /usr/local/cuda',
      '#5 DONE 0.3s',
      '',
    ].join('\n');
    const { model } = await analyzeText(log);
    expect(model.format).toBe('buildkit-plain');
    expect(model.steps.map((s) => s.id)).toEqual([5]);
  });
});
