// The CUDA → GPU architecture table and the `cuda-arches` / `cuda-version` enrichers.
import { describe, expect, test } from 'vitest';
import {
  archRange,
  archSupport,
  normaliseCudaVersion,
  parseArch,
  supportedArches,
  toolkitsRejecting,
  toolkitsSupporting,
  earlierName,
} from '../../src/knowledge/cuda-arches.js';
import { blackwellTorchEnrich, cudaArchesEnrich, cudaVersionEnrich, cudaVersionOf } from '../../src/knowledge/cuda-arch-enricher.js';
import { stepDurationEnrich } from '../../src/knowledge/step-duration.js';
import { makeModel, makeStep } from '../support/builders.js';
import { factsFor } from '../../src/facts/fact-view.js';
import type { FactValue } from '../../src/facts/types.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}
const noFacts = factsFor({}, null, makeModel());

describe('the architecture table', () => {
  test('CUDA 13.0 accepts what `nvcc --list-gpu-code` of 13.0.88 printed on this machine', () => {
    // sm_75 sm_80 sm_86 sm_87 sm_88 sm_89 sm_90 sm_100 sm_110 sm_103 sm_120 sm_121 (nvcc's order)
    expect(supportedArches('13.0')).toEqual(['sm_75', 'sm_80', 'sm_86', 'sm_87', 'sm_88', 'sm_89', 'sm_90', 'sm_100', 'sm_103', 'sm_110', 'sm_120', 'sm_121']);
  });

  test.each([
    ['13.0', 'sm_35', false, 'too-old'],
    ['13.0', 'compute_50', false, 'too-old'],
    ['13.0', 'sm_90a', true, null],
    ['13.0', 'sm_100f', true, null],
    ['13.0', 'sm_75a', false, 'suffix'],
    ['12.4', '8.6', true, null],
    ['12.4', '8.6+PTX', true, null],
    ['12.4', 'sm_35', false, 'too-old'],
    ['12.4', 'sm_100', false, 'too-new'],
    ['11.8', '90', true, null],
    ['11.8', 'sm_35', true, null],
    ['11.6', 'sm_89', false, 'too-new'],
    ['10.2', 'sm_80', false, 'too-new'],
    ['12.8', 'sm_120a', true, null],
    ['12.8', 'sm_101', true, null],
    ['13.0', 'sm_101', false, 'not-an-arch'],
    ['12.4', 'sm_63', false, 'not-an-arch'],
  ] as const)('CUDA %s, %s → %s (%s)', (version, arch, supported, reason) => {
    const s = archSupport(version, arch);
    expect(s.supported).toBe(supported);
    expect(s.reason).toBe(reason);
  });

  test('a minor release the table does not list behaves as the newest one before it', () => {
    expect(archSupport('12.7', 'sm_90').cudaVersion).toBe('12.6');
    expect(archSupport('12.4.1', 'sm_90').cudaVersion).toBe('12.4');
  });

  test('unknown versions and non-arches say so instead of guessing', () => {
    expect(archSupport('14.0', 'sm_90').supported).toBeNull();
    expect(archSupport('', 'sm_90').supported).toBeNull();
    expect(archSupport('12.4', 'arch').supported).toBe(false);
    expect(archSupport('12.4', 'arch').reason).toBe('not-an-arch');
    expect(supportedArches('banana')).toBeNull();
    expect(archRange('12.4')).toBe('sm_50 … sm_90');
  });

  test.each([
    ['sm_86', 'sm_86'],
    ['compute_90a', 'sm_90a'],
    ['8.6', 'sm_86'],
    ['10.0', 'sm_100'],
    ['8.7+PTX', 'sm_87'],
    ['86-real', 'sm_86'],
    ['LTO_90', 'sm_90'],
  ])('parseArch(%s) = %s', (text, name) => {
    expect(parseArch(text)?.name).toBe(name);
  });

  test.each([
    ['12.4.1', '12.4'],
    ['V12.4.131', '12.4'],
    ['cuda12.1', '12.1'],
    ['cu118', '11.8'],
    ['cu128', '12.8'],
    ['twelve', null],
  ])('normaliseCudaVersion(%s) = %s', (text, v) => {
    expect(normaliseCudaVersion(text)).toBe(v);
  });

  test('which toolkits accept an arch', () => {
    expect(toolkitsSupporting('sm_35')).toEqual(['8.0', '9.0', '9.1', '9.2', '10.0', '10.1', '10.2', '11.0', '11.1', '11.2', '11.3', '11.4', '11.5', '11.6', '11.7', '11.8']);
    expect(toolkitsSupporting('sm_120')[0]).toBe('12.8');
  });
});

