// The timeline on real logs: which step waited for which comes from the stage graph (FROM <stage>,
// COPY --from, RUN --mount=from=, the order within a stage), never from which step happened to
// end before another started; parallel stages are drawn in parallel; a log with no times draws
// no bars and loses no time.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import type { Analysis } from '../../src/report/analysis.js';
import { parseDockerfile } from '../../src/dockerfile/dockerfile.js';
import { stepDependencies } from '../../src/timeline/dependencies.js';
import { buildTimeline } from '../../src/timeline/timeline.js';
import { renderText } from '../../src/report/text.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { makeModel, makeStep } from '../support/builders.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root));

async function analyse(log: string, dockerfile?: string): Promise<Analysis> {
  const file = dockerfile === undefined ? null : parseDockerfile(read(dockerfile).toString('utf8'), dockerfile);
  return analyzeStream(Readable.from([read(log)]), { dockerfile: file, resolveDockerfile: () => null });
}

const idOf = (a: Analysis, label: string): number => {
  const step = a.model.steps.find((s) => `[${s.stage} ${s.index}/${s.total}]` === label);
  if (step === undefined) throw new Error(`no step ${label}`);
  return step.id;
};

const MULTISTAGE = 'fixtures/real/buildkit-0.13-dockerd-26.1/multistage-pass';

describe('the stage graph of a real multi-stage build (base → builder, docs → final)', () => {
  it('with the Dockerfile: each stage waits for the stage it is built FROM and the stages it copies from', async () => {
    const a = await analyse(`${MULTISTAGE}.log`, `${MULTISTAGE}.Dockerfile`);
    const { deps, floating } = stepDependencies(a.model.steps, a.dockerfiles);
    const base = idOf(a, '[base 2/2]');
    expect(deps.get(idOf(a, '[builder 1/3]'))).toEqual([base]);
    expect(deps.get(idOf(a, '[docs 1/1]'))).toEqual([base]);
    expect(deps.get(idOf(a, '[stage-3 2/3]'))).toContain(idOf(a, '[builder 3/3]'));
    expect(deps.get(idOf(a, '[stage-3 3/3]'))).toEqual(expect.arrayContaining([idOf(a, '[stage-3 2/3]'), idOf(a, '[docs 1/1]')]));
    expect(floating.size).toBe(0);
  });

  it('with the Dockerfile: docs and builder are drawn side by side, and the critical path does not chain them', async () => {
    const a = await analyse(`${MULTISTAGE}.log`, `${MULTISTAGE}.Dockerfile`);
    const timeline = buildTimeline(a.model, a.findings, a.dockerfiles);
    const at = (label: string) => timeline.steps.find((s) => s.id === idOf(a, label))!;
    expect(at('[docs 1/1]').start).toBe(at('[builder 3/3]').start);
    expect(timeline.criticalPath).not.toEqual(expect.arrayContaining([idOf(a, '[builder 3/3]'), idOf(a, '[docs 1/1]')]));
  });

  it('without it: a stage built FROM an unnamed stage waits for nothing made up', async () => {
    const a = await analyse(`${MULTISTAGE}.log`);
    const { deps, floating } = stepDependencies(a.model.steps, a.dockerfiles);
    const docs = idOf(a, '[docs 1/1]');
    expect(deps.get(docs) ?? []).not.toContain(idOf(a, '[builder 3/3]'));
    expect(floating.has(docs)).toBe(true);
    // COPY --from names its stage in the log itself.
    expect(deps.get(idOf(a, '[stage-3 3/3]'))).toContain(docs);
  });
});

describe('two stages in parallel (a real build: the wheels stage fails while the docs stage runs)', () => {
  it('keeps the docs stage off the failed stage’s critical path and draws it beside it', async () => {
    const a = await analyse('fixtures/real/buildkit-0.25-dockerd-28.5/parallel-stages-fail.log', 'fixtures/real/buildkit-0.25-dockerd-28.5/parallel-stages-fail.Dockerfile');
    const timeline = buildTimeline(a.model, a.findings, a.dockerfiles);
    const docs = idOf(a, '[docs 2/2]');
    const wheels = idOf(a, '[wheels 2/2]');
    expect(timeline.criticalPath).toEqual([wheels]);
    const step = (id: number) => timeline.steps.find((s) => s.id === id)!;
    // the docs RUN (sleep 8, canceled) ran while the wheels RUN did
    expect(step(docs).start).toBeLessThan(step(wheels).end);
    expect(step(wheels).start).toBeLessThan(step(docs).end);
    expect([step(docs).stage, step(wheels).stage]).toEqual(['docs', 'wheels']);
  });
});

describe('RUN --mount=from= and FROM <stage> as the classic builder and podman print it', () => {
  it('a mount of another stage waits for that stage', () => {
    const steps = [
      makeStep({ id: 1, stage: 'deps', index: 1, total: 2, instruction: 'FROM docker.io/library/python:3.11' }),
      makeStep({ id: 2, stage: 'deps', index: 2, total: 2, instruction: 'RUN pip wheel -w /wheels -r requirements.txt' }),
      makeStep({ id: 3, stage: 'app', index: 1, total: 2, instruction: 'FROM docker.io/library/python:3.11' }),
      makeStep({ id: 4, stage: 'app', index: 2, total: 2, instruction: 'RUN --mount=type=bind,from=deps,source=/wheels,target=/wheels pip install /wheels/*' }),
    ];
    expect(stepDependencies(steps).deps.get(4)).toEqual([3, 2]);
  });

  it('podman: COPY --from=builder waits for the builder stage’s last step', async () => {
    const a = await analyse('fixtures/real/podman-4.3/multistage-pass.log');
    const copy = a.model.steps.find((s) => s.instruction.startsWith('COPY --from=builder'))!;
    const built = a.model.steps.find((s) => s.instruction.startsWith("RUN printf 'int main"))!;
    expect(stepDependencies(a.model.steps).deps.get(copy.id)).toContain(built.id);
  });

  it('a printed FROM <stage> waits for that stage', () => {
    const steps = [
      makeStep({ id: 1, stage: 'base', index: 1, total: 2, instruction: 'FROM ubuntu:22.04 AS base' }),
      makeStep({ id: 2, stage: 'base', index: 2, total: 2, instruction: 'RUN apt-get update' }),
      makeStep({ id: 3, stage: 'app', index: 1, total: 2, instruction: 'FROM base AS app' }),
    ];
    expect(stepDependencies(steps).deps.get(3)).toEqual([2]);
  });
});

describe('a log with no times', () => {
  it('draws no bars, loses no time, and says it carries no times (classic builder)', async () => {
    const a = await analyse('fixtures/logs/classic-cmake-failed.log');
    expect(buildTimeline(a.model, a.findings).timed).toBe(false);
    const text = renderText(a, { color: false });
    expect(text).toMatch(/The log carries no times/);
    expect(text).not.toMatch(/lost:|█|0\.0s/);
    const md = renderMarkdown(a);
    expect(md).toContain('The log carries no times');
    expect(md).not.toMatch(/█|```mermaid|lost to/);
  });

  it('podman: the same', async () => {
    const a = await analyse('fixtures/real/podman-4.3/multistage-pass.log');
    expect(renderText(a, { color: false })).toMatch(/Where the time went\n {2}The log carries no times/);
  });

  it('a timed build is still timed when every step was a cache hit', () => {
    const model = makeModel({ seconds: 0.4, steps: [makeStep({ id: 1, cached: true, status: 'cached', seconds: null })] });
    expect(buildTimeline(model).timed).toBe(true);
  });
});
