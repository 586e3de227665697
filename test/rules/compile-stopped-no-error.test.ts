// cuda/compile-stopped-no-error: where a ninja build stood decides whether it stopped. A last `[N/M]` with N < M is a
// build that had not finished; N = M is one that finished (its failure, if any, came after ninja and is another story).
import { describe, expect, test } from 'vitest';
import { ninjaProgressEnrich } from '../../src/knowledge/ninja-progress.js';
import type { BuildModel } from '../../src/model/types.js';

const model = {} as BuildModel;

describe('ninja-progress enricher', () => {
  test('a build cut before its last command stopped at N of M', () => {
    expect(ninjaProgressEnrich({ 'context.progress.done': '1', 'context.progress.total': '85' }, null, model)).toEqual({
      stopped: 'yes',
      doneEdges: '1',
      totalEdges: '85',
    });
  });

  test('a ninja build that reached its last command finished: nothing stopped', () => {
    expect(ninjaProgressEnrich({ 'context.progress.done': '85', 'context.progress.total': '85' }, null, model)).toEqual({});
  });

  test("torch's wrapper of a failed ninja run is a stop, with no position when no progress line shows one", () => {
    expect(ninjaProgressEnrich({ 'context.torchWrapper': 'RuntimeError: Error compiling objects for extension' }, null, model)).toEqual({ stopped: 'yes' });
  });

  test('no progress and no wrapper: nothing', () => {
    expect(ninjaProgressEnrich({}, null, model)).toEqual({});
  });
});