describe('the enrichers', () => {
  test('the CUDA version is the rule’s own capture first, then the build facts', () => {
    const facts = factsFor({ cuda: [fact('11.6', 'image-tag')] }, null, makeModel());
    expect(cudaVersionOf('12.4.131', facts)).toBe('12.4');
    expect(cudaVersionOf(undefined, facts)).toBe('11.6');
    expect(cudaVersionOf(undefined, factsFor({}, null, makeModel()))).toBeNull();
  });

  test('cuda-arches explains a removed arch with the version the log showed', () => {
    const out = cudaArchesEnrich({ arch: 'compute_35', 'context.nvcc.cudaVersion': '13.0' }, null, makeModel(), noFacts);
    expect(out.cudaVersion).toBe('13.0');
    expect(out.range).toBe('sm_75 … sm_121');
    expect(out.verdict).toContain('sm_35 was removed (last accepted by CUDA 11.8)');
    expect(out.suggestion).toContain('remove sm_35');
  });

  test('cuda-arches explains an arch too new for the toolkit', () => {
    const out = cudaArchesEnrich({ arch: 'sm_89', cudaVersion: '11.6' }, null, makeModel(), noFacts);
    expect(out.verdict).toContain('sm_89 needs CUDA 11.8 or newer');
    expect(out.suggestion).toContain('CUDA 11.8 or newer');
  });

  test('cuda-arches without a version names the releases that accept the arch', () => {
    const out = cudaArchesEnrich({ arch: 'sm_121a' }, null, makeModel(), noFacts);
    expect(out.cudaVersion).toBe('');
    expect(out.verdict).toBe('The log does not show which CUDA version compiled this; sm_121a is accepted by CUDA 12.9 … 13.0.');
  });

  test('cuda-arches with no arch adds nothing', () => {
    expect(cudaArchesEnrich({}, null, makeModel(), noFacts)).toEqual({});
  });

  test('blackwell-torch names the first CUDA that compiles sm_120 and the first PyTorch index built with it', () => {
    const out = blackwellTorchEnrich({}, null, makeModel(), noFacts);
    expect(out.blackwellTorch).toContain('CUDA 12.8 or newer');
    expect(out.blackwellTorch).toContain('https://download.pytorch.org/whl/cu128');
    expect(out.blackwellTorch).toMatch(/torch 2\.7\.0 … /);
  });

  test('cuda-version turns the stage’s runtime image into its devel flavour and names the apt suffix', () => {
    const facts = factsFor(
      { cuda: [fact('12.4', 'image-tag')], baseImage: [fact('nvidia/cuda:12.4.1-runtime-ubuntu22.04', 'from')] },
      null,
      makeModel(),
    );
    expect(cudaVersionEnrich({}, null, makeModel(), facts)).toEqual({
      cudaVersion: '12.4',
      cudaMajor: '12',
      aptSuffix: '12-4',
      tagsUrl: 'https://hub.docker.com/r/nvidia/cuda/tags?name=12.4',
      // no torch in the log: the newest release with an index of CUDA 12 at most 12.4 (torch-wheels.ts)
      wheelTag: 'cu124',
      wheelIndex: 'https://download.pytorch.org/whl/cu124',
      wheelTorch: '2.6.0',
      // no torch release to pin: the one the project resolved is reinstalled in its cu124 build (torch-index-pin.ts)
      torchInstall:
        'TORCH="$(python3 -c \'import torch; print(torch.__version__.split("+")[0])\')" && pip install --index-url https://download.pytorch.org/whl/cu124 "torch==${TORCH}+cu124"',
      // the environment's own torch (not a pip build's isolated one): no generation gap to cu124 here, so the same command
      envTorchInstall:
        'TORCH="$(python3 -c \'import torch; print(torch.__version__.split("+")[0])\')" && pip install --index-url https://download.pytorch.org/whl/cu124 "torch==${TORCH}+cu124"',
      pairedNote:
        "(it keeps the torch release the project's requirements resolved, in its cu124 build. PyTorch published torch 2.5.0 through 2.6.0 on the cu124 index (pytorch.org/get-started/previous-versions): if the project's release is not among them, pin the newest of those its requirements allow (torch== that release, from the same index). Install the torchvision / torchaudio of the same release from the same index if the image uses them);",
      // cu124 is this toolkit's own index, so apex's same-minor check can be met from the torch side
      exactTorchSide:
        'keep this toolkit (CUDA 12.4) and install a torch built for exactly it, pip install --index-url https://download.pytorch.org/whl/cu124 torch==2.6.0 (with the torchvision / torchaudio of the same release, from the same index)',
      baseImage: 'nvidia/cuda:12.4.1-runtime-ubuntu22.04',
      develImage: 'nvidia/cuda:12.4.1-devel-ubuntu22.04',
      stageNote: 'The base image of this stage is nvidia/cuda:12.4.1-runtime-ubuntu22.04.',
    });
  });

  test('cuda-version names a real index for the build’s torch, in the installer’s form', () => {
    // CUDA 12.2 has no index of its own; torch 2.3.1 was published for cu121 (a cu122 tag would not exist)
    const facts = factsFor({ cuda: [fact('12.2', 'nvcc')], torch: [fact('2.3.1', 'pip')], installer: [fact('uv', 'instruction')] }, null, makeModel());
    const out = cudaVersionEnrich({}, null, makeModel(), facts);
    expect(out.wheelTag).toBe('cu121');
    expect(out.wheelTorch).toBe('2.3.1');
    expect(out.torchInstall).toBe('uv pip install --index-url https://download.pytorch.org/whl/cu121 torch==2.3.1');
    // apex wants the same minor: CUDA 12.2 has no index of its own, so only the toolkit can move
    expect(out.exactTorchSide).toContain('PyTorch publishes no torch built for exactly CUDA 12.2 (no cu122 index');
  });

  test('cuda-version: a torch for exactly the toolkit, the build’s own release when it has that index', () => {
    const facts = factsFor({ cuda: [fact('11.8', 'nvcc')], torch: [fact('2.3.1', 'pip')], installer: [fact('uv', 'instruction')] }, null, makeModel());
    expect(cudaVersionEnrich({}, null, makeModel(), facts).exactTorchSide).toContain(
      'uv pip install --index-url https://download.pytorch.org/whl/cu118 torch==2.3.1 (with',
    );
  });

  test('cuda-version: the devel image keeps cuDNN and OS, and a pytorch/pytorch runtime image turns devel', () => {
    const cudnn = factsFor({ baseImage: [fact('nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu20.04', 'from')] }, null, makeModel());
    expect(cudaVersionEnrich({}, null, makeModel(), cudnn).develImage).toBe('nvidia/cuda:11.8.0-cudnn8-devel-ubuntu20.04');
    const pt = factsFor({ baseImage: [fact('pytorch/pytorch:2.2.1-cuda12.1-cudnn8-runtime', 'from')] }, null, makeModel());
    expect(cudaVersionEnrich({}, null, makeModel(), pt).develImage).toBe('pytorch/pytorch:2.2.1-cuda12.1-cudnn8-devel');
  });

  test('cuda-version without a base image: a published devel tag of the CUDA and OS the log shows, none without the OS', () => {
    const withOs = factsFor({ cuda: [fact('12.1', 'nvcc')], os: [fact('Ubuntu 22.04', 'apt')] }, null, makeModel());
    expect(cudaVersionEnrich({}, null, makeModel(), withOs).develImage).toBe('nvidia/cuda:12.1.1-devel-ubuntu22.04');
    const noOs = factsFor({ cuda: [fact('12.1', 'nvcc')] }, null, makeModel());
    expect(cudaVersionEnrich({}, null, makeModel(), noOs).develImage).toBeUndefined();
  });

  test('cuda-version: the devel tag of the CUDA torch was built with, when the rule captured it', () => {
    const facts = factsFor({ os: [fact('Ubuntu 22.04', 'image-tag')] }, null, makeModel());
    const out = cudaVersionEnrich({ cudaVersion: '12.1', torchCuda: '11.8' }, null, makeModel(), facts);
    expect(out.torchCudaImage).toBe('nvidia/cuda:11.8.0-devel-ubuntu22.04');
    expect(out.wheelTag).toBe('cu121');
  });

  test('cuda-arches names the devel tag and the PyTorch index that bring a newer arch', () => {
    const facts = factsFor({ os: [fact('Ubuntu 22.04', 'image-tag')] }, null, makeModel());
    const out = cudaArchesEnrich({ arch: 'sm_120', cudaVersion: '12.4' }, null, makeModel(), facts);
    expect(out.newerImage).toBe('nvidia/cuda:12.8.1-devel-ubuntu22.04');
    expect(out.newerIndex).toBe('https://download.pytorch.org/whl/cu128');
    expect(out.suggestion).toContain('nvidia/cuda:12.8.1-devel-ubuntu22.04');
  });

  test('cuda-version with nothing to go on says nothing (no stand-ins for a reader to fill in)', () => {
    expect(cudaVersionEnrich({}, null, makeModel(), noFacts)).toEqual({});
  });

  test('step-duration is a sentence, or nothing without timestamps', () => {
    expect(stepDurationEnrich({}, makeStep({ seconds: 1146.9 }), makeModel())).toEqual({ durationNote: 'The step ran 19m 07s.' });
    expect(stepDurationEnrich({}, makeStep({ seconds: null }), makeModel())).toEqual({ durationNote: '' });
    expect(stepDurationEnrich({}, null, makeModel())).toEqual({ durationNote: '' });
  });
});

