// Cost that grows with the input as it should: the rule engine linear in the lines of a log, the
// prefilter's cost per line independent of how many literals the catalog has. These compare two
// timings taken at the same moment on the same machine, so they are cross-checks for CI's
// `npm run test:slow`, not for `npm test`; what they guard is also checked without a clock
// (linear-time patterns: test/security/regex-safety.test.ts).
import { describe, expect, test } from 'vitest';
import { Prefilter } from '../../src/match/prefilter.js';
import { builtinRuleSet } from '../../src/rules/builtin-rules.js';
import { makeModel, makeStep } from '../support/builders.js';
import { out, runEngine } from '../rules/support/events.js';

describe('rule engine: speed', () => {
  test('cost grows linearly with the log, hostile long lines included', () => {
    const rules = builtinRuleSet();
    const lines = [
      '[ 45%] Building CUDA object caffe2/CMakeFiles/torch_cuda.dir/__/aten/src/ATen/native/cuda/Loss.cu.o',
      'Collecting numpy>=1.17 (from torch==2.4.0)',
      '  Downloading numpy-2.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl (16.3 MB)',
      '-- Looking for pthread_create in pthreads - not found',
      'g++: fatal error: Killed signal terminated program cc1plus',
    ];
    // Lines that make a backtracking pattern rescan: long runs before a literal.
    const hostile = ['a'.repeat(20_000) + ': unbound variable', 'b'.repeat(20_000) + ' terminated with signal 9', 'c'.repeat(20_000) + ': not found'];
    const model = makeModel({ steps: [makeStep({ id: 1, status: 'error' })] });
    const run = (n: number) => {
      const events = Array.from({ length: n }, (_, i) => out(1, i % 100 === 0 ? hostile[(i / 100) % 3]! : lines[i % lines.length]!));
      const t0 = performance.now();
      runEngine(rules, events, model);
      return performance.now() - t0;
    };
    run(2_000); // warm up
    const small = Math.min(run(10_000), run(10_000));
    const large = Math.min(run(40_000), run(40_000));
    expect(large / small).toBeLessThan(8); // 4x the lines: linear, with room for noise
    expect(large).toBeLessThan(10_000);
  });
});

describe('prefilter: speed', () => {
  test('ten times more literals barely change the cost of a line', () => {
    const make = (n: number) =>
      new Prefilter(Array.from({ length: n }, (_, i) => ({ text: `literal number ${i} of the catalog`, ignoreCase: i % 2 === 0, target: i })));
    const line = '#12 45.67 [ 45%] Building CUDA object caffe2/CMakeFiles/torch_cuda.dir/__/aten/src/ATen/native/cuda/Loss.cu.o';
    const time = (p: Prefilter) => {
      for (let i = 0; i < 2000; i++) p.scan(line); // warm up
      const t0 = performance.now();
      for (let i = 0; i < 20000; i++) p.scan(line);
      return performance.now() - t0;
    };
    const small = make(100);
    const large = make(1000);
    const best = (p: Prefilter) => Math.min(time(p), time(p), time(p));
    expect(best(large)).toBeLessThan(best(small) * 3 + 5);
  });
});
