import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Prefilter, type PrefilterLiteral } from '../../src/match/prefilter.js';

function naive(literals: PrefilterLiteral[], line: string): number[] {
  const hits = new Set<number>();
  for (const l of literals) {
    const found = l.ignoreCase ? line.toLowerCase().includes(l.text.toLowerCase()) : line.includes(l.text);
    if (found) hits.add(l.target);
  }
  return [...hits].sort((a, b) => a - b);
}

describe('prefilter', () => {
  test('finds overlapping and nested literals in one scan', () => {
    const lits: PrefilterLiteral[] = [
      { text: 'NOTFOUND', ignoreCase: false, target: 0 },
      { text: 'LIBRARY-NOTFOUND', ignoreCase: false, target: 1 },
      { text: 'found cupti', ignoreCase: true, target: 2 },
      { text: 'not found', ignoreCase: false, target: 3 },
    ];
    const p = new Prefilter(lits);
    expect([...p.scan('-- Found CUPTI: /usr/local/cuda/extras/CUPTI/include')]).toEqual([2]);
    expect([...p.scan('-- CUPTI library: CUPTI_LIBRARY-NOTFOUND')].sort()).toEqual([0, 1]);
    expect([...p.scan('/bin/sh: 1: cmake: not found')]).toEqual([3]);
    expect([...p.scan('/bin/sh: 1: cmake: Not Found')]).toEqual([]);
    expect([...p.scan('')]).toEqual([]);
  });

  test('a target is reported once per line even when several of its literals occur', () => {
    const p = new Prefilter([
      { text: 'exit code: 137', ignoreCase: false, target: 5 },
      { text: 'Killed', ignoreCase: false, target: 5 },
    ]);
    expect([...p.scan('Killed ... exit code: 137 ... Killed')]).toEqual([5]);
    expect([...p.scan('nothing here')]).toEqual([]);
  });

  test('non-ASCII letters fold too, and are not confused with ASCII ones', () => {
    const p = new Prefilter([
      { text: 'Fehler: ä', ignoreCase: true, target: 0 },
      { text: 'Größe', ignoreCase: false, target: 1 },
    ]);
    expect([...p.scan('xx FEHLER: Ä')]).toEqual([0]);
    expect([...p.scan('xx fehler: a')]).toEqual([]);
    expect([...p.scan('GRÖSSE Größe')]).toEqual([1]);
    expect([...p.scan('größe')]).toEqual([]);
  });

  test('literals cut by a line break: found from the automaton’s state at the end of the line before', () => {
    const lits: PrefilterLiteral[] = [
      { text: 'Unable to locate package', ignoreCase: false, target: 0 },
      { text: 'no space left', ignoreCase: true, target: 1 },
      { text: 'cate', ignoreCase: false, target: 2 },
    ];
    const p = new Prefilter(lits);
    const cutAt = (before: string, next: string) => {
      p.scan(before);
      const found = [...p.scanCut(p.endState, next, 48)];
      return found.filter((_, i) => p.cutConfirmed(i, before + next, before.length));
    };
    expect(cutAt('E: Unable to lo', 'cate package nvtop')).toEqual([0]);
    // `cate` lies wholly in the next line: the line's own scan finds it, not the cut.
    expect(cutAt('E: Unable to lo', 'cate package nvtop')).not.toContain(2);
    expect(cutAt('write failed: No Space ', 'Left on device')).toEqual([1]);
    // The case of a case-sensitive literal is checked across the break.
    expect(cutAt('E: unable to lo', 'cate package nvtop')).toEqual([]);
    // Nothing of a literal at the end of the line before: nothing carried over.
    expect(cutAt('configure done', 'cate package')).toEqual([]);
    // Beyond the reach into the next line, a cut literal is not looked for.
    p.scan('E: Unable to lo');
    expect([...p.scanCut(p.endState, 'cate package', 3)]).toEqual([]);
  });

  test('agrees with a naive substring search on arbitrary input', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', 'B', ':', ' ', 'é', 'É');
    const word = fc.array(alphabet, { minLength: 2, maxLength: 5 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: word, ignoreCase: fc.boolean(), target: fc.integer({ min: 0, max: 6 }) }), { minLength: 1, maxLength: 12 }),
        fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')),
        (lits, line) => {
          const p = new Prefilter(lits);
          expect([...p.scan(line)].sort((a, b) => a - b)).toEqual(naive(lits, line));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('ten times more literals barely change the cost of a line', () => {
    const make = (n: number) =>
      new Prefilter(Array.from({ length: n }, (_, i) => ({ text: `literal number ${i} of the catalog`, ignoreCase: i % 2 === 0, target: i })));
    const line = '#12 45.67 [ 45%] Building CUDA object caffe2/CMakeFiles/torch_cuda.dir/__/aten/src/ATen/native/cuda/Loss.cu.o';
    const time = (p: Prefilter) => {
      for (let i = 0; i < 2000; i++) p.find(line); // warm up
      const t0 = performance.now();
      for (let i = 0; i < 20000; i++) p.find(line);
      return performance.now() - t0;
    };
    const small = make(100);
    const large = make(1000);
    const best = (p: Prefilter) => Math.min(time(p), time(p), time(p));
    expect(best(large)).toBeLessThan(best(small) * 3 + 5);
  });
});