describe('the torch a fix installs', () => {
  test('names the torchvision and torchaudio released with it', () => {
    const facts = factsFor({ cuda: [fact('12.1', 'nvcc')], torch: [fact('2.3.1+cu121', 'wheel')] }, null, makeModel());
    const out = cudaVersionEnrich({}, null, makeModel(), facts);
    expect(out.torchInstall).toContain('torch==2.3.1');
    expect(out.wheelIndex).toBe('https://download.pytorch.org/whl/cu121');
    expect(out.pairedNote).toContain('torchvision 0.18.1 and torchaudio 2.3.1');
  });

  test('no note without a torch release the table knows', () => {
    expect(cudaVersionEnrich({}, null, makeModel(), noFacts).pairedNote).toBeUndefined();
  });
});

describe('what a rejection proves when the log shows no CUDA version', () => {
  test.each([
    // removed by 13.0, introduced before the table's oldest release: only the newer side
    ['compute_50', '13.0', null],
    // Pascal came with 8.0 (NVIDIA's Pascal Compatibility Guide) and left with 13.0: both sides
    ['compute_60', '13.0', '8.0'],
    // added by 11.0 and still accepted: only the older side
    ['compute_80', null, '11.0'],
    ['sm_110', null, '13.0'],
    ['sm_35', '12.0', null],
  ])('%s → removed in %s, needs %s', (arch, removedIn, needs) => {
    expect(toolkitsRejecting(arch)).toEqual({ removedIn, needs });
  });

  test('an arch no release accepts proves nothing', () => {
    expect(toolkitsRejecting('sm_99')).toBeNull();
  });

  test('sm_110 was sm_101 before CUDA 13.0', () => {
    expect(earlierName('compute_110')).toEqual({ name: 'sm_101', before: '13.0' });
    expect(earlierName('sm_90')).toBeNull();
  });

  test('cuda-arches says a removed arch points at a newer toolkit and names what it accepts', () => {
    const out = cudaArchesEnrich({ arch: 'compute_50' }, null, makeModel(), noFacts);
    expect(out.inferred).toContain('CUDA 13.0 removed sm_50');
    expect(out.inferred).toContain('sm_75, sm_80');
    expect(out.suggestion).toContain('build on CUDA 12.9');
  });

  test('cuda-arches says a new arch points at an older toolkit, with the earlier name of a renumbered one', () => {
    const out = cudaArchesEnrich({ arch: 'compute_110' }, null, makeModel(), noFacts);
    expect(out.inferred).toContain('older than CUDA 13.0');
    expect(out.suggestion).toContain('sm_101');
  });

  test('a known version leaves the inference out', () => {
    const out = cudaArchesEnrich({ arch: 'compute_50', cudaVersion: '13.0' }, null, makeModel(), noFacts);
    expect(out.inferred).toBeUndefined();
  });
});

