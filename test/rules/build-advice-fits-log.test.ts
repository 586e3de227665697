// Advice fitted to what the log shows: a compiler missing under a cut traceback, psycopg2's pg_config quoted in a
// sentence, the installer form of a rebuild command, and more. Each case is a rule fixture (provenance in the fixture
// folders' READMEs); the near misses are real lines of the same shape.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';
import { inPipForm, pipFormOf } from '../../src/knowledge/installer-forms.js';
import { aboveSize } from '../../src/knowledge/wheel-size-enricher.js';
import { compatibleRange } from '../../src/knowledge/pip-conflict.js';
import { cmakeFromContext } from '../../src/knowledge/step-outcome.js';

const fixture = (path: string): string => readFileSync(new URL(`../../fixtures/rules/${path}`, import.meta.url), 'utf8');

describe('no C compiler, seen only in the subprocess traceback', () => {
  test("`FileNotFoundError: … 'gcc'` in setuptools' spawn: a compiler to install, the package to find", async () => {
    const [f] = await analyzeLog(fixture('pip/wheel-build-failed/match-filenotfound-gcc-traceback-cut.log'));
    expect(f?.ruleId).toBe('pip/wheel-build-failed');
    expect(f?.title).toBe('A wheel build found no C compiler');
    expect(f?.message).toContain('`gcc`');
    expect(f?.fix).toContain('build-essential');
    expect(f?.fix).toContain('build-base');
    expect(f?.fix).toContain('`Collecting …`');
  });

  test('near miss: nvcc missing is not a C compiler missing', async () => {
    const findings = await analyzeLog(fixture('pip/wheel-build-failed/nomatch-filenotfound-nvcc-not-a-c-compiler.log'));
    expect(findings.map((f) => f.ruleId)).not.toContain('pip/wheel-build-failed');
  });
});

describe("psycopg2's pg_config error quoted in a sentence", () => {
  test('read mid-line: libpq-dev with a compiler that can compile (libc6-dev), or psycopg2-binary', async () => {
    const [f] = await analyzeLog(fixture('pip/pg-config-missing/match-quoted-in-a-sentence-slim.log'));
    expect(f?.ruleId).toBe('pip/pg-config-missing');
    expect(f?.fix).toContain('libpq-dev gcc libc6-dev');
    expect(f?.fix).toContain('psycopg2-binary');
  });

  test("near miss: a line that names pg_config without its error (psycopg2's issue template)", async () => {
    const line =
      '- [ ] If install failed, I typed `pg_config` on the command line and I obtained an output instead of an error.';
    const findings = await analyzeLog(`${line}\n`);
    expect(findings.map((f) => f.ruleId)).not.toContain('pip/pg-config-missing');
  });
});

describe('commands in the pip form the step used', () => {
  test('podman step `python3.11 -m pip install … llama-cpp-python`: the rebuild runs that pip', async () => {
    const [f] = await analyzeLog(fixture('pip/wheel-build-failed/match-llama-cpp-cublas-podman.log'));
    expect(f?.ruleId).toBe('pip/wheel-build-failed');
    expect(f?.fix).toContain('python3.11 -m pip install -v --no-cache-dir llama-cpp-python');
    expect(f?.fix).not.toMatch(/(?<!-m )\bpip install -v/);
  });

  test('BuildKit step `python -m pip install`: the index command keeps that form', async () => {
    const [f] = await analyzeLog(fixture('pip/no-matching-distribution/match-torch-112-cu115-index-limap.log'));
    expect(f?.fix).toContain('python -m pip install --extra-index-url');
  });

  test.each([
    ['RUN python3.11 -m pip install -r requirements.txt', 'python3.11 -m pip'],
    ['RUN pip3 --no-cache-dir install numpy', 'pip3'],
    ['RUN /opt/venv/bin/python -m pip install .', '/opt/venv/bin/python -m pip'],
    ['RUN pip install numpy', null],
    ['RUN uv pip install numpy', null],
    ['RUN python3 -m pip --version', null],
  ])('pipFormOf(%s) = %s', (instruction, form) => {
    expect(pipFormOf(instruction)).toBe(form);
  });

  test('only a pip command changes form, not prose that starts with pip', () => {
    expect(inPipForm('pip install -v x', 'pip3')).toBe('pip3 install -v x');
    expect(inPipForm('pip index versions x', 'python -m pip')).toBe('python -m pip index versions x');
    expect(inPipForm('pip found no release', 'pip3')).toBe('pip found no release');
  });
});

