// The run-time rules fit their fix to where the failure ran: a Dockerfile RUN line in an image build, the
// image behind a `docker run`, a shell. The lines are real (the rules' match fixtures, provenance in their
// README.md); the step and the facts around them are set here, so each place is tested with the same line.
import { describe, expect, test } from 'vitest';
import type { BuildFacts, FactValue } from '../../src/facts/types.js';
import { torchSymbolMismatch } from '../../src/rules/catalog/runtime/torch-symbol-mismatch.js';
import { driverTooOld } from '../../src/rules/catalog/cuda/driver-too-old.js';
import { noGpuAtBuild } from '../../src/rules/catalog/cuda/no-gpu-at-build.js';
import { sharedLibraryMissing } from '../../src/rules/catalog/runtime/shared-library-missing.js';
import { makeModel, makeStep } from '../support/builders.js';
import { out, runEngine, text } from './support/events.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}

// pytorch/serve#2500
const TORCH_TRT = 'ImportError: /opt/conda/lib/python3.10/site-packages/torch_tensorrt/lib/libtorchtrt.so: undefined symbol: _ZN3c106detail23torchInternalAssertFailEPKcS2_jS2_RKSs';
// kcosta42/VQGAN-CLIP-Docker#1, argosopentech/argos-train#26
const NO_DRIVER = 'RuntimeError: Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx';
// openai/gpt-2#204
const RUN_GPT2 = '$ docker run -it gpt-2 bash';
const LIBCUDA = 'ImportError: libcuda.so.1: cannot open shared object file: No such file or directory';
// lbcb-sci/herro#76 (the error line of the pasted block, with the progress bar before it)
const CUDNN_LIBCUDA =
  '[----------------------------------------] 0/30435                                                                                                                                                                                                   Could not load library libcudnn_cnn_infer.so.8. Error: libcuda.so: cannot open shared object file: No such file or directory';
// unslothai/unsloth#3553 (the traceback's last line)
const UNSLOTH = 'NotImplementedError: Unsloth currently only works on NVIDIA GPUs and Intel GPUs.';
// loretoparisi/docker#11
const INSUFFICIENT = '-> CUDA driver version is insufficient for CUDA runtime version';

const step = makeStep({ id: 7, instruction: 'RUN python -c "import torch_tensorrt"', status: 'error' });
const built = makeModel({ format: 'buildkit-plain', steps: [step], failedStep: 7 });
const pasted = makeModel({ format: 'plain-text', steps: [], failedStep: null });

describe('runtime/torch-symbol-mismatch by place', () => {
  test('an image build: a RUN line after torch, and the torch of the log with its wheels\' ABI', () => {
    const facts: BuildFacts = { place: [fact('image-build', 'log-format')], torch: [fact('2.7.1', 'pip-installed')] };
    const [f] = runEngine([torchSymbolMismatch], [out(7, TORCH_TRT)], built, facts);
    expect(f!.fix).toContain('in the Dockerfile after the line that installs torch');
    expect(f!.fix).toContain('RUN pip install --no-build-isolation --no-cache-dir --force-reinstall --no-deps --no-binary torch_tensorrt torch_tensorrt');
    expect(f!.message).toContain('torch 2.7.1, whose pip wheels are built with the C++11 ABI');
  });

  test('docker run: the fix goes in the image, not the running container', () => {
    const facts: BuildFacts = { place: [fact('docker-run', 'docker-run')] };
    const [f] = runEngine([torchSymbolMismatch], [text(TORCH_TRT)], pasted, facts);
    expect(f!.fix).toContain('a fix made in a running container is lost with it');
    expect(f!.fix).toContain('rebuild the image');
  });

  test('a shell: the command as is', () => {
    const facts: BuildFacts = { place: [fact('host-shell', 'prompt')] };
    const [f] = runEngine([torchSymbolMismatch], [text(TORCH_TRT)], pasted, facts);
    expect(f!.fix).toContain('in the environment that imports it');
    expect(f!.fix).not.toContain('RUN pip');
  });
});

describe('cuda/driver-too-old by place', () => {
  test('in an image build the step simply has no driver', () => {
    const facts: BuildFacts = { place: [fact('image-build', 'log-format')] };
    const [f] = runEngine([driverTooOld], [out(7, INSUFFICIENT)], built, facts);
    expect(f!.title).toBe('Build step needs a GPU (the build has none)');
    expect(f!.fix).toContain('docker run --gpus all');
  });

  test('at docker run with the image CUDA known: the driver it needs', () => {
    const facts: BuildFacts = { place: [fact('docker-run', 'docker-run')], cuda: [fact('12.1', 'banner')] };
    const [f] = runEngine([driverTooOld], [text(INSUFFICIENT)], pasted, facts);
    expect(f!.message).toContain('CUDA 12.1 (the image\'s) runs on a host driver ≥ 525');
    expect(f!.fix).toContain('nvidia-smi');
  });
});

