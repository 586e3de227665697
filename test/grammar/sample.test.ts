// The demo sample must stay true to itself: its excerpt is the sample Dockerfile's own lines.
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
    [5, 'builder', 1, 8, 'done'],
    [6, 'runtime', 1, 3, 'done'],
    [7, null, null, null, 'done'],
    [8, 'builder', 2, 8, 'cached'],
    [9, 'builder', 3, 8, 'cached'],
    [10, 'builder', 4, 8, 'done'],
    [11, 'runtime', 2, 3, 'done'],
    [12, 'builder', 5, 8, 'done'],
    [13, 'builder', 6, 8, 'done'],
    [14, 'builder', 7, 8, 'done'],
    [15, 'builder', 8, 8, 'error'],
  ]);
  expect(model.failedStep).toBe(15);
  const dockerfile = readFileSync('fixtures/samples/Dockerfile', 'utf8').split('\n');
  const error = model.solveError!;
  expect(error).toMatchObject({ dockerfile: 'Dockerfile', line: 14, endLine: 17, exitCode: 1, step: 15 });
  expect(error.excerpt).toEqual(dockerfile.slice(13, 17));
  // The failing step's instruction is the Dockerfile's continued RUN, joined as BuildKit joins it.
  const joined = dockerfile.slice(13, 17).map((l) => l.replace(/ \\$/, ' ')).join('');
  expect(model.steps.at(-1)!.instruction).toBe(joined);
  // pip's step ran 106.8 s, interleaved with the runtime stage's apt-get (resumed once each).
  expect(model.steps.find((s) => s.id === 12)).toMatchObject({ seconds: 106.8, outputLines: 22 });
  expect(model.steps.find((s) => s.id === 11)).toMatchObject({ seconds: 20.9, outputLines: 10 });
  // The nvcc line streamed once and echoed once in the error box.
  const nvcc = events.filter((e) => e.type === 'step-output' && e.text.startsWith('nvcc fatal'));
  expect(nvcc.map((e) => e.type === 'step-output' && e.echo === true)).toEqual([false, true]);
  // 2 of its 10 Dockerfile steps (FROMs included) came from the cache.
  expect(model.cacheHitRatio).toBe(0.2);
});
