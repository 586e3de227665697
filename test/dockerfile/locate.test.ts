import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDockerfile, type Dockerfile } from '../../src/dockerfile/dockerfile.js';
import { locateFindings } from '../../src/dockerfile/locate.js';
import { matchStep } from '../../src/dockerfile/match-step.js';
import type { BuildModel } from '../../src/model/types.js';
import type { Finding } from '../../src/rules/finding.js';
import { makeFinding, makeModel, makeStep } from '../support/builders.js';
import { modelFromLog } from './log-model.js';

const real = (engine: string, name: string) => {
  const dir = new URL(`../../fixtures/real/${engine}/`, import.meta.url);
  return {
    dockerfile: parseDockerfile(readFileSync(new URL(`${name}.Dockerfile`, dir), 'utf8'), 'Dockerfile'),
    model: modelFromLog(readFileSync(new URL(`${name}.log`, dir), 'utf8')),
  };
};

/** A warning on a step, or outside any (null), that no rule has placed yet. */
const finding = (stepId: number | null, extra: Partial<Finding> = {}): Finding =>
  makeFinding({ severity: 'warning', message: 'Something happened.', step: stepId, location: null, ...extra });

/** Locates one finding per step of the log; `[stage k/n]` (or the internal vertex's text) → [line, endLine] | null. */
function placeAll(m: BuildModel, dockerfile: Dockerfile | null): Record<string, [number, number] | null> {
  const located = locateFindings(
    m.steps.map((s) => finding(s.id)),
    m,
    dockerfile,
  );
  return Object.fromEntries(
    located.map((f) => {
      const s = m.steps.find((x) => x.id === f.step)!;
      const key = s.internal ? s.instruction : `${s.stage ?? ''} ${s.index}/${s.total}`.trim();
      return [key, f.location === null ? null : [f.location.line, f.location.endLine]];
    }),
  );
}

describe('locateFindings on real BuildKit 0.13 logs', () => {
  it('parallel stages: the failed step from the error block, the others by stage and text', () => {
    const { dockerfile, model: m } = real('buildkit-0.13-dockerd-26.1', 'parallel-stages-fail');
    expect(placeAll(m, dockerfile)).toEqual({
      'load build definition from Dockerfile': null,
      'load metadata for docker.io/local/busybox:1.35': null, // three FROM lines use that image, see below
      'load .dockerignore': null,
      'wheels 1/2': [4, 4], // FROM docker.io/local/busybox:1.35
      'docs 2/2': [2, 2], // RUN … (canceled)
      'wheels 2/2': [5, 6], // RUN … : Dockerfile:5 with its continuation
    });
  });

  it('says why a step is not placed when several lines fit', () => {
    const { dockerfile, model: m } = real('buildkit-0.13-dockerd-26.1', 'parallel-stages-fail');
    const metadata = m.steps.find((s) => s.instruction.startsWith('load metadata'))!;
    const [located] = locateFindings([finding(metadata.id)], m, dockerfile);
    expect(located!.location).toBeNull();
    expect(located!.message).toBe('Something happened. The step could be any of 3 lines of Dockerfile (1, 4, 8), so no line is marked.');
  });

  it('multi-stage build: WORKDIR after FROM <stage>, the unnamed last stage as stage-3', () => {
    const { dockerfile, model: m } = real('buildkit-0.13-dockerd-26.1', 'multistage-pass');
    const placed = placeAll(m, dockerfile);
    expect(placed).toMatchObject({
      'base 1/2': [1, 1], // FROM
      'builder 1/3': [5, 5], // WORKDIR /src
      'builder 3/3': [7, 7], // RUN cat hello.txt …
      'docs 1/1': [10, 10], // RUN echo "docs for $(uname -m)" …
      'base 2/2': [2, 2], // RUN mkdir …
      'builder 2/3': [6, 6], // COPY hello.txt .
      'stage-3 2/3': [13, 13], // COPY --from=builder …
      'stage-3 3/3': [14, 14], // COPY --from=docs …
      'load build context': null,
    });
  });

  it('single stage: escaped quotes in the printed RUN still match', () => {
    const { dockerfile, model: m } = real('buildkit-0.13-dockerd-26.1', 'run-fails');
    expect(placeAll(m, dockerfile)).toMatchObject({ '1/5': [1, 1], '2/5': [2, 2], '3/5': [3, 3], '4/5': [4, 6] });
    expect(matchStep(m.steps.find((s) => s.index === 4)!, dockerfile)).toMatchObject({ kind: 'found', by: 'text' });
  });

  it('the COPY that failed, from the error block', () => {
    const { dockerfile, model: m } = real('buildkit-0.13-dockerd-26.1', 'copy-missing');
    expect(placeAll(m, dockerfile)).toMatchObject({ '3/4': [3, 3], '2/4': [2, 2] });
  });

  it('`as builder` in lower case: both stages, each on its own FROM', () => {
    const { dockerfile, model: m } = real('buildkit-0.13-dockerd-26.1', 'lint-casing');
    expect(placeAll(m, dockerfile)).toMatchObject({ 'builder 1/2': [1, 1], 'builder 2/2': [2, 2], 'stage-1 2/2': [5, 5] });
  });
});

