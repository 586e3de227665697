// cuda/unsupported-arch with the distribution's `/usr/bin/nvcc`: in an image build the apt package shadows the base
// image's toolkit, and the fix keeps the base image; outside a build the machine's toolkits are listed instead. Both logs
// are the rule's match fixtures (provenance in fixtures/rules/cuda/unsupported-arch/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingOf } from './support/analyze-log.js';

const dir = 'fixtures/rules/cuda/unsupported-arch';
const read = (name: string): string => readFileSync(`${dir}/${name}`, 'utf8');

describe('cuda/unsupported-arch: the distribution nvcc', () => {
  test('in an image build (spirula-studio#3): drop the apt toolkit, use /usr/local/cuda, keep the base image', async () => {
    const f = await findingOf('cuda/unsupported-arch', read('match-distro-nvcc-in-image-compute89-spirula-3.log'));
    expect(f.title).toContain("distribution's nvcc");
    expect(f.fix).toContain('delete `nvidia-cuda-toolkit`');
    expect(f.fix).toContain('ENV CUDA_HOME=/usr/local/cuda');
    expect(f.fix).toContain('CUDA 11.8 or newer');
    expect(f.fix).not.toContain('pick a -devel tag');
  });

  test('outside an image build (exui#18): not the Dockerfile advice', async () => {
    const f = await findingOf('cuda/unsupported-arch', read('match-distro-nvcc-torch-ext-compute89-exui-18.log'));
    expect(f.fix).not.toContain('ENV CUDA_HOME');
    expect(f.fix).toContain('ls -d /usr/local/cuda-*/bin/nvcc');
  });
});
