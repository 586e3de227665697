import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { checkSync } from 'recheck';
import { checkRegexSafety } from '../../src/security/regex-safety.js';
import { builtinRules } from '../../src/rules/catalog/index.js';
import { sourceRegexes } from './source-regexes.js';

/** How long one `test` of a pattern against a 64 KiB line (the per-line cap) may take. */
const LINE_BUDGET_MS = 250;

function timeOn(pattern: RegExp, text: string): number {
  const start = performance.now();
  pattern.lastIndex = 0;
  pattern.test(text);
  return performance.now() - start;
}

describe('checkRegexSafety', () => {
  test.each([
    ['^(a+)+$', '', /exponential/],
    ['(a|a)*b', '', /exponential/],
    ['(a*)*b', '', /exponential/],
    ['^(a|aa){1,30}$', '', /exponential/],
    ['(\\w+\\s?)+$', '', /exponential/],
    ['\\s+x', '', /quadratic.*not anchored/],
    ['a*b', '', /quadratic/],
    ['ERROR: (.*) failed: (.*)', '', /quadratic/],
    ['CMake Error at (?<file>[^:]+):(?<line>\\d+)', '', /quadratic.*bound the repeat/],
    ['^.*a.*b$', '', /quadratic/],
    ['\\/+$', '', /quadratic/],
    ['(?=.*x)a', '', /lookaround/],
    ['(\\d)\\1', '', /backreference/],
    ['(?<x>a)\\k<x>', '', /backreference/],
    ['[a-z]+@[a-z]+\\.com', 'i', /quadratic/],
  ])('rejects %s', (source, flags, reason) => {
    expect(checkRegexSafety(source, flags)).toMatch(reason);
  });

  test.each([
    ['^(a+)$', ''],
    ['^\\s+x', ''],
    ['x\\s+y', ''],
    ['ERROR: (.*)', ''],
    ['^ERROR: (.*) failed$', ''],
    ['^CMake Error at (?<file>[^:]+):(?<line>\\d+)', ''],
    ["nvcc fatal\\s*:\\s*Unsupported gpu architecture '(?<arch>[^']+)'", ''],
    ['\\d+(?:\\.\\d+)*', ''],
    ['^v\\d+(?:\\.\\d+)*$', ''],
    ['^#(\\d+) (\\d+\\.\\d+) (.*)$', ''],
    ['pip is looking at multiple versions of (?<pkg>[A-Za-z0-9._-]+) to determine', 'i'],
    ['libcupti\\.so(?:\\.\\d+)*: cannot open', ''],
    ['ghp_[A-Za-z0-9]{36}', ''],
    ['libnvinfer[\\w.+-]{0,200}: cannot open', ''],
    ['(?<![A-Za-z0-9_])hf_[A-Za-z0-9]{30,255}', ''],
    ['^\\p{L}+ done$', 'u'],
  ])('accepts %s', (source, flags) => {
    expect(checkRegexSafety(source, flags)).toBeNull();
  });

  test('an invalid pattern is named as such, not thrown', () => {
    expect(checkRegexSafety('(unclosed', '')).toMatch(/^invalid regular expression: /);
    expect(checkRegexSafety('a', 'zz')).toMatch(/^invalid regular expression: /);
  });

  test('a huge pattern is rejected as too complex rather than analysed for ever', () => {
    const huge = Array.from({ length: 600 }, (_, i) => `x${i}`).join('|');
    expect(checkRegexSafety(`(?:${huge})+y`, '')).toMatch(/too complex/);
  });

  test('every rejection is one line', () => {
    for (const source of ['^(a+)+$', '\\s+x', '(\\d)\\1', '(?=.*x)a', '(']) {
      expect(checkRegexSafety(source, '')).not.toContain('\n');
    }
  });
});

describe('every built-in pattern is linear-time', () => {
  const patterns = builtinRules.flatMap((rule) =>
    [...(rule.match ?? []), ...(rule.context ?? []), ...(rule.unless ?? [])]
      .filter((m) => m.pattern !== undefined)
      .map((m) => ({ where: rule.id, source: m.pattern!, flags: m.ignoreCase ? 'i' : '' })),
  );
  const inSource = sourceRegexes(process.cwd()).map((r) => ({ where: `${r.file}:${r.line}`, source: r.source, flags: r.flags }));

  test('the catalog and the source have patterns to check', () => {
    expect(inSource.length).toBeGreaterThan(10);
  });

  test('no rule pattern and no regex in src/ is super-linear', () => {
    const unsafe = [...patterns, ...inSource]
      .map((p) => ({ ...p, reason: checkRegexSafety(p.source, p.flags) }))
      .filter((p) => p.reason !== null)
      .map((p) => `${p.where}: /${p.source}/${p.flags}: ${p.reason}`);
    expect(unsafe).toEqual([]);
  });

  test('recheck agrees: where it finds an attack, the attack is fast on a capped line', { timeout: 120_000 }, () => {
    const slow: string[] = [];
    for (const p of [...patterns, ...inSource]) {
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

  test('no slow attack on a pattern the checker accepted', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(regex, fc.boolean(), (body, anchored) => {
        const source = (anchored ? '^' : '') + body + '$';
        if (checkRegexSafety(source, '') !== null) return true;
        const diagnosis = checkSync(source, '', { timeout: 2000 });
        if (diagnosis.status !== 'vulnerable') return true;
        const ms = timeOn(new RegExp(source), diagnosis.attack.string.slice(0, 64 * 1024));
        return ms < LINE_BUDGET_MS;
      }),
      { numRuns: 60 },
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
      { numRuns: 150 },
    );
  });
});
