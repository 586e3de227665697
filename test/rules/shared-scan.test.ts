// One automaton pass per line for several stages: each group must see exactly what a prefilter of
// its own literals finds, on the line and on any end of it (the grammar's text without its frame).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Prefilter, type PrefilterLiteral } from '../../src/match/prefilter.js';
import { SharedScan, type LiteralScanner } from '../../src/match/shared-scan.js';

function hits(scanner: LiteralScanner | Prefilter, text: string): [number, number][] {
  const count = scanner.find(text);
  const targets = 'targets' in scanner ? scanner.targets : Array.from({ length: count }, (_, i) => scanner.targetAt(i));
  return targets.slice(0, count).map((t, i) => [t, scanner.endOf(i)]);
}

const found = (scanner: LiteralScanner, text: string): number[] => hits(scanner, text).map(([t]) => t);

describe('a shared scan', () => {
  test('gives each group its own targets, from one scan of the line', () => {
    const scan = new SharedScan();
    const secrets = scan.group([
      { text: 'hf_', ignoreCase: false, wordStart: true, target: 0 },
      { text: 'token', ignoreCase: true, target: 1 },
    ]);
    const rules = scan.group([
      { text: 'Killed', ignoreCase: false, target: 0 },
      { text: 'token', ignoreCase: false, target: 1 },
    ]);
    const line = '#7 12.34 Killed while reading HF_TOKEN from hf_abc, token left';
    expect(found(secrets, line)).toEqual([1, 0]);
    const output = line.slice('#7 12.34 '.length);
    expect(hits(rules, output)).toEqual([
      [0, 6],
      [1, output.indexOf('token') + 5],
    ]);
    // A literal not at a word start is not a hit: `xhf_` holds no token prefix.
    expect(found(secrets, '#7 1.0 xhf_abc')).toEqual([]);
  });

  test('finds for any end of the line what a scan of that end alone finds', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', '_', ' ', '#', '1', 'é');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    const literal = fc.record({ text: word, ignoreCase: fc.boolean(), wordStart: fc.boolean(), target: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(
        fc.array(fc.array(literal, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
        fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')),
        fc.nat(),
        (groups: PrefilterLiteral[][], line, cut) => {
          const scan = new SharedScan();
          const views = groups.map((literals) => scan.group(literals));
          const alone = groups.map((literals) => new Prefilter(literals));
          const end = line.slice(line.length === 0 ? 0 : cut % (line.length + 1));
          views.forEach((view, g) => {
            expect(hits(view, line)).toEqual(hits(alone[g]!, line));
            expect(hits(view, end)).toEqual(hits(alone[g]!, end));
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  test('finds the literals a line break cut, for its own group only', () => {
    const scan = new SharedScan();
    const other = scan.group([{ text: 'lo', ignoreCase: false, target: 0 }]);
    const rules = scan.group([{ text: 'Unable to locate package', ignoreCase: false, target: 0 }]);
    rules.find('E: Unable to lo');
    const state = rules.endState;
    expect(rules.findCut(state, 'cate package nvtop', 48)).toBe(1);
    expect(rules.cutTargets[0]).toBe(0);
    expect(rules.cutConfirmed(0, 'E: Unable to locate package nvtop', 'E: Unable to lo'.length)).toBe(true);
    expect(other.findCut(state, 'cate package nvtop', 48)).toBe(0);
  });

  test('takes no literals once it has scanned', () => {
    const scan = new SharedScan();
    scan.group([{ text: 'x', ignoreCase: false, target: 0 }]).find('x');
    expect(() => scan.group([{ text: 'y', ignoreCase: false, target: 0 }])).toThrow(/no new literals/);
  });
});
