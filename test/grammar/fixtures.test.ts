// Table-driven: every fixture log, the steps and the failure the model must find in it.
import { describe, expect, test } from 'vitest';
import type { BuildModel } from '../../src/model/types.js';
import type { LogFormat, StepStatus } from '../../src/grammar/events.js';
import { parseFile } from './parse-helpers.js';

interface ExpectedStep {
  /** Hand-written fixtures name the id; real logs, re-recorded now and then, are matched by instruction. */
  id?: number;
  stage?: string | null;
  index?: number | null;
  total?: number | null;
  /** Start of the instruction. */
  instruction: string;
  status: StepStatus;
  seconds?: number | null;
  platform?: string | null;
  target?: string | null;
  internal?: boolean;
}

interface Case {
  file: string;
  format: LogFormat;
  steps: number;
  expect: ExpectedStep[];
  /** The failed step's id, or for real logs the start of its instruction. */
  failedStep: number | string | null;
  solve?: { dockerfile: string | null; line: number | null; endLine: number | null; exitCode: number | null; message: string; excerpt?: string[] } | null;
  seconds?: number | null;
  more?: (model: BuildModel) => void;
}

const REAL = 'fixtures/real/buildkit-0.13-dockerd-26.1';
const OLD = 'fixtures/real/buildkit-0.8-dockerd-20.10';

