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
const LATEST = 'fixtures/real/buildkit-0.25-dockerd-28.5';

const cases: Case[] = [
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
    file: 'fixtures/logs/shell-session-nvcc-cupti.log',
    format: 'plain-text',
    steps: 1,
    expect: [{ id: 0, instruction: '(output outside any build step)', status: 'running' }],
    failedStep: null,
    solve: null,
    more: (model) => {
      // A terminal session (CR LF from the pseudo-terminal): every line, prompts included, is one implicit step's output.
      const tail = model.steps[0]!.tail;
      expect(tail[0]).toBe('$ nvcc -gencode arch=compute_35,code=sm_35 -gencode arch=compute_80,code=sm_80 -c saxpy.cu -o saxpy.o');
      expect(tail[1]).toBe("nvcc fatal   : Unsupported gpu architecture 'compute_35'");
      expect(tail).toContain('-- CUPTI library: CUPTI_LIBRARY-NOTFOUND');
      expect(model.steps[0]!.outputLines).toBe(17);
    },
  },
  {
    // Two stages in parallel: #5 prints half a line, BuildKit switches to #6 (`#5 ...`), then resumes #5.
    file: `${REAL}/partial-line-resume.log`,
    format: 'buildkit-plain',
    steps: 9,
    expect: [
      { stage: 'kernels', index: 2, total: 2, instruction: "RUN printf 'compiling'; sleep 2", status: 'done', seconds: 2.4 },
      { stage: 'docs', index: 2, total: 2, instruction: 'RUN echo "rendering docs"', status: 'done', seconds: 1.5 },
      { stage: 'stage-2', index: 3, total: 3, instruction: 'COPY --from=docs', status: 'done', seconds: 0 },
      { stage: null, index: null, instruction: 'exporting to image', status: 'done', seconds: 0 },
    ],
    failedStep: null,
    solve: null,
    more: (model) => {
      const kernels = model.steps.find((s) => s.stage === 'kernels' && s.index === 2)!;
      // On resume BuildKit prints the half line again, finished, under its first timestamp (`#5 0.352 compiling kernels`):
      // one line of output, not the half and the whole.
      expect(kernels.tail).toEqual(['compiling kernels']);
      expect(kernels.outputLines).toBe(1);
      const docs = model.steps.find((s) => s.stage === 'docs' && s.index === 2)!;
      // The sibling's output stays its own, and it starts while #5 still runs.
      expect(docs.tail).toEqual(['rendering docs']);
      expect(docs.start).toBeLessThan(kernels.start! + kernels.seconds!);
      expect(model.seconds).toBe(2.4);
    },
  },
  {
    file: `${REAL}/log-clipped-size.log`,
    format: 'buildkit-plain',
    steps: 7,
    expect: [
      { index: 2, total: 3, instruction: 'RUN i=0; while [ $i -lt 135 ]', status: 'done', seconds: 15.5 },
      { index: 3, total: 3, instruction: 'RUN echo "step after the noisy one"', status: 'done', seconds: 0.1 },
    ],
    failedStep: null,
    solve: null,
    more: (model) => {
      // `[output clipped, log limit 2MiB reached]`: the step is marked clipped, the next one is not.
      expect(model.steps.find((s) => s.index === 2)!.clipped).toBe(true);
      expect(model.steps.find((s) => s.index === 3)!.clipped).toBe(false);
    },
  },
  {
    file: `${REAL}/run-fails.log`,
    format: 'buildkit-plain',
    steps: 7,
    expect: [{ index: 4, total: 5, instruction: 'RUN for i in $(seq 1 14)', status: 'error', seconds: 0.102 }],
    failedStep: 'RUN for i in $(seq 1 14)',
    solve: { dockerfile: 'Dockerfile', line: 4, endLine: 6, exitCode: 1, message: 'process "/bin/sh -c for i in' },
    more: (model) => {
      // 14 lines on stdout and one on stderr; the error box repeats the last 10 and is not counted again.
      const step = model.steps.find((s) => s.id === model.failedStep)!;
      expect(step.outputLines).toBe(15);
      expect(step.exitCode).toBe(1);
    },
  },
  {
    file: `${REAL}/pip-resolution-impossible.tty`,
    format: 'buildkit-tty',
    steps: 9,
    expect: [
      { stage: 'wheelhouse', index: 3, total: 3, instruction: 'RUN python3 /tmp/make_wheels.py /wheels', status: 'done', seconds: 0.7 },
      { stage: 'stage-1', index: 3, total: 3, instruction: 'RUN pip install trainer vision==0.15.0', status: 'error', seconds: 2.7 },
    ],
    failedStep: 'RUN pip install trainer vision==0.15.0',
    solve: { dockerfile: 'Dockerfile', line: 9, endLine: 9, exitCode: 1, message: 'process "/bin/sh -c pip install trainer vision==0.15.0"', excerpt: ['RUN pip install trainer vision==0.15.0'] },
    more: (model) => {
      const step = model.steps.find((s) => s.id === model.failedStep)!;
      expect(step.tail.at(-1)).toMatch(/^ERROR: ResolutionImpossible: for help visit https:\/\/pip\.pypa\.io/);
    },
  },
  {
    file: `${REAL}/parallel-stages-fail.tty`,
    format: 'buildkit-tty',
    steps: 6,
    expect: [
      { stage: 'wheels', index: 2, total: 2, instruction: 'RUN echo "building wheel for flash_attn"', status: 'error', seconds: 1.4 },
      { stage: 'docs', index: 2, total: 2, instruction: 'RUN echo "rendering docs"', status: 'canceled', seconds: 1.5 },
    ],
    failedStep: 'RUN echo "building wheel',
    solve: { dockerfile: 'Dockerfile', line: 5, endLine: 6, exitCode: 1, message: 'process "/bin/sh -c echo \\"building wheel' },
    more: (model) => {
      const step = model.steps.find((s) => s.id === model.failedStep)!;
      expect(step.tail.at(-1)).toBe('error: could not build wheels for flash_attn');
      // Every redraw of the screen shows the step's live lines again: each is one line of output, then the
      // error box prints the step's log once more.
      const shown = ['building wheel for flash_attn', 'error: could not build wheels for flash_attn'];
      expect(step.tail).toEqual([...shown, ...shown]);
      expect(model.steps.find((s) => s.stage === 'docs' && s.index === 2)!.tail).toEqual(['rendering docs']);
    },
  },
  {
    // The legacy builder (DOCKER_BUILDKIT=0) of docker 28.5.2, built a second time: two steps from the cache.
    file: 'fixtures/logs/classic-cmake-failed.log',
    format: 'classic',
    steps: 5,
    expect: [
      { id: 1, stage: 'builder', index: 1, total: 7, instruction: 'FROM local/tools:bookworm AS builder', status: 'done' },
      { id: 2, stage: 'builder', instruction: 'RUN cmake --version', status: 'cached' },
      { id: 3, instruction: 'WORKDIR /src', status: 'cached' },
      { id: 4, instruction: 'COPY . .', status: 'done' },
      { id: 5, stage: 'builder', index: 5, total: 7, instruction: 'RUN cmake -S . -B build', status: 'error', seconds: null },
    ],
    failedStep: 5,
    solve: { dockerfile: null, line: null, endLine: null, exitCode: 2, message: "The command '/bin/sh -c cmake" },
    seconds: null,
    more: (model) => {
      const step = model.steps.find((s) => s.id === 5)!;
      // g++'s error, its colour (the legacy builder paints stderr red) gone; the image ids are not output.
      expect(step.tail).toContain("/src/src/attention.cpp:3:10: error: '__hmax2' was not declared in this scope");
      expect(step.tail.at(-1)).toBe('gmake: *** [Makefile:91: all] Error 2');
      expect(step.tail).not.toContain(' ---> Running in 689910d6a3ed');
      expect(step.outputLines).toBe(17);
    },
  },
  {
    // bake of two targets: every vertex carries its target; trainer fails on its own Dockerfile's line 6.
    file: `${LATEST}/bake-two-targets.log`,
    format: 'buildkit-plain',
    steps: 15,
    expect: [
      { stage: null, target: 'trainer', instruction: 'load build definition from trainer.Dockerfile', status: 'done', internal: true },
      { stage: 'builder', index: 3, total: 3, target: 'api', platform: null, instruction: 'RUN --network=none i=0; while', status: 'done', seconds: 2.8 },
      { stage: 'stage-1', index: 2, total: 2, target: 'api', instruction: 'COPY --from=builder /src/server.txt', status: 'done' },
      { stage: null, index: null, target: 'api', instruction: 'exporting to image', status: 'done' },
      { stage: 'builder', index: 4, total: 4, target: 'trainer', instruction: 'RUN --network=none apt-get update', status: 'error', seconds: 0.568 },
    ],
    failedStep: 'RUN --network=none apt-get update',
    solve: { dockerfile: 'trainer.Dockerfile', line: 6, endLine: 8, exitCode: 100, message: 'process "/bin/sh -c apt-get update' },
    more: (model) => {
      const failed = model.steps.find((s) => s.id === model.failedStep)!;
      expect(failed.target).toBe('trainer');
      expect(failed.tail.at(-1)).toBe('E: Unable to locate package cuda-cupti-12-4');
      expect(model.steps.find((s) => s.target === 'api' && s.index === 3)!.clipped).toBe(true);
    },
  },
  {
    // BuildKit 0.25's build check: `#1 WARN: FromAsCasing …` and the coloured `1 warning found` list after the build.
    file: `${LATEST}/lint-casing.log`,
    format: 'buildkit-plain',
    steps: 7,
    expect: [{ stage: 'builder', index: 2, total: 2, instruction: 'RUN echo "built" > /built.txt', status: 'done', seconds: 0.4 }],
    failedStep: null,
    solve: null,
    more: (model) => {
      expect(model.lintWarnings).toEqual([{ rule: 'FromAsCasing', message: "'as' and 'FROM' keywords' casing do not match", dockerfileLine: 1 }]);
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
    more: (model) => {
      // The old printer's `#7 sha256:…` line under the header is status, not output: 14 + 1 lines, no excerpt.
      const step = model.steps.find((s) => s.id === model.failedStep)!;
      expect(step.outputLines).toBe(15);
      expect(step.tail).not.toContain('sha256:327697c299272db644d3332fdffe04ede0792247e6607826934974595329165d');
      expect(model.solveError!.excerpt).toEqual([]);
    },
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