describe('locateFindings on a real BuildKit 0.8 log (no Dockerfile excerpt)', () => {
  it('places the failed step by its text', () => {
    const { dockerfile, model: m } = real('buildkit-0.8-dockerd-20.10', 'run-fails');
    expect(m.solveError).toBeNull();
    expect(placeAll(m, dockerfile)).toMatchObject({ '2/5': [2, 2], '3/5': [3, 3], '4/5': [4, 6] });
  });

  it('a parse error: the line its message names, on the loaded Dockerfile only', () => {
    const { dockerfile } = real('buildkit-0.8-dockerd-20.10', 'parse-error');
    // What the grammar reads from `dockerfile parse error line 3: unknown instruction: COPPY`.
    const m = makeModel({
      solveError: {
        dockerfile: null,
        line: 3,
        endLine: 3,
        excerpt: [],
        message: 'failed to create LLB definition: dockerfile parse error line 3: unknown instruction: COPPY',
        exitCode: null,
        step: null,
      },
    });
    const error = finding(null, { severity: 'error' });
    expect(locateFindings([error], m, dockerfile)[0]!.location).toEqual({ file: 'Dockerfile', line: 3, endLine: 3 });
    // No excerpt names the file, and none was given: no guess at which file line 3 is in.
    expect(locateFindings([error], m, null)[0]!.location).toBeNull();
  });

  it('maps `stage-1` to the unnamed second stage and `as builder` to builder', () => {
    const { dockerfile, model: m } = real('buildkit-0.8-dockerd-20.10', 'lint-casing');
    // Both stages start FROM the same image: BuildKit runs that vertex once and 0.8 prints it under
    // `stage-1` only, so there is no `[builder 1/2]` in this log.
    expect(placeAll(m, dockerfile)).toEqual({
      'load build definition from Dockerfile': null,
      'load .dockerignore': null,
      'load metadata for docker.io/local/busybox:1.35': null, // lines 1 and 4 both use it
      'stage-1 1/2': [4, 4], // the unnamed second stage's FROM, not the builder's on line 1
      'builder 2/2': [2, 2], // `as builder` in lower case is still the stage `builder`
      'stage-1 2/2': [5, 5],
    });
  });
});