const cases: Case[] = [
  {
    file: 'fixtures/logs/plain-interleaved-resume.log',
    format: 'buildkit-plain',
    steps: 13,
    expect: [
      { id: 4, stage: 'builder', index: 1, total: 6, instruction: 'FROM docker.io/nvidia/cuda:12.4.1-devel', status: 'done', seconds: 59.2 },
      { id: 5, stage: 'builder', index: 2, total: 6, instruction: 'RUN apt-get update', status: 'done', seconds: 12.3 },
      { id: 6, stage: 'runtime', index: 2, total: 4, instruction: 'RUN apt-get update', status: 'done', seconds: 6.9 },
      { id: 7, stage: 'builder', instruction: 'WORKDIR /src', status: 'cached', seconds: null },
      { id: 8, instruction: 'RUN pip install', status: 'done', seconds: 188 },
      { id: 9, instruction: 'RUN python3 setup.py build_ext', status: 'done', seconds: 10021.4 },
      { id: 10, instruction: "RUN printf 'compiling'", status: 'done', seconds: 2.2 },
      { id: 13, stage: null, index: null, instruction: 'exporting to image', status: 'done', seconds: 3.1 },
    ],
    failedStep: null,
    solve: null,
    more: (model) => {
      const resumed = model.steps.find((s) => s.id === 5)!;
      // Two output lines before the switch to #6, two after it resumed: four, not duplicated.
      expect(resumed.outputLines).toBe(4);
      expect(resumed.tail.at(-1)).toBe('Processing triggers for libc-bin (2.35-0ubuntu3.7) ...');
      // Status lines of the FROM (resolve, downloads, extracting) are not the step's output.
      expect(model.steps.find((s) => s.id === 4)!.outputLines).toBe(0);
      // The continuation of a partial line, printed unframed when the step resumed.
      expect(model.steps.find((s) => s.id === 10)!.tail).toEqual(['compiling', ' kernels']);
      // 2 of 9 Dockerfile steps cached… only WORKDIR was.
      expect(model.cacheHitRatio).toBeCloseTo(1 / 9, 3);
      const runtimeStart = model.steps.find((s) => s.id === 6)!.start!;
      expect(runtimeStart).toBeGreaterThan(59);
    },
  },
  {
    file: 'fixtures/logs/plain-clipped.log',
    format: 'buildkit-plain',
    steps: 5,
    expect: [
      { id: 3, index: 1, total: 3, instruction: 'FROM docker.io/pytorch/pytorch', status: 'cached' },
      { id: 5, index: 3, total: 3, instruction: 'RUN cd /workspace/apex', status: 'error', seconds: 2417 },
    ],
    failedStep: 5,
    solve: { dockerfile: 'Dockerfile', line: 5, endLine: 5, exitCode: 1, message: 'process "/bin/sh -c cd /workspace/apex' },
    more: (model) => {
      const step = model.steps.find((s) => s.id === 5)!;
      expect(step.clipped).toBe(true);
      expect(step.exitCode).toBe(1);
      // The four lines of the error box repeat streamed output: not counted again.
      expect(step.outputLines).toBe(5);
    },
  },
  {
    file: 'fixtures/logs/actions-crlf-ansi.log',
    format: 'buildkit-plain',
    steps: 17,
    expect: [
      { id: 6, stage: 'builder', index: 1, total: 6, instruction: 'FROM docker.io/library/python:3.11-slim@sha256:193fdd0b', status: 'done', seconds: 2.9 },
      { id: 11, stage: 'builder', index: 4, total: 6, instruction: 'RUN pip install --no-cache-dir -r requirements.txt', status: 'done', seconds: 6.2 },
      { id: 12, stage: 'runtime', index: 4, total: 6, instruction: 'RUN pip install --no-cache-dir -r requirements.txt', status: 'done', seconds: 6.2 },
      { id: 17, stage: null, index: null, instruction: 'exporting to image', status: 'done', seconds: 0.7 },
    ],
    failedStep: null,
    solve: null,
    more: (model) => {
      const pip = model.steps.find((s) => s.id === 11)!;
      // Stamp, CR and frame gone: the line exactly as pip printed it.
      expect(pip.tail.at(-1)).toBe('[notice] To update, run: pip install --upgrade pip');
      expect(pip.tail).toContain('[notice] A new release of pip is available: 24.0 -> 25.3');
      expect(model.steps.flatMap((s) => s.tail).some((line) => line.includes('\r') || line.includes('\u001b'))).toBe(false);
      // The CI preamble before the build (the coloured echo of the command) is not a step of the build.
      expect(model.steps.some((s) => s.id === 0)).toBe(false);
    },
  },
  {
    file: 'fixtures/logs/tty-error-box.log',
    format: 'buildkit-tty',
    steps: 10,
    expect: [
      { id: 4, stage: 'builder', index: 1, total: 7, instruction: 'FROM docker.io/nvidia/cuda', status: 'done', seconds: 0 },
      { id: 6, stage: 'builder', index: 2, total: 7, instruction: 'RUN apt-get update', status: 'cached' },
      { id: 9, stage: 'builder', index: 5, total: 7, instruction: 'RUN pip install -r requirements.txt', status: 'error', seconds: 16.4 },
      { id: 10, stage: 'runtime', index: 2, total: 3, instruction: 'RUN apt-get update', status: 'canceled', seconds: 3.1 },
    ],
    failedStep: 9,
    solve: { dockerfile: 'Dockerfile', line: 11, endLine: 11, exitCode: 1, message: 'process "/bin/sh -c pip install -r requirements.txt"', excerpt: ['RUN pip install -r requirements.txt'] },
    more: (model) => {
      // In a tty log the box is the only copy of the output: it is the step's output, not an echo.
      const step = model.steps.find((s) => s.id === 9)!;
      expect(step.outputLines).toBe(9);
      expect(step.tail.at(-1)).toMatch(/^ERROR: ResolutionImpossible/);
    },
  },
  {
    file: 'fixtures/logs/classic-failed.log',
    format: 'classic',
    steps: 5,
    expect: [
      { id: 1, stage: 'builder', index: 1, total: 9, instruction: 'FROM nvidia/cuda:11.8.0-devel-ubuntu22.04 AS builder', status: 'done' },
      { id: 2, stage: 'builder', instruction: 'RUN apt-get update', status: 'cached' },
      { id: 3, instruction: 'WORKDIR /src', status: 'cached' },
      { id: 4, instruction: 'COPY . .', status: 'done' },
      { id: 5, stage: 'builder', index: 5, total: 9, instruction: 'RUN cmake -S . -B build', status: 'error', seconds: null },
    ],
    failedStep: 5,
    solve: { dockerfile: null, line: null, endLine: null, exitCode: 2, message: "The command '/bin/sh -c cmake" },
    seconds: null,
    more: (model) => {
      const step = model.steps.find((s) => s.id === 5)!;
      expect(step.tail).toContain('/src/src/attention.cu(88): error: identifier "__hmax2" is undefined');
      expect(step.tail).not.toContain('Removing intermediate container 0a1b2c3d4e5f');
    },
  },
  {
    file: 'fixtures/logs/unframed-nvcc.log',
    format: 'plain-text',
    steps: 1,
    expect: [{ id: 0, instruction: '(output outside any build step)', status: 'running' }],
    failedStep: null,
    solve: null,
    more: (model) => {
      expect(model.steps[0]!.tail).toContain("nvcc fatal   : Unsupported gpu architecture 'compute_35'");
      expect(model.steps[0]!.outputLines).toBe(6);
    },
  },
  {
    file: 'fixtures/logs/old-engine-executor.log',
    format: 'buildkit-plain',
    steps: 5,
    expect: [{ id: 5, index: 2, total: 2, instruction: 'RUN echo "checking CUDA" && exit 3', status: 'error', seconds: 0.318 }],
    failedStep: 5,
    solve: { dockerfile: null, line: null, endLine: null, exitCode: 3, message: 'executor failed running [/bin/sh -c echo "checking CUDA" && exit 3]: exit code: 3' },
    more: (model) => {
      // `#5 sha256:…` is the old printer's digest line: status, not output.
      expect(model.steps.find((s) => s.id === 5)!.outputLines).toBe(1);
    },
  },
  {
    file: 'fixtures/logs/bake-platforms-two-builds.log',
    format: 'buildkit-plain',
    steps: 8,
    expect: [
      { id: 3, stage: 'builder', index: 1, total: 3, platform: 'linux/arm64', target: null, instruction: 'FROM docker.io/nvidia/cuda:12.4.1-devel', status: 'done', seconds: 0.1 },
      { id: 4, stage: 'builder', index: 2, total: 3, platform: 'linux/arm64', instruction: 'RUN apt-get install -y --no-install-recommends     libnccl2', status: 'error', seconds: 1.338 },
      { id: 6, stage: null, target: 'trainer', instruction: 'load build definition from Dockerfile', status: 'done', internal: true },
      { id: 7, stage: 'stage-1', index: 2, total: 2, target: 'trainer', platform: null, instruction: 'COPY train.py /app/', status: 'done' },
      { id: 8, stage: null, index: null, target: 'trainer', instruction: 'exporting to image', status: 'done' },
      { id: 9, stage: 'builder', index: 3, total: 3, target: 'docs', instruction: 'RUN sphinx-build docs /out', status: 'error', seconds: 3.41 },
    ],
    failedStep: 4,
    solve: { dockerfile: 'docker/cuda.Dockerfile', line: 14, endLine: 15, exitCode: 100, message: 'process "/bin/sh -c apt-get install' },
    more: (model) => {
      expect(model.lintWarnings).toEqual([
        { rule: 'FromAsCasing', message: "'as' and 'FROM' keywords' casing do not match", dockerfileLine: 13 },
        { rule: 'JSONArgsRecommended', message: 'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals', dockerfileLine: 22 },
      ]);
    },
  },
  {
    file: `${REAL}/parallel-stages-fail.log`,
    format: 'buildkit-plain',
    steps: 6,
    expect: [
      { stage: 'wheels', index: 2, total: 2, instruction: 'RUN echo "building wheel for flash_attn"', status: 'error' },
      { stage: 'docs', index: 2, total: 2, instruction: 'RUN echo "rendering docs"', status: 'canceled' },
    ],
    failedStep: 'RUN echo "building wheel',
    solve: { dockerfile: 'Dockerfile', line: 5, endLine: 6, exitCode: 1, message: 'process "/bin/sh -c echo \\"building wheel' },
  },
  {
    file: `${REAL}/copy-missing.log`,
    format: 'buildkit-plain',
    steps: 7,
    expect: [
      { index: 3, total: 4, instruction: 'COPY requirements.txt .', status: 'error' },
      { index: 2, total: 4, instruction: 'WORKDIR /workspace', status: 'done' },
    ],
    failedStep: 'COPY requirements.txt .',
    solve: { dockerfile: 'Dockerfile', line: 3, endLine: 3, exitCode: null, message: 'failed to compute cache key', excerpt: ['COPY requirements.txt .'] },
  },
  {
    file: `${REAL}/parse-error.log`,
    format: 'buildkit-plain',
    steps: 1,
    expect: [{ instruction: 'load build definition from Dockerfile', status: 'done' }],
    failedStep: null,
    solve: { dockerfile: 'Dockerfile', line: 3, endLine: 3, exitCode: null, message: 'dockerfile parse error on line 3: unknown instruction: COPPY' },
  },
  {
    file: `${REAL}/registry-from.log`,
    format: 'buildkit-plain',
    steps: 2,
    expect: [{ instruction: 'load metadata for docker.io/nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04', status: 'error' }],
    failedStep: 'load metadata for docker.io/nvidia/cuda',
    solve: { dockerfile: 'Dockerfile', line: 1, endLine: 1, exitCode: null, message: 'nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04: failed to resolve source metadata' },
  },
  {
    file: `${REAL}/run-fails.tty`,
    format: 'buildkit-tty',
    steps: 7,
    expect: [{ index: 4, total: 5, instruction: 'RUN for i in $(seq 1 14); do echo "[$i/14] compiling kernel_$i.cu"; done     && echo "kernel_14.cu: error: identifier "__nv_bfloat16" is undefined" >&2     && exit 1', status: 'error' }],
    failedStep: 'RUN for i in $(seq 1 14)',
    solve: { dockerfile: 'Dockerfile', line: 4, endLine: 6, exitCode: 1, message: 'process "/bin/sh -c for i in' },
  },
  {
    file: `${OLD}/run-fails.log`,
    format: 'buildkit-plain',
    steps: 7,
    expect: [{ index: 4, total: 5, instruction: 'RUN for i in $(seq 1 14)', status: 'error' }],
    failedStep: 'RUN for i in $(seq 1 14)',
    solve: { dockerfile: null, line: null, endLine: null, exitCode: 1, message: 'executor failed running [/bin/sh -c for i in' },
  },
  {
    file: `${REAL}/multistage-pass-cached.log`,
    format: 'buildkit-plain',
    steps: 13,
    expect: [
      { stage: 'base', index: 2, total: 2, instruction: 'RUN mkdir -p /opt/app', status: 'cached' },
      { stage: 'stage-3', index: 2, total: 3, instruction: 'COPY --from=builder', status: 'cached' },
    ],
    failedStep: null,
    solve: null,
    more: (model) => expect(model.cacheHitRatio).toBe(0.875),
  },
];