describe("a project's wheel size guard", () => {
  test("vLLM's check-wheel-size.py: the build args that skip or raise it, and fewer CUDA arches", async () => {
    const [f] = await analyzeLog(fixture('pip/wheel-size-limit/match-vllm-check-wheel-size-291mb.log'));
    expect(f?.ruleId).toBe('pip/wheel-size-limit');
    expect(f?.message).toContain('291.37 MB');
    expect(f?.fix).toContain('--build-arg RUN_WHEEL_CHECK=false');
    expect(f?.fix).toContain('VLLM_MAX_SIZE_MB');
    expect(f?.fix).toContain('torch_cuda_arch_list');
    expect(f?.fix).toContain('VLLM_MAX_SIZE_MB=300');
  });

  test.each([['291.37', '300'], ['300', '350'], ['49.9', '50'], ['x', null]])('limit above %s MB: %s', (size, above) => {
    expect(aboveSize(size)).toBe(above);
  });
});

describe('a package path written for one Python', () => {
  test("`cd` into python3.10's dist-packages/torch/lib: ask Python for torch's directory", async () => {
    const [f] = await analyzeLog(fixture('shell/python-path-missing/match-cd-torch-lib-python310-dist-packages.log'));
    expect(f?.ruleId).toBe('shell/python-path-missing');
    expect(f?.message).toContain('Python 3.10');
    // `__path__` and not `__file__`: a namespace package (`nvidia`, shared by pip's CUDA wheels) has no `__file__`
    expect(f?.fix).toContain(`cd "$(python3 -c 'import torch; print(list(torch.__path__)[0])')/lib"`);
  });

  test('near miss: a missing directory that is no Python package path', async () => {
    const findings = await analyzeLog(fixture('shell/python-path-missing/nomatch-cd-missing-clone-dir.log'));
    expect(findings.map((f) => f.ruleId)).not.toContain('shell/python-path-missing');
  });
});

describe('a pin against a compatible-release range', () => {
  test('numpy==1.21.6 against tensorflow 2.6.4\'s numpy~=1.19.2: the range in words, pin inside it or move tensorflow', async () => {
    const [f] = await analyzeLog(fixture('pip/resolution-impossible/match-old-pip-numpy-tensorflow.log'));
    expect(f?.ruleId).toBe('pip/resolution-impossible');
    expect(f?.fix).toContain('>=1.19.2 and <1.20');
    expect(f?.fix).toContain('accepts numpy==1.21.6');
    expect(f?.fix).not.toContain('INSTALL_OPTIONAL');
  });

  test.each([
    ['numpy~=1.19.2', { lower: '1.19.2', upper: '1.20' }],
    ['x~=2.2', { lower: '2.2', upper: '3' }],
    ['numpy>=1.19', null],
    ['numpy==1.19.2', null],
  ])('compatibleRange(%s)', (req, range) => {
    expect(compatibleRange(req)).toEqual(range);
  });
});

describe('a CMake build of the build context, with only BuildKit\'s error left', () => {
  test('`cmake -B build … .` in the failed command: what to check in the context, no claimed cause', async () => {
    const [f] = await analyzeLog(fixture('buildkit/step-failed/match-solve-error-only-cmake-context-llamacpp.log'));
    expect(f?.ruleId).toBe('buildkit/step-failed');
    expect(f?.title).toBe('CMake build of the build context failed (its output is not in the log)');
    expect(f?.fix).toContain('CMakeLists.txt');
    expect(f?.fix).toContain('submodule update --init --recursive');
    expect(f?.fix).toContain('--progress=plain');
  });

  // commands as other fixtures' instructions print them
  test.each([
    ['cmake -S . -B build -DCMAKE_CUDA_ARCHITECTURES=native', true],
    ['cmake -B build -DGGML_NATIVE=OFF -DGGML_CUDA=ON . && cmake --build build', true],
    ['cmake -S /src/ext -B b', false],
    ['cmake -S probe -B build -DCUDA_SOURCE_DIR=$PWD/probe/cuda', false],
    ['cmake -B build -DGGML_CUDA=ON', false],
  ])('cmakeFromContext(%s) = %s', (command, yes) => {
    expect(cmakeFromContext(command)).toBe(yes);
  });
});
