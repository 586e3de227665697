// The enrichers behind the apt, base-image, step-failed, OOM, command-not-found and job-timeout
// advice: each value follows the facts it is given, and nothing is written for a fact the log lacks.
import { describe, expect, test } from 'vitest';
import { factsFor } from '../../src/facts/fact-view.js';
import type { BuildFacts, FactValue } from '../../src/facts/types.js';
import { keyEnrolment, nvidiaKeyEnrich } from '../../src/knowledge/nvidia-key-enricher.js';
import { cudaImageTagEnrich, listTagsCommand } from '../../src/knowledge/cuda-tag-enricher.js';
import { parseImageRef, type CudaImage } from '../../src/knowledge/nvidia-images.js';
import { exitNote, stepOutcomeEnrich } from '../../src/knowledge/step-outcome.js';
import { jobsEnv, memoryKnobsEnrich } from '../../src/knowledge/memory-knobs-enricher.js';
import { commandPackageEnrich, familyOf, shellOfWording } from '../../src/knowledge/command-package.js';
import { runningStepEnrich } from '../../src/knowledge/running-step.js';
import { makeModel, makeStep } from '../support/builders.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}
const view = (facts: BuildFacts, model = makeModel()) => factsFor(facts, null, model);
const buildStep = makeStep({ id: 4, instruction: 'RUN apt-get update' });
const buildModel = makeModel({ steps: [buildStep] });
const inImage = (facts: BuildFacts) => factsFor(facts, buildStep, buildModel);

describe('nvidia-key: the keyring of the repository the log shows', () => {
  test('ubuntu1804 and ubuntu2004 get the rotation notice’s cuda-keyring_1.0-1, never another release’s path', () => {
    for (const repo of ['ubuntu1804/x86_64', 'ubuntu2004/x86_64']) {
      const v = nvidiaKeyEnrich({}, null, makeModel(), view({ nvidiaRepo: [fact(repo, 'nvidia-repo')] }));
      expect(v.keyUrl).toBe(`https://developer.download.nvidia.com/compute/cuda/repos/${repo}/cuda-keyring_1.0-1_all.deb`);
      expect(v.keyInstall).toBe('rm -f /etc/apt/sources.list.d/cuda.list && dpkg -i /tmp/cuda-keyring_1.0-1_all.deb');
    }
  });

  test('a current repo gets its keyring from the repository table; an unknown one the public key', () => {
    expect(keyEnrolment('ubuntu2204/sbsa')!.keyUrl).toBe('https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2204/sbsa/cuda-keyring_1.1-1_all.deb');
    expect(keyEnrolment('ubuntu1604/x86_64')).toEqual({
      repo: 'ubuntu1604/x86_64',
      keyFile: '3bf863cc.pub',
      keyUrl: 'https://developer.download.nvidia.com/compute/cuda/repos/ubuntu1604/x86_64/3bf863cc.pub',
      keyInstall: 'apt-key add /tmp/3bf863cc.pub',
    });
  });

  test('no repository fact, no values', () => {
    expect(nvidiaKeyEnrich({}, null, makeModel(), view({ os: [fact('Ubuntu 20.04', 'image-tag')] }))).toEqual({});
  });
});

describe('cuda-image-tag: a command that lists real tags of the same form', () => {
  const image = parseImageRef('nvidia/cuda:11.3.0-cudnn8-devel-ubuntu20.04') as CudaImage;

  test('same cuDNN, flavour, OS and CUDA major', () => {
    expect(listTagsCommand(image)).toBe(
      "curl -fsS 'https://hub.docker.com/v2/repositories/nvidia/cuda/tags?page_size=100&name=cudnn8-devel-ubuntu20.04' | grep -oE '11\\.[0-9]+\\.[0-9]+-cudnn8-devel-ubuntu20\\.04' | sort -uV",
    );
  });

  test('a tag without a patch release lists the patch releases of its minor', () => {
    const v = cudaImageTagEnrich({ 'context.nvidiaCuda.ref': 'nvidia/cuda:12.4-devel-ubuntu22.04' }, null, makeModel(), view({}));
    expect(v.cudaTagVersion).toBe('12.4');
    expect(v.listCudaPatchTags).toBe(
      "curl -fsS 'https://hub.docker.com/v2/repositories/nvidia/cuda/tags?page_size=100&name=12.4' | grep -oE '12\\.4\\.[0-9]+-devel-ubuntu22\\.04' | sort -uV",
    );
  });

  test('anything that is not an nvidia/cuda tag gets nothing', () => {
    expect(cudaImageTagEnrich({ 'context.nvidiaCuda.ref': 'python:3.11' }, null, makeModel(), view({}))).toEqual({});
    expect(cudaImageTagEnrich({}, null, makeModel(), view({}))).toEqual({});
  });
});

describe('step-outcome: only the exit code the log shows', () => {
  test('codes and signals', () => {
    expect(exitNote(null)).toBe('');
    expect(exitNote(2)).toBe('It exited with code 2.');
    expect(exitNote(137)).toBe('It exited with code 137 (128 + 9: killed by SIGKILL).');
  });

  test('a step without an exit code says nothing', () => {
    const step = makeStep({ id: 3, instruction: 'RUN make', status: 'error' });
    expect(stepOutcomeEnrich({}, step, makeModel({ steps: [step] }), view({})).exitNote).toBe('');
  });
});