describe.each(cases)('$file', (c) => {
  test('format, steps, failed step and solve error', async () => {
    const { model } = await parseFile(c.file);
    expect(model.format).toBe(c.format);
    expect(model.steps).toHaveLength(c.steps);
    for (const want of c.expect) {
      const { id, instruction, ...fields } = want;
      const step = model.steps.find((s) => (id === undefined ? s.instruction.startsWith(instruction) && (want.stage === undefined || s.stage === want.stage) : s.id === id));
      expect(step, `step ${id ?? instruction}`).toBeDefined();
      expect(step!.instruction.startsWith(instruction), `${step!.instruction} starts with ${instruction}`).toBe(true);
      expect(step).toMatchObject(fields);
    }
    const failed = model.steps.find((s) => s.id === model.failedStep) ?? null;
    if (typeof c.failedStep === 'string') expect(failed?.instruction.startsWith(c.failedStep), failed?.instruction).toBe(true);
    else expect(model.failedStep).toBe(c.failedStep);
    if (c.solve === null) expect(model.solveError).toBeNull();
    if (c.solve) {
      const { message, excerpt, ...fields } = c.solve;
      expect(model.solveError).toMatchObject(fields);
      expect(model.solveError!.message.startsWith(message), model.solveError!.message).toBe(true);
      if (excerpt) expect(model.solveError!.excerpt).toEqual(excerpt);
      if (c.failedStep !== null) expect(model.solveError!.step).toBe(model.failedStep);
    }
    if (c.seconds !== undefined) expect(model.seconds).toBe(c.seconds);
    c.more?.(model);
  });
});
