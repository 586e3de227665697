// The `run-image` enricher: the -devel flavour of the nvidia/cuda image a `docker run` starts.
import { describe, expect, test } from 'vitest';
import { runImageEnrich } from '../../src/knowledge/run-image-enricher.js';
import { parseImageRef } from '../../src/knowledge/nvidia-images.js';
import { makeModel } from '../support/builders.js';
import { factsFor } from '../../src/facts/fact-view.js';

const noFacts = factsFor({}, null, makeModel());
// The shared `docker run` context captures `head` (up to `run `) and `args` (the rest of the line).
const run = (cmd: string, image: string, rest: string): Record<string, string> => {
  const at = cmd.indexOf(' run ') + ' run '.length;
  return runImageEnrich({ 'context.runCommand.head': cmd.slice(0, at), 'context.runCommand.args': `${cmd.slice(at)}${image}${rest}` }, null, makeModel(), noFacts);
};

describe('run-image', () => {
  test('an NGC base image keeps its registry, OS and the rest of the command', () => {
    const out = run('docker run -it --rm ', 'nvcr.io/nvidia/cuda:12.0.1-base-ubuntu22.04', ' /bin/bash');
    expect(out.runFlavour).toBe('base');
    expect(out.runDevelCommand).toBe('docker run -it --rm nvcr.io/nvidia/cuda:12.0.1-devel-ubuntu22.04 /bin/bash');
    expect(out.runTagsUrl).toBe('https://hub.docker.com/r/nvidia/cuda/tags?name=12.0');
  });

  test('a cuDNN runtime image keeps its cuDNN and the flags', () => {
    const out = run('docker run -it --gpus all ', 'nvidia/cuda:10.0-cudnn7-runtime-ubuntu18.04', ' /bin/bash');
    expect(out.runDevelImage).toBe('nvidia/cuda:10.0-cudnn7-devel-ubuntu18.04');
    expect(out.runDevelCommand).toBe('docker run -it --gpus all nvidia/cuda:10.0-cudnn7-devel-ubuntu18.04 /bin/bash');
  });

  test('a devel image, or an image that is not nvidia/cuda, gives nothing', () => {
    expect(run('docker run ', 'nvidia/cuda:12.4.1-devel-ubuntu22.04', '')).toEqual({});
    expect(run('docker run ', 'nvidia/cuda:9.0-base', '')).toEqual({});
    expect(runImageEnrich({}, null, makeModel(), noFacts)).toEqual({});
  });

  test('NGC tags of nvidia/cuda parse as nvidia/cuda', () => {
    expect(parseImageRef('nvcr.io/nvidia/cuda:12.0.1-base-ubuntu22.04')).toMatchObject({ kind: 'nvidia-cuda', cuda: '12.0', flavour: 'base', registry: 'nvcr.io/' });
    expect(parseImageRef('nvidia/cuda:12.0.1-base-ubuntu22.04')).not.toHaveProperty('registry');
  });
});
