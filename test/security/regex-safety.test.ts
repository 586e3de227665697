import { describe, expect, test } from 'vitest';
import { checkRegexSafety } from '../../src/security/regex-safety.js';
import { builtinRules } from '../../src/rules/catalog/index.js';
import { sourceRegexes } from './source-regexes.js';

// recheck's verdicts and attack timings on every pattern: test/slow/regex-recheck.test.ts (`npm run test:slow`).

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
});