describe('memory-knobs: the knobs of the package being built, the runner it ran on', () => {
  test('flash-attn and vllm get NVCC_THREADS too; torch extensions MAX_JOBS; others the generic pair', () => {
    expect(jobsEnv('flash-attn')).toBe('MAX_JOBS=2 NVCC_THREADS=1');
    expect(jobsEnv('vllm')).toBe('MAX_JOBS=2 NVCC_THREADS=1');
    expect(jobsEnv('torch-cpp-extension')).toBe('MAX_JOBS=2');
    expect(jobsEnv(null)).toBe('MAX_JOBS=2 CMAKE_BUILD_PARALLEL_LEVEL=2');
  });

  test("cudf's build.sh passes its own -j: PARALLEL_LEVEL, never MAX_JOBS, and no torch arch list", () => {
    expect(jobsEnv('rapids-cudf')).toBe('PARALLEL_LEVEL=2');
    const knobs = memoryKnobsEnrich({ 'context.rapidsCudf': 'x' }, buildStep, buildModel, inImage({}));
    expect(knobs.jobsLine).toBe('ENV PARALLEL_LEVEL=2');
    expect(knobs.tailNote).not.toContain('TORCH_CUDA_ARCH_LIST');
  });

  test('ENV in an image build, export elsewhere', () => {
    expect(memoryKnobsEnrich({ 'context.flashAttn': 'x' }, buildStep, buildModel, inImage({})).jobsLine).toBe('ENV MAX_JOBS=2 NVCC_THREADS=1');
    expect(memoryKnobsEnrich({}, null, makeModel(), view({})).jobsLine).toBe('export MAX_JOBS=2 CMAKE_BUILD_PARALLEL_LEVEL=2');
  });

  test('runner advice only for a GitHub-hosted runner', () => {
    const hosted = view({ runner: [fact('github-hosted', 'runner-image')] });
    expect(memoryKnobsEnrich({}, null, makeModel(), hosted).runnerNote).toContain('GitHub-hosted runner');
    expect(memoryKnobsEnrich({}, null, makeModel(), view({})).runnerNote).not.toContain('GitHub');
  });
});

describe('command-package: the package for the distro in the log, or the lookup', () => {
  test('families', () => {
    expect(familyOf('Ubuntu 22.04')).toBe('deb');
    expect(familyOf('Debian 12')).toBe('deb');
    expect(familyOf('UBI 9')).toBe('rpm');
    expect(familyOf(null)).toBeNull();
    expect(familyOf('Alpine 3.19')).toBe('apk');
  });

  test('no os fact: the shell\'s wording names the family (dash: deb, busybox ash: apk unless the base image is not Alpine)', () => {
    expect(shellOfWording({ notFoundBy: 'sh', command: 'pip3', lineNo: '1: ', cmdWord: '' })).toBe('dash');
    expect(shellOfWording({ notFoundBy: 'sh', command: 'pip3', lineNo: '', cmdWord: '' })).toBe('busybox');
    expect(shellOfWording({ notFoundBy: 'sh', command: 'pip3', lineNo: 'line 1: ', cmdWord: 'command ' })).toBeNull();
    expect(shellOfWording({})).toBeNull();
    const ash = commandPackageEnrich({ notFoundBy: 'sh', command: 'pip3', lineNo: '' }, buildStep, buildModel, inImage({}));
    expect(ash.installLine).toBe('RUN apk add --no-cache py3-pip');
    const dash = commandPackageEnrich({ notFoundBy: 'sh', command: 'pip3', lineNo: '1: ' }, buildStep, buildModel, inImage({}));
    expect(dash.commandPackage).toBe('python3-pip');
    // busybox ash in the busybox image: no apk there, so no Alpine advice
    const busybox = commandPackageEnrich({ notFoundBy: 'sh', command: 'git', lineNo: '' }, buildStep, buildModel, inImage({ baseImage: [fact('busybox:1.36', 'instruction')] }));
    expect(busybox.installLine).toContain('apt-file');
    // exec's `executable file not found` is no shell's wording
    expect(shellOfWording({ command: 'gcc' })).toBeNull();
    // bash's wording names no family
    expect(commandPackageEnrich({ notFoundBy: 'sh', command: 'pip3', lineNo: '', cmdWord: 'command ' }, buildStep, buildModel, inImage({})).commandPackage).toBeUndefined();
  });

  test('a known command on Ubuntu: its package, as a RUN in an image build', () => {
    const v = commandPackageEnrich({ command: 'ninja' }, buildStep, buildModel, inImage({ os: [fact('Ubuntu 22.04', 'image-tag')] }));
    expect(v.commandPackage).toBe('ninja-build');
    expect(v.installLine).toBe('RUN apt-get update && apt-get install -y --no-install-recommends ninja-build && rm -rf /var/lib/apt/lists/*');
  });

  test('an unknown command or distro: the lookup, never a guessed name', () => {
    expect(commandPackageEnrich({ command: 'nvtop' }, null, makeModel(), view({ os: [fact('Debian 12', 'image-tag')] })).installLine).toBe(
      "apt-get update && apt-get install -y apt-file && apt-file update && apt-file search --regexp 'bin/nvtop$'",
    );
    expect(commandPackageEnrich({ command: 'git' }, null, makeModel(), view({ os: [fact('UBI 9', 'image-tag')] })).installLine).toBe("dnf provides '*/bin/git'");
    expect(commandPackageEnrich({ command: 'git' }, null, makeModel(), view({})).commandPackage).toBeUndefined();
  });
});

describe('running-step', () => {
  test('names the unfinished step, its place in the stage and its instruction, as plain text', () => {
    const step = makeStep({ id: 7, stage: 'builder', index: 4, total: 6, instruction: 'RUN make', status: 'running', seconds: 3594 });
    expect(runningStepEnrich({}, null, makeModel({ steps: [step] })).runningNote).toBe(
      "It was stopped while step #7 (4/6 of stage builder: 'RUN make') was running for 59m 54s: that step is where the time went.",
    );
  });
});