describe('matchStep: what BuildKit prints', () => {
  const dockerfile = parseDockerfile(
    [
      'ARG CUDA=12.4.0',
      'FROM nvidia/cuda:${CUDA}-devel-ubuntu22.04 AS builder',
      'ARG TORCH_VERSION=2.4.0',
      'ENV TORCH_CUDA_ARCH_LIST="8.0;9.0"',
      'RUN pip install torch==${TORCH_VERSION} \\',
      '        numpy scipy',
      'RUN pip install -r requirements.txt',
      'COPY "src dir" /src',
      'RUN pip install -r requirements.txt',
      'RUN echo $HOME/.cache',
    ].join('\n'),
    'Dockerfile',
  );
  const header = (instruction: string, index: number | null = null, total: number | null = 6, stage: string | null = 'builder') => ({
    stage,
    index,
    total,
    instruction,
    internal: false,
  });
  const lineOf = (m: ReturnType<typeof matchStep>) => (m.kind === 'found' ? m.instruction.line : m.kind);

  it.each([
    ['ARG defaults expanded', header('RUN pip install torch==2.4.0         numpy scipy'), 5],
    ['collapsed whitespace', header('RUN pip install torch==2.4.0 numpy scipy'), 5],
    ['a build arg overriding the default', header('RUN pip install torch==2.5.1         numpy scipy'), 5],
    ['shortened with an ellipsis', header('RUN pip install torch==2.4.0     ...'), 5],
    ['shortened, no ellipsis', header('RUN pip install torch==2.5.1         nu'), 5],
    ['quotes stripped from COPY', header('COPY src dir /src'), 8],
    ['image ENV expanded (unknown to us)', header('RUN echo /root/.cache'), 10],
    ['the FROM, resolved with a digest', header('FROM docker.io/nvidia/cuda:12.4.0-devel-ubuntu22.04@sha256:0f2b1a3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8', 1), 2],
    ['two equal lines told apart by k/n', header('RUN pip install -r requirements.txt', 5), 9],
    ['two equal lines and no k/n', header('RUN pip install -r requirements.txt'), 'ambiguous'],
    ['the wrong stage', header('RUN pip install -r requirements.txt', 3, 6, 'runtime'), 'none'],
    ['text that is not there', header('RUN make install', null, null), 'none'],
    ['a different variable value in a prefix', header('RUN pip install torch==2.4.0 pandas'), 'none'],
    ['text differs, but k/n, total and keyword agree', header('RUN make -j8', 3, 6), 7],
    ['text differs and the total does not agree', header('RUN make -j8', 3, 9), 'none'],
  ])('%s', (_title, step, expected) => {
    expect(lineOf(matchStep(step, dockerfile))).toBe(expected);
  });

  it('internal load metadata → the FROM of that image', () => {
    expect(lineOf(matchStep({ ...header('load metadata for docker.io/nvidia/cuda:12.4.0-devel-ubuntu22.04', null, null, null), internal: true }, dockerfile))).toBe(2);
    expect(lineOf(matchStep({ ...header('load build definition from Dockerfile', null, null, null), internal: true }, dockerfile))).toBe('none');
  });
});

describe('locateFindings: which Dockerfile', () => {
  const dockerfile = parseDockerfile('FROM alpine:3.20 AS base\nRUN apk add bash\nRUN make\n', 'docker/cuda.Dockerfile');
  const failing = makeModel({
    steps: [makeStep({ id: 7, stage: 'base', index: 2, total: 3, instruction: 'RUN apk add bash' }), makeStep({ id: 8, stage: 'base', index: 3, total: 3, instruction: 'RUN make', status: 'error' })],
    solveError: { dockerfile: 'cuda.Dockerfile', line: 3, endLine: 3, excerpt: ['RUN make'], message: 'exit code: 2', exitCode: 2, step: 8 },
  });

  it('the error block names the loaded file by its base name: annotate the workspace path', () => {
    const [other, failed] = locateFindings([finding(7), finding(8, { severity: 'error' })], failing, dockerfile);
    expect(failed!.location).toEqual({ file: 'docker/cuda.Dockerfile', line: 3, endLine: 3 });
    expect(other!.location).toEqual({ file: 'docker/cuda.Dockerfile', line: 2, endLine: 2 });
  });

  it('a solve-error finding outside any step goes on the error block line', () => {
    const [located] = locateFindings([finding(null, { severity: 'error' })], failing, dockerfile);
    expect(located!.location).toEqual({ file: 'docker/cuda.Dockerfile', line: 3, endLine: 3 });
  });

  it('no Dockerfile loaded: the error block still places the failed step', () => {
    const [failed, other] = locateFindings([finding(8), finding(7)], failing, null);
    expect(failed!.location).toEqual({ file: 'cuda.Dockerfile', line: 3, endLine: 3 });
    expect(other!.location).toBeNull();
  });

  it('the loaded file is not the one that failed: only the error block is trusted', () => {
    const wrong = parseDockerfile('FROM alpine:3.20 AS base\nRUN apk add bash\nRUN make\n', 'Dockerfile');
    const [failed, other] = locateFindings([finding(8), finding(7)], failing, wrong);
    expect(failed!.location).toEqual({ file: 'cuda.Dockerfile', line: 3, endLine: 3 });
    expect(other!.location).toBeNull();
  });

  it('a file the user named, under another name, whose line holds the failed step: the same file', () => {
    const renamed = parseDockerfile('FROM alpine:3.20 AS base\nRUN apk add bash\nRUN make\n', 'ci/gpu.Dockerfile');
    const [failed, other] = locateFindings([finding(8), finding(7)], failing, renamed, { named: true });
    expect(failed!.location).toEqual({ file: 'ci/gpu.Dockerfile', line: 3, endLine: 3 });
    expect(other!.location).toEqual({ file: 'ci/gpu.Dockerfile', line: 2, endLine: 2 });
  });

  it('a file the user named whose line at the error block is another instruction: not the same file', () => {
    const shifted = parseDockerfile('FROM alpine:3.20 AS base\nRUN make\nRUN apk add bash\n', 'ci/gpu.Dockerfile');
    const [failed, other] = locateFindings([finding(8), finding(7)], failing, shifted, { named: true });
    expect(failed!.location).toEqual({ file: 'cuda.Dockerfile', line: 3, endLine: 3 });
    expect(other!.location).toBeNull();
  });

  it('keeps a location a rule already set', () => {
    const set = { file: 'Dockerfile', line: 1, endLine: 1 };
    expect(locateFindings([finding(8, { location: set })], failing, dockerfile)[0]!.location).toBe(set);
  });

  it('bake: each target on its own Dockerfile', () => {
    const web = parseDockerfile('FROM node:20 AS deps\nRUN npm ci\n', 'web/Dockerfile');
    const gpu = parseDockerfile('FROM nvidia/cuda:12.4.0-devel-ubuntu22.04 AS deps\nRUN pip install -r requirements.txt\nRUN npm ci\n', 'gpu/Dockerfile');
    const m = makeModel({
      steps: [
        makeStep({ id: 3, target: 'web', stage: 'deps', index: 2, total: 2, instruction: 'RUN npm ci' }),
        makeStep({ id: 4, target: 'gpu', stage: 'deps', index: 3, total: 3, instruction: 'RUN npm ci' }),
        makeStep({ id: 5, target: 'api', stage: 'deps', index: 2, total: 2, instruction: 'RUN go build ./...' }),
      ],
    });
    const located = locateFindings([finding(3), finding(4), finding(5)], m, web, { targets: new Map([['gpu', gpu]]) });
    expect(located.map((f) => f.location)).toEqual([
      { file: 'web/Dockerfile', line: 2, endLine: 2 },
      { file: 'gpu/Dockerfile', line: 3, endLine: 3 },
      // The shared Dockerfile has no such text: a k/n-only guess is not made across targets.
      null,
    ]);
  });
});

