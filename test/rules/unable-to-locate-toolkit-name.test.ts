// apt/unable-to-locate-package on a CUDA toolkit name no apt repository has (`cuda-toolkit-dev`): the finding says the
// name exists nowhere and gives the real ones, as shell commands for a host's setup script and as Dockerfile lines in
// an image build. A real name of a repository that is not enabled (`cuda`, NVIDIA's meta-package) keeps the generic finding.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const dir = '../../fixtures/rules/apt/unable-to-locate-package/';
const read = (name: string): string => readFileSync(new URL(dir + name, import.meta.url), 'utf8');

async function finding(text: string) {
  const f = (await analyzeLog(text)).find((x) => x.ruleId === 'apt/unable-to-locate-package');
  expect(f).toBeDefined();
  return f!;
}

describe('apt/unable-to-locate-package: a CUDA toolkit name of no repository', () => {
  test('cuda-toolkit-dev in a host script: the name is no package, the real ones as shell commands', async () => {
    const f = await finding(read('match-cuda-toolkit-dev-host-script.log'));
    expect(f.message).toContain('no apt repository has one by that name');
    expect(f.message).toContain('`cuda-toolkit-12-4` for CUDA 12.4');
    expect(f.message).toContain('`nvidia-cuda-toolkit`');
    expect(f.fix).toContain('```sh');
    expect(f.fix).not.toContain('```dockerfile');
    expect(f.fix).toContain('https://developer.download.nvidia.com/compute/cuda/repos/$distro/x86_64/cuda-keyring_1.1-1_all.deb');
    expect(f.fix).toContain('apt-cache policy nvidia-cuda-toolkit');
  });

  test('cuda-toolkit-dev in an image build (real engine log): the real ones as Dockerfile lines', async () => {
    const f = await finding(readFileSync(new URL('../../fixtures/real/buildkit-0.13-dockerd-26.1/apt-cuda-toolkit-dev.log', import.meta.url), 'utf8'));
    expect(f.message).toContain('no apt repository has one by that name');
    expect(f.fix).toContain('```dockerfile');
    expect(f.fix).toContain('"cuda-toolkit-$CUDA_RELEASE"');
    expect(f.fix).not.toContain('```sh');
  });

  test('cuda, a real name of a repository not enabled: the generic finding, as a shell check', async () => {
    const f = await finding(read('match-cuda-meta-host-script.log'));
    expect(f.message).not.toContain('no apt repository has one by that name');
    expect(f.fix).toContain('apt-get update && apt-cache policy cuda');
    expect(f.fix).not.toContain('```dockerfile');
  });

  test('a versioned NVIDIA name in an image build: the generic finding, checked in the base image', async () => {
    const f = await finding(readFileSync(new URL('../../fixtures/real/buildkit-0.25-dockerd-28.5/apt-unable-to-locate.log', import.meta.url), 'utf8'));
    expect(f.message).not.toContain('no apt repository has one by that name');
    expect(f.fix).toContain('apt-cache policy cuda-cupti-12-4');
    expect(f.fix).not.toContain('where the install ran');
  });
});
