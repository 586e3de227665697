// One generic test runs every rule's fixtures through the pipeline: each match-*.log must yield a
// finding with the rule's id, each nomatch-*.log must not.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtinRuleSet } from '../../src/rules/builtin-rules.js';
import { fixturesOf, fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

// Every built-in, including those raised outside the rule engine (security/secret-in-log comes
// from the redactor): the fixtures test what the product reports, whoever produces it.
const cases = builtinRuleSet().flatMap((r) => fixturesOf(r.id)).map((f) => [f.ruleId, f.kind, path.relative(fixturesRoot, f.file), f.file] as const);

describe('rule fixtures', () => {
  test('there are fixtures to run', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  test.each(cases)('%s %s: %s', async (ruleId, kind, _name, file) => {
    const findings = await analyzeLog(readFileSync(file, 'utf8'));
    const ids = findings.map((f) => f.ruleId);
    if (kind === 'match') {
      expect(ids).toContain(ruleId);
      const f = findings.find((x) => x.ruleId === ruleId)!;
      expect(f.evidence.length).toBeGreaterThan(0);
      expect(f.message).not.toMatch(/\{[A-Za-z][\w.]*\}/); // no placeholder left unfilled
    } else {
      expect(ids).not.toContain(ruleId);
    }
  });
});