describe('the newest arch the build asked for sets the floor', () => {
  // the failing nvcc command's flags as the rule's `commandArches` context captures them (mit-han-lab/bevfusion#93)
  const gencode = 'arch=compute_70,code=sm_70 -gencode=arch=compute_75,code=sm_75 -gencode=arch=compute_80,code=sm_80 -gencode=arch=compute_86,';

  test('compute_80 rejected while the command also asks for compute_86: CUDA 11.1, both arches to remove', () => {
    const out = cudaArchesEnrich({ arch: 'compute_80', 'context.commandArches.asked': gencode }, null, makeModel(), noFacts);
    expect(out.inferred).toContain('older than CUDA 11.0');
    expect(out.inferred).toContain('also asks for sm_86, which needs CUDA 11.1 or newer');
    expect(out.suggestion).toContain('build on CUDA 11.1 or newer');
    expect(out.suggestion).toContain('remove sm_80 and sm_86');
    expect(out.neededCuda).toBe('11.1');
    expect(out.neededCudaApt).toBe('11-1');
    // no lower arch of major 8 runs an sm_80 GPU
    expect(out.fallbackArch).toBeUndefined();
  });

  test('without other arches the rejected one sets the floor', () => {
    const out = cudaArchesEnrich({ arch: 'compute_80' }, null, makeModel(), noFacts);
    expect(out.suggestion).toContain('build on CUDA 11.0 or newer');
    expect(out.neededCuda).toBe('11.0');
  });

  test('an older arch of the list does not raise the floor', () => {
    const out = cudaArchesEnrich({ arch: 'compute_89', 'context.listArches.asked': 'TORCH_CUDA_ARCH_LIST="7.5;8.0;8.9"' }, null, makeModel(), noFacts);
    expect(out.neededCuda).toBe('11.8');
    expect(out.suggestion).toContain('remove sm_89 from the arch list');
  });

  test('sm_89 falls back to 8.6 (a cubin of X.y runs on X.z, z ≥ y), skipping the Jetson arch 8.7', () => {
    const out = cudaArchesEnrich({ arch: 'compute_89' }, null, makeModel(), noFacts);
    expect(out.fallbackArch).toBe('8.6');
    expect(out.fallbackFor).toBe('sm_89');
  });

  test('a known toolkit: the newest asked arch it rejects sets the floor', () => {
    const out = cudaArchesEnrich({ arch: 'compute_80', cudaVersion: '10.2', 'context.commandArches.asked': gencode }, null, makeModel(), noFacts);
    expect(out.suggestion).toContain('remove sm_80 and sm_86 from the arch list, or build on CUDA 11.1 or newer');
    expect(out.firstCuda).toBe('11.1');
  });
});
