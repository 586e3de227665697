// A CUDA library missing while an image is built on a Jetson with JetPack 4, where the nvidia runtime mounts the host's CUDA
// into containers and a build step gets it only when that runtime is Docker's default. Each case is a rule fixture
// (provenance in fixtures/rules/runtime/shared-library-missing/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/rules/runtime/shared-library-missing/${name}`, import.meta.url), 'utf8');

describe('a CUDA library missing during a Jetson build', () => {
  test('an R32 L4T image named: the default-runtime fix, with the classic builder', async () => {
    const [f] = await analyzeLog(fixture('match-libcurand-l4t-pytorch-build-yolact-edge-228.log'));
    expect(f?.ruleId).toBe('runtime/shared-library-missing');
    expect(f?.title).toBe('CUDA library missing during a Jetson image build (nvidia is not the default runtime)');
    expect(f?.fix).toContain('"default-runtime": "nvidia"');
    expect(f?.fix).toContain('DOCKER_BUILDKIT=0');
  });

  test('a build with no Jetson named: how to tell, then both readings', async () => {
    const [f] = await analyzeLog(fixture('match-libcurand-classic-build-backticks-jetson-121.log'));
    expect(f?.title).toBe('CUDA runtime library not found while building the image');
    expect(f?.fix).toContain('/etc/nv_tegra_release');
    expect(f?.fix.indexOf('"default-runtime": "nvidia"')).toBeLessThan(f?.fix.indexOf('cuda-libraries-') ?? 0);
  });

  test('a docker run on a Jetson is not told to change the default runtime for builds', async () => {
    const [f] = await analyzeLog(fixture('match-libcurand-jetson-docker-run-ros-126.log'));
    expect(f?.ruleId).toBe('runtime/shared-library-missing');
    expect(f?.fix).not.toContain('default-runtime');
  });

  test('a CUDA 13 library missing in a BuildKit build is not read as a Jetson', async () => {
    const [f] = await analyzeLog(fixture('match-cudart-not-in-image.log'));
    expect(f?.ruleId).toBe('runtime/shared-library-missing');
    expect(f?.fix).not.toContain('nv_tegra_release');
  });
});