describe('cuda/no-gpu-at-build by place', () => {
  test('an image build: no GPU in a build step, checks moved to the container of the image it makes', () => {
    const facts: BuildFacts = { place: [fact('image-build', 'log-format')] };
    const [f] = runEngine([noGpuAtBuild], [out(7, NO_DRIVER)], built, facts);
    expect(f!.title).toBe('Build step needs a GPU (the build has none)');
    expect(f!.fix).toContain('`docker run --gpus all` with the image this build makes');
    expect(f!.fix).not.toMatch(/\bIMAGE\b/);
  });

  test('docker run with its line in the log: that command with `--gpus all`', () => {
    const facts: BuildFacts = { place: [fact('docker-run', 'docker-run')] };
    const [f] = runEngine([noGpuAtBuild], [text(RUN_GPT2), text(NO_DRIVER)], pasted, facts);
    expect(f!.title).toBe('No GPU in the container: it was started without one');
    expect(f!.fix).toContain('docker run --gpus all -it gpt-2 bash');
    expect(f!.fix).not.toContain('Dockerfile');
  });

  test('docker run without its line: where `--gpus` goes, and the toolkit\'s check on a real image', () => {
    const facts: BuildFacts = { place: [fact('docker-run', 'docker-run')] };
    const [f] = runEngine([noGpuAtBuild], [text(NO_DRIVER)], pasted, facts);
    expect(f!.fix).toContain('`--gpus all` in its `docker run` command');
    expect(f!.fix).toContain('docker run --rm --runtime=nvidia --gpus all ubuntu nvidia-smi');
  });

  test('a shell on a machine: the driver, not Docker', () => {
    const facts: BuildFacts = { place: [fact('host-shell', 'prompt')] };
    const [f] = runEngine([noGpuAtBuild], [text(NO_DRIVER)], pasted, facts);
    expect(f!.title).toBe('No NVIDIA GPU or driver on this machine');
    expect(f!.fix).not.toContain('docker');
  });

  test('nowhere said: the host check first (maybe no NVIDIA GPU at all), then each place, no claim of a build', () => {
    const [f] = runEngine([noGpuAtBuild], [text(NO_DRIVER)], pasted, {});
    expect(f!.title).toBe('No NVIDIA GPU that this program can see');
    expect(f!.fix).toContain('lspci | grep -i nvidia');
    expect(f!.fix).toContain('In a `docker build` step');
    expect(f!.fix).toContain('in a container');
    expect(f!.fix).toContain('on the machine itself');
  });
});

describe('runtime/shared-library-missing: the driver at docker run', () => {
  test('the command of the log, with `--gpus all`', () => {
    const facts: BuildFacts = { place: [fact('docker-run', 'docker-run')] };
    const [f] = runEngine([sharedLibraryMissing], [text(RUN_GPT2), text(LIBCUDA)], pasted, facts);
    expect(f!.fix).toContain('docker run --gpus all -it gpt-2 bash');
    expect(f!.fix).not.toMatch(/\bIMAGE\b/);
  });

  test('no command in the log: no stand-in for the image', () => {
    const facts: BuildFacts = { place: [fact('docker-run', 'docker-run')] };
    const [f] = runEngine([sharedLibraryMissing], [text(LIBCUDA)], pasted, facts);
    expect(f!.fix).toContain('docker run --rm --runtime=nvidia --gpus all ubuntu nvidia-smi');
    expect(f!.fix).not.toMatch(/\bIMAGE\b/);
  });

  test('cuDNN loading the driver at run time, no place in the log: the container and host checks lead', () => {
    const [f] = runEngine([sharedLibraryMissing], [text(CUDNN_LIBCUDA)], pasted, {});
    expect(f!.message).toContain('while the program was already running');
    expect(f!.fix.startsWith('In a container: start it with `--gpus all`')).toBe(true);
    expect(f!.fix).not.toContain('stubs');
  });

  test('the same line in an image build: the build advice stays', () => {
    const facts: BuildFacts = { place: [fact('image-build', 'log-format')] };
    const [f] = runEngine([sharedLibraryMissing], [out(7, CUDNN_LIBCUDA)], built, facts);
    expect(f!.title).toBe('NVIDIA driver library loaded during the build');
    expect(f!.fix).toContain('stubs/libcuda.so');
  });
});

describe('cuda/no-gpu-at-build: Unsloth finding no GPU', () => {
  test('no place in the log: the checks that tell a CPU-only torch from a container without GPUs', () => {
    const [f] = runEngine([noGpuAtBuild], [text(UNSLOTH)], pasted, {});
    expect(f!.title).toBe('Unsloth found no GPU: torch here sees no CUDA (or XPU) device');
    expect(f!.fix).toContain('python -c "import torch; print(torch.__version__, torch.cuda.is_available(), torch.version.cuda)"');
    expect(f!.fix).toContain('`--gpus all`');
  });

  test('in an image build: the build has no GPU, not the Unsloth checks', () => {
    const facts: BuildFacts = { place: [fact('image-build', 'log-format')] };
    const [f] = runEngine([noGpuAtBuild], [out(7, UNSLOTH)], built, facts);
    expect(f!.title).not.toContain('Unsloth');
    expect(f!.fix).toContain('Do not touch the GPU while building');
  });
});
