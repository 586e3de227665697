// runtime/torch-cpu-build fits its reinstall to where torch ran. The line is real (the rule's match fixture,
// Comfy-Org/ComfyUI#2427); the place, the host OS and the CUDA are set here as facts, so each case runs the same line.
import { describe, expect, test } from 'vitest';
import type { BuildFacts, FactValue } from '../../src/facts/types.js';
import { torchCpuBuild } from '../../src/rules/catalog/runtime/torch-cpu-build.js';
import { makeModel, makeStep } from '../support/builders.js';
import { out, runEngine, text } from './support/events.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}

const ASSERTION = 'AssertionError: Torch not compiled with CUDA enabled';

const step = makeStep({ id: 4, instruction: 'RUN python -c "import torch; torch.zeros(1).cuda()"', status: 'error' });
const built = makeModel({ format: 'buildkit-plain', steps: [step], failedStep: 4 });
const pasted = makeModel({ format: 'plain-text', steps: [], failedStep: null });

describe('runtime/torch-cpu-build by place', () => {
  test('an image build with its CUDA known: the CUDA index of that release, in a RUN line', () => {
    const facts: BuildFacts = { place: [fact('image-build', 'log-format')], cuda: [fact('12.1', 'image-tag')] };
    const [f] = runEngine([torchCpuBuild], [out(4, ASSERTION)], built, facts);
    expect(f!.fix).toContain('RUN pip install --force-reinstall torch torchvision torchaudio --index-url https://download.pytorch.org/whl/cu121');
    expect(f!.message).toContain('A build step has no GPU either');
  });

  test('an image build with no CUDA in the log: how to read it, no index guessed', () => {
    const facts: BuildFacts = { place: [fact('image-build', 'log-format')] };
    const [f] = runEngine([torchCpuBuild], [out(4, ASSERTION)], built, facts);
    expect(f!.fix).toContain('`nvcc --version`');
    expect(f!.fix).not.toContain('download.pytorch.org/whl/cu');
  });

  test('Windows outside ComfyUI: the same Python, in Command Prompt syntax', () => {
    const facts: BuildFacts = { hostOs: [fact('windows', 'windows-path')] };
    const [f] = runEngine([torchCpuBuild], [text(ASSERTION)], pasted, facts);
    expect(f!.fix).toContain('```bat');
    expect(f!.fix).toContain('python -m pip install --force-reinstall torch torchvision torchaudio --index-url https://download.pytorch.org/whl/%TAG%');
    expect(f!.fix).not.toContain('python_embeded');
  });

  test('a shell elsewhere: a POSIX shell, the tag read from nvidia-smi', () => {
    const [f] = runEngine([torchCpuBuild], [text(ASSERTION)], pasted, {});
    expect(f!.fix).toContain('"https://download.pytorch.org/whl/$TAG"');
    expect(f!.fix).toContain('nvidia-smi');
  });
});
