import { describe, expect, test } from 'vitest';
import { BuildModelBuilder, TAIL_LINES, PASSED_TAIL_LINES } from '../../src/model/build-model.js';
import type { BuildEvent, StepHeader } from '../../src/grammar/events.js';

function header(id: number, instruction: string, extra: Partial<StepHeader> = {}): StepHeader {
  return { id, stage: 'builder', index: id, total: 9, instruction, platform: null, target: null, internal: false, ...extra };
}

function build(events: BuildEvent[]) {
  const builder = new BuildModelBuilder();
  for (const e of events) builder.apply(e);
  return { builder, model: builder.finish(100) };
}

describe('BuildModelBuilder', () => {
  test('steps are keyed by id: interleaved output goes to the right step', () => {
    const { model } = build([
      { type: 'format', format: 'buildkit-plain' },
      { type: 'step-started', line: 1, header: header(5, 'RUN a') },
      { type: 'step-output', line: 2, id: 5, seconds: 0.5, text: 'a1' },
      { type: 'step-started', line: 3, header: header(6, 'RUN b') },
      { type: 'step-output', line: 4, id: 6, seconds: 0.2, text: 'b1' },
      { type: 'step-output', line: 5, id: 5, seconds: 2.5, text: 'a2' },
      { type: 'step-done', line: 6, id: 5, seconds: 3 },
      { type: 'step-error', line: 7, id: 6, seconds: null, message: 'process "/bin/sh -c b" did not complete successfully: exit code: 7' },
    ]);
    const [a, b] = model.steps;
    expect(a).toMatchObject({ id: 5, tail: ['a1', 'a2'], outputLines: 2, status: 'done', seconds: 3, start: 0, end: 3, firstLine: 1, lastLine: 6 });
    // b's header was printed when the clock stood at 0.5 (a's first output): its estimated start.
    expect(b).toMatchObject({ id: 6, tail: ['b1'], status: 'error', exitCode: 7, seconds: 0.2, start: 0.5 });
    expect(model.failedStep).toBe(6);
    expect(model.seconds).toBe(3);
    expect(model.cacheHitRatio).toBe(0);
  });

  test('the tail is a bounded ring, shorter once a step passed; echo and status lines stay out', () => {
    const events: BuildEvent[] = [{ type: 'step-started', line: 1, header: header(1, 'RUN x') }];
    for (let i = 0; i < 500; i++) events.push({ type: 'step-output', line: i + 2, id: 1, seconds: null, text: `line ${i} ` + 'x'.repeat(5000) });
    events.push({ type: 'step-output', line: 600, id: 1, seconds: null, text: 'status', status: true });
    events.push({ type: 'step-output', line: 601, id: 1, seconds: null, text: 'line 499', echo: true });
    const { builder } = build(events);
    const live = builder.getStep(1)!;
    expect(live.tail).toHaveLength(TAIL_LINES);
    expect(live.tail[0]!.startsWith('line 450 ')).toBe(true);
    expect(live.tail.every((l) => l.length <= 500)).toBe(true);
    expect(live.outputLines).toBe(500);
    builder.apply({ type: 'step-done', line: 602, id: 1, seconds: 1 });
    expect(builder.getStep(1)!.tail).toHaveLength(PASSED_TAIL_LINES);
  });

  test('every line count gives the last lines as the tail: of the model, of a live step, after a resumed line', () => {
    for (const count of [TAIL_LINES - 1, TAIL_LINES, TAIL_LINES + 1, 2 * TAIL_LINES - 1, 2 * TAIL_LINES, 2 * TAIL_LINES + 1, 5 * TAIL_LINES + 3]) {
      const events: BuildEvent[] = [{ type: 'step-started', line: 1, header: header(1, 'RUN x') }];
      for (let i = 0; i < count; i++) events.push({ type: 'step-output', line: i + 2, id: 1, seconds: null, text: `line ${i}` });
      events.push({ type: 'step-output', line: count + 2, id: 1, seconds: null, text: `line ${count - 1} done`, resumes: true });
      const { builder, model } = build(events);
      const expected = Array.from({ length: count }, (_, i) => `line ${i}`).slice(-TAIL_LINES);
      expected[expected.length - 1] = `line ${count - 1} done`;
      expect(model.steps[0]!.tail).toEqual(expected);
      expect(builder.getStep(1)!.tail).toEqual(expected);
    }
  });

  test('exact wall-clock times (rawjson) give exact starts, ends and total', () => {
    const t0 = Date.UTC(2026, 0, 2, 3, 4, 5);
    const { model } = build([
      { type: 'step-started', line: 1, header: header(1, 'RUN a'), startedAt: t0 + 1000 },
      { type: 'step-started', line: 1, header: header(2, 'RUN b'), startedAt: t0 },
      { type: 'step-done', line: 2, id: 1, seconds: 2, endedAt: t0 + 3000 },
      { type: 'step-cached', line: 2, id: 2, endedAt: t0 + 100 },
    ]);
    expect(model.steps.map((s) => [s.start, s.end])).toEqual([[1, 3], [0, 0.1]]);
    expect(model.seconds).toBe(3);
    expect(model.cacheHitRatio).toBe(0.5);
  });

  test('the first solve error wins, a repeat fills its gaps; a step the error names is marked failed', () => {
    const { model } = build([
      { type: 'step-started', line: 1, header: header(3, 'RUN make') },
      { type: 'solve-error', line: 9, error: { dockerfile: null, line: null, endLine: null, excerpt: [], message: 'boom: exit code: 2', exitCode: 2, step: 3 } },
      { type: 'solve-error', line: 10, error: { dockerfile: 'Dockerfile', line: 4, endLine: 5, excerpt: ['RUN make'], message: 'other', exitCode: 9, step: null } },
    ]);
    expect(model.solveError).toEqual({ dockerfile: 'Dockerfile', line: 4, endLine: 5, excerpt: ['RUN make'], message: 'boom: exit code: 2', exitCode: 2, step: 3 });
    expect(model.steps[0]).toMatchObject({ status: 'error', error: 'boom: exit code: 2', exitCode: 2 });
    expect(model.failedStep).toBe(3);
  });

  test('lint warnings are deduplicated (the WARN line and the summary repeat each other)', () => {
    const w: BuildEvent = { type: 'lint-warning', line: 1, rule: 'FromAsCasing', message: 'casing', dockerfileLine: 1 };
    const { model } = build([w, { ...w, line: 40 }, { ...w, dockerfileLine: 7 }]);
    expect(model.lintWarnings).toHaveLength(2);
  });

  test('a canceled sibling is not the failed step; no timing means no total', () => {
    const { model } = build([
      { type: 'format', format: 'classic' },
      { type: 'step-started', line: 1, header: header(1, 'RUN a') },
      { type: 'step-canceled', line: 2, id: 1, seconds: null },
      { type: 'step-cached', line: 3, id: 2 },
    ]);
    expect(model.failedStep).toBeNull();
    expect(model.seconds).toBeNull();
    // A step seen only through an event is still listed, as internal (nothing names it).
    expect(model.steps.map((s) => [s.id, s.status, s.internal])).toEqual([[1, 'canceled', false], [2, 'cached', true]]);
  });

  test('an empty log', () => {
    expect(new BuildModelBuilder().finish(0)).toEqual({ format: 'unknown', steps: [], solveError: null, failedStep: null, seconds: null, cacheHitRatio: null, lintWarnings: [], lines: 0 });
  });

  test('a failure no step holds keeps the lines printed outside any step before the error, and only those', () => {
    const { model } = build([
      { type: 'step-started', line: 1, header: { ...header(0, '(output outside any build step)'), internal: true, stage: null } },
      { type: 'step-output', line: 2, id: 0, seconds: null, text: 'Traceback (most recent call last):' },
      { type: 'step-output', line: 3, id: 0, seconds: null, text: "subprocess.CalledProcessError: Command 'make' returned non-zero exit status 2." },
      { type: 'format', format: 'buildkit-plain' },
      { type: 'text', line: 4, text: 'WARNING: No output specified with docker-container driver.' },
      { type: 'solve-error', line: 5, error: { dockerfile: 'Dockerfile', line: 7, endLine: 7, excerpt: ['RUN make'], message: '', exitCode: null, step: null } },
      { type: 'text', line: 6, text: 'Error: buildx failed with: ERROR: failed to solve' },
    ]);
    expect(model.failedStep).toBeNull();
    expect(model.outsideLines).toEqual([
      'Traceback (most recent call last):',
      "subprocess.CalledProcessError: Command 'make' returned non-zero exit status 2.",
      'WARNING: No output specified with docker-container driver.',
    ]);
  });

  test('no outside lines when a step holds the failure, or when the build did not fail', () => {
    const failed = build([
      { type: 'step-output', line: 1, id: 0, seconds: null, text: 'error: preamble' },
      { type: 'format', format: 'buildkit-plain' },
      { type: 'step-started', line: 2, header: header(3, 'RUN make') },
      { type: 'step-error', line: 3, id: 3, seconds: 1, message: 'process "/bin/sh -c make" did not complete successfully: exit code: 2' },
      { type: 'solve-error', line: 4, error: { dockerfile: null, line: null, endLine: null, excerpt: [], message: 'process "/bin/sh -c make" did not complete successfully: exit code: 2', exitCode: 2, step: 3 } },
    ]).model;
    expect(failed.failedStep).toBe(3);
    expect(failed).not.toHaveProperty('outsideLines');
    const passed = build([{ type: 'step-output', line: 1, id: 0, seconds: null, text: 'error: preamble' }]).model;
    expect(passed).not.toHaveProperty('outsideLines');
  });
});
