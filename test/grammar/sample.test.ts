// The demo sample must stay true to itself: its excerpt is the sample Dockerfile's own lines. The
// sample is a real build, recorded by the engine suite (test/engine/cases/quickstart) on Docker 28.5.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseFile } from './parse-helpers.js';

test('the demo sample: steps, the failed nvcc step, and an excerpt that matches its Dockerfile', async () => {
  const { model, events } = await parseFile('fixtures/samples/cuda-multistage-failed.log');
  expect(model.format).toBe('buildkit-plain');
  expect(model.steps.map((s) => [s.id, s.stage, s.index, s.total, s.status])).toEqual([
    [1, null, null, null, 'done'],
    [2, null, null, null, 'done'],
    [3, null, null, null, 'done'],
    [4, null, null, null, 'done'],
    [5, 'builder', 1, 7, 'done'],
    [6, null, null, null, 'done'],
    [7, 'builder', 2, 7, 'done'],
    [8, null, null, null, 'done'],
    [9, 'builder', 3, 7, 'done'],
    [10, 'builder', 4, 7, 'done'],
    [11, 'builder', 5, 7, 'done'],
    [12, 'builder', 6, 7, 'done'],
    [13, 'builder', 7, 7, 'error'],
  ]);
  expect(model.failedStep).toBe(13);
  const dockerfile = readFileSync('fixtures/samples/Dockerfile', 'utf8').split('\n');
  const error = model.solveError!;
  expect(error).toMatchObject({ dockerfile: 'Dockerfile', line: 12, endLine: 16, exitCode: 1, step: 13 });
  expect(error.excerpt).toEqual(dockerfile.slice(11, 16));
  // The failing step's instruction is the Dockerfile's continued RUN, joined as BuildKit joins it.
  const joined = dockerfile.slice(11, 16).map((l) => l.replace(/ \\$/, ' ')).join('');
  expect(model.steps.at(-1)!.instruction).toBe(joined);
  // The named context "cuda" was sent while the builder's first steps ran (its vertex resumed once).
  expect(model.steps.find((s) => s.id === 8)).toMatchObject({ seconds: 5.1, internal: true });
  expect(model.steps.find((s) => s.id === 11)).toMatchObject({ seconds: 6, outputLines: 15 });
  // The nvcc line streamed once and echoed once in the error box.
  const nvcc = events.filter((e) => e.type === 'step-output' && e.text.startsWith('nvcc fatal'));
  expect(nvcc.map((e) => e.type === 'step-output' && e.echo === true)).toEqual([false, true]);
  // A build from an empty cache: no step came from it.
  expect(model.cacheHitRatio).toBe(0);
});