describe('locateFindings: a log without build steps', () => {
  // A pasted pip / ninja error with the Dockerfile that ran it (Dao-AILab/flash-attention#734 gave both).
  const oneRun = parseDockerfile('FROM nvcr.io/nvidia/pytorch:23.11-py3\n\n## Flash Atten 2\nRUN FLASH_ATTENTION_FORCE_BUILD=TRUE pip install -U flash-attn\n', 'Dockerfile');
  const twoRuns = parseDockerfile('FROM python:3.11\nRUN pip install torch\nRUN pip install flash-attn\n', 'Dockerfile');
  const unframed = makeModel({ steps: [makeStep({ id: 0, instruction: '(output outside any build step)', index: null, total: null, stage: null })], solveError: null });
  const error = (ruleId: string) => finding(0, { severity: 'error', ruleId });

  it('puts a build finding on the only RUN, and says how that line was chosen', () => {
    const [located] = locateFindings([error('cuda/extension-ninja-failed')], unframed, oneRun);
    expect(located!.location).toEqual({ file: 'Dockerfile', line: 4, endLine: 4 });
    expect(located!.message).toContain("Dockerfile:4 is the Dockerfile's only RUN");
  });

  it('not when the Dockerfile has two RUNs, nor when the log shows a container or a shell', () => {
    expect(locateFindings([error('cuda/extension-ninja-failed')], unframed, twoRuns)[0]!.location).toBeNull();
    expect(locateFindings([error('cuda/extension-ninja-failed')], unframed, oneRun, { unframedPlace: 'docker-run' })[0]!.location).toBeNull();
    expect(locateFindings([error('cuda/extension-ninja-failed')], unframed, oneRun, { unframedPlace: 'host-shell' })[0]!.location).toBeNull();
  });

  it('a run-time finding only when the log says it was a build', () => {
    expect(locateFindings([error('runtime/shared-library-missing')], unframed, oneRun)[0]!.location).toBeNull();
    expect(locateFindings([error('runtime/shared-library-missing')], unframed, oneRun, { unframedPlace: 'image-build' })[0]!.location).toEqual({ file: 'Dockerfile', line: 4, endLine: 4 });
  });

  it('not when the log has build steps of its own', () => {
    const framed = makeModel({ steps: [...unframed.steps, makeStep({ id: 5, stage: null, index: 2, total: 2, instruction: 'RUN pip install torch' })], solveError: null });
    expect(locateFindings([error('cuda/extension-ninja-failed')], framed, oneRun)[0]!.location).toBeNull();
  });
});
