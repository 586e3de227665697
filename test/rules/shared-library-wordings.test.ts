// runtime/shared-library-missing reads the missing-library class in the wordings programs print for it, not only the loader's
// `cannot open shared object file`: CTranslate2's own dlopen error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const RULE = 'runtime/shared-library-missing';

function fixture(rel: string): string {
  return readFileSync(path.join(fixturesRoot, rel), 'utf8');
}

async function find(text: string) {
  const findings = await analyzeLog(text);
  return findings.find((f) => f.ruleId === RULE);
}

describe('runtime/shared-library-missing: CTranslate2\'s wording', () => {
  test('LibreTranslate/LibreTranslate#621: libcublas.so.12 from a CTranslate2 4.x wheel on a CUDA 11 image', async () => {
    const f = await find(fixture('runtime/shared-library-missing/match-ctranslate2-libcublas12-cuda11-image-libretranslate-621.log'));
    expect(f!.title).toContain('CTranslate2 cannot load CUDA 12');
    expect(f!.fix).toContain('FROM nvidia/cuda:12.');
    expect(f!.fix).toContain('python3 -m pip install nvidia-cublas-cu12');
    expect(f!.fix).toContain("pip install 'ctranslate2<4'");
  });

  test('CTranslate2 on Colab, libcublas.so.11 (Softcatala/whisper-ctranslate2#74): the class, without the CUDA 12 story', async () => {
    // the last line of the traceback in Softcatala/whisper-ctranslate2#74 (description, 2023-12-15)
    const f = await find('RuntimeError: Library libcublas.so.11 is not found or cannot be loaded\n');
    expect(f).toBeDefined();
    expect(f!.title).not.toContain('CUDA 12');
    expect(f!.message).toContain('libcublas.so.11');
  });

  test('the same words on Windows name a DLL: no Linux loader advice', async () => {
    // jhj0517/Whisper-WebUI#102 (description, 2024-03-01)
    expect(await find('"Error: Library cublas64_12.dll is not found or cannot be loaded"\n')).toBeUndefined();
  });
});

describe('runtime/shared-library-missing: the loader\'s line cut off where the log ends', () => {
  const cut = fixture('runtime/shared-library-missing/match-libcudart12-line-cut-at-end-vllm-39923.log');

  test('vllm-project/vllm#39923: `cannot open shared o` on the last line reads as the loader\'s error, with the CUDA-major advice', async () => {
    const f = await find(cut);
    expect(f!.title).toContain('CUDA library of another CUDA major release');
    expect(f!.evidence.join('\n')).toContain('ImportError: libcudart.so.12: cannot open shared o');
    expect(f!.fix).toContain('nixl-cu13');
  });

  test('the same cut line with more of a log after it is no hit', async () => {
    // the same excerpt followed by a committed successful build log: the cut is not where the log ends
    const after = fixture('../real-world/clean/givan23-hosted-runner-no-cache-push.log');
    expect(await find(`${cut}${after}`)).toBeUndefined();
  });

  test('blank lines after the cut line do not move the end of the log', async () => {
    expect(await find(`${cut}\n\n  \n`)).toBeDefined();
  });
});

describe('runtime/shared-library-missing: the driver\'s library missing where a build step runs a CUDA program', () => {
  test('ggml-org/llama.cpp#9392: no place in the log: the build step\'s stub for that RUN comes first, not `--gpus`', async () => {
    const f = await find(fixture('runtime/shared-library-missing/match-libcuda-build-step-runs-cuda-binary-llamacpp-9392.log'));
    expect(f!.title).toBe('NVIDIA driver library not found');
    const fix = f!.fix;
    expect(fix).toContain('RUN ln -s /usr/local/cuda/lib64/stubs/libcuda.so /usr/local/cuda/lib64/stubs/libcuda.so.1');
    expect(fix).toContain('Never put `stubs` in an `ENV LD_LIBRARY_PATH`');
    expect(fix.indexOf('In a `docker build` step')).toBeLessThan(fix.indexOf('--gpus all` on a host'));
  });
});

describe('runtime/shared-library-missing: cuSPARSELt under a pip-installed torch', () => {
  test('pytorch/pytorch#150399: Rocky Linux 9 with the CUDA RPMs: dnf, not apt-file, and the system CUDA that shadows the wheel', async () => {
    const f = await find(fixture('runtime/shared-library-missing/match-cusparselt-rockylinux9-cuda-rpms-pytorch-150399.log'));
    expect(f!.title).toContain('cuSPARSELt not found when torch loads');
    expect(f!.message).toContain('nvidia-cusparselt-cu12');
    expect(f!.fix).toContain('RUN dnf install -y libcusparselt0');
    expect(f!.fix).toContain("dnf provides '*/libcusparseLt.so.0'");
    expect(f!.fix).not.toContain('apt-file');
  });

  test('pyg-team/pytorch_geometric#1956: libcusparse.so.11 (not cuSPARSELt) keeps the CUDA-library advice', async () => {
    // pyg-team/pytorch_geometric#1956 (description by Hibb-bb, 2020-12-31), the loader's line as quoted
    const f = await find('OSError: libcusparse.so.11: cannot open shared object file: No such file or directory\n');
    expect(f).toBeDefined();
    expect(f!.title).not.toContain('cuSPARSELt');
  });
});

describe('runtime/shared-library-missing: nvidia-container-cli pasted without the spaces after its colons', () => {
  test('ollama/ollama#4279: `load library failed:libnvidia-ml.so.1:cannot open …` with a Windows drive mount reads as Docker on Windows', async () => {
    const f = await find(fixture('runtime/shared-library-missing/match-container-cli-no-spaces-docker-windows-ollama-4279.log'));
    expect(f!.title).toContain('WSL 2');
    expect(f!.message).toContain('libnvidia-ml.so.1');
    expect(f!.fix).toContain('wsl --update');
    expect(f!.fix).toContain('--gpus=all');
    expect(f!.fix).not.toContain('ldconfig');
  });

  test('the same error with a Linux bind mount keeps the Linux host\'s checks', async () => {
    // ggml-org/llama.cpp#7822's command line (`-v /path/to/models:/models`) before the toolkit's error of
    // NVIDIA/nvidia-container-toolkit#154 (description by Dan-Burns, 2022-12-02), both committed fixtures
    const run = fixture('runtime/shared-library-missing/match-libcuda-with-gpus-llamacpp-7822.log').split('\n').find((l) => l.includes('docker run'))!;
    const cli = fixture('runtime/shared-library-missing/match-container-cli-ngc-run-154.log');
    const f = await find(`${run}\n${cli}`);
    expect(f!.title).not.toContain('WSL');
    expect(f!.fix).toContain('ldconfig -p | grep libnvidia-ml');
  });
});
