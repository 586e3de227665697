// The slow half of the regex-safety checks, run by `npm run test:slow` (CI runs it after
// `npm test`): recheck's own analysis of every pattern and of generated ones, and timings of its
// attacks on a capped line. They take minutes, and a timing depends on how busy the machine is,
// so they stay out of `npm test`, which tests the checker's verdicts themselves.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { checkSync } from 'recheck';
import { checkRegexSafety } from '../../src/security/regex-safety.js';
import { builtinRules } from '../../src/rules/catalog/index.js';
import { sourceRegexes } from '../security/source-regexes.js';
import { fixedSeed } from '../support/property-budget.js';

/** How long one `test` of a pattern against a 64 KiB line (the per-line cap) may take. */
const LINE_BUDGET_MS = 250;

function timeOn(pattern: RegExp, text: string): number {
  const start = performance.now();
  pattern.lastIndex = 0;
  pattern.test(text);
  return performance.now() - start;
}

describe('recheck on every built-in pattern', () => {
  const patterns = builtinRules.flatMap((rule) =>
    [...(rule.match ?? []), ...(rule.context ?? []), ...(rule.unless ?? [])]
      .filter((m) => m.pattern !== undefined)
      .map((m) => ({ where: rule.id, source: m.pattern!, flags: m.ignoreCase ? 'i' : '' })),
  );
  const inSource = sourceRegexes(process.cwd()).map((r) => ({ where: `${r.file}:${r.line}`, source: r.source, flags: r.flags }));

  // In slices, each its own test: recheck takes seconds on some patterns, and the whole catalog in one
  // test would run for many minutes under one time limit; a slice that fails names its own patterns.
  const all = [...patterns, ...inSource];
  const SLICES = 12;
  const slices = Array.from({ length: SLICES }, (_, i) => all.filter((_, j) => j % SLICES === i));

  test('every pattern is in one slice', () => {
    expect(slices.reduce((n, slice) => n + slice.length, 0)).toBe(all.length);
    expect(all.length).toBeGreaterThan(500);
  });

  test.each(slices.map((slice, i) => [i + 1, slice] as const))('recheck agrees on slice %i: where it finds an attack, the attack is fast on a capped line', (_i, slice) => {
    const slow: string[] = [];
    for (const p of slice) {
      const diagnosis = checkSync(p.source, p.flags, { timeout: 5000 });
      if (diagnosis.status !== 'vulnerable') continue;
      const attack = diagnosis.attack.string.slice(0, 64 * 1024);
      const ms = timeOn(new RegExp(p.source, p.flags.replace('g', '')), attack);
      if (ms > LINE_BUDGET_MS) slow.push(`${p.where}: /${p.source}/ took ${ms.toFixed(0)} ms on recheck's attack`);
    }
    expect(slow).toEqual([]);
  });
});

describe('the checker against recheck, on generated patterns', () => {
  // Small patterns over a few overlapping atoms: where recheck builds an attack that is really
  // slow, the checker must have rejected the pattern.
  const atom = fc.constantFrom('a', 'b', '\\s', '.', '[ab]', '[^a]', '\\d', 'x', ' ');
  const regex: fc.Arbitrary<string> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atom,
      fc.tuple(tie('node'), tie('node')).map(([a, b]) => `${a}${b}`),
      fc.tuple(tie('node'), tie('node')).map(([a, b]) => `(?:${a}|${b})`),
      fc.tuple(tie('node'), fc.constantFrom('*', '+', '?', '{2,5}')).map(([a, q]) => `(?:${a})${q}`),
    ),
  })).node as fc.Arbitrary<string>;

  test('no slow attack on a pattern the checker accepted', () => {
    fc.assert(
      fc.property(regex, fc.boolean(), (body, anchored) => {
        const source = (anchored ? '^' : '') + body + '$';
        if (checkRegexSafety(source, '') !== null) return true;
        const diagnosis = checkSync(source, '', { timeout: 2000 });
        if (diagnosis.status !== 'vulnerable') return true;
        const ms = timeOn(new RegExp(source), diagnosis.attack.string.slice(0, 64 * 1024));
        return ms < LINE_BUDGET_MS;
      }),
      fixedSeed(60),
    );
  });

  test('accepted patterns stay fast on long runs of their own atoms', () => {
    fc.assert(
      fc.property(regex, (body) => {
        const source = body + '$';
        if (checkRegexSafety(source, '') !== null) return true;
        const re = new RegExp(source);
        return ['a', 'b', ' ', '1', 'ab', 'a ', 'xa'].every((unit) => timeOn(re, unit.repeat(20_000) + '!\n') < LINE_BUDGET_MS);
      }),
      fixedSeed(150),
    );
  });
});
