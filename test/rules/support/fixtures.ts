// The catalog's fixture logs: fixtures/rules/<family>/<name>/match-*.log and nomatch-*.log.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const fixturesRoot = fileURLToPath(new URL('../../../fixtures/rules/', import.meta.url));

export interface RuleFixture {
  ruleId: string;
  kind: 'match' | 'nomatch';
  file: string;
}

export function fixturesOf(ruleId: string): RuleFixture[] {
  const dir = path.join(fixturesRoot, ruleId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^(?:no)?match-.+\.log$/.test(f))
    .sort()
    .map((f) => ({ ruleId, kind: f.startsWith('nomatch-') ? 'nomatch' : 'match', file: path.join(dir, f) }));
}
