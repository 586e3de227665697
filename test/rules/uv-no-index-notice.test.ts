// pip/resolution-impossible: uv's `was not found in the provided package locations` (index lookups disabled, the name in no
// `--find-links` location) is a missing name, not a conflict; with nothing failing for it in the log, a notice.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';
import { resolutionImpossible } from '../../src/rules/catalog/pip/resolution-impossible.js';

const fixture = (rel: string): string => readFileSync(path.join(fixturesRoot, rel), 'utf8');

function noIndex(line: string): Record<string, string | undefined> | null {
  const c = resolutionImpossible.context?.find((x) => x.name === 'uvNoIndex');
  if (c?.pattern === undefined) throw new Error('no uvNoIndex pattern');
  return new RegExp(c.pattern).exec(line)?.groups ?? null;
}

describe('pip/resolution-impossible: uv with index lookups disabled', () => {
  test('container start-up output, nothing failing for it: a notice, no "relax the pin"', async () => {
    const findings = await analyzeLog(fixture('pip/resolution-impossible/match-uv-no-index-startup-notice.log'));
    expect(findings[0]!.ruleId).toBe('pip/resolution-impossible');
    expect(findings[0]!.severity).toBe('notice');
    expect(findings[0]!.message).toContain('`uv` in none of the package locations');
    expect(findings[0]!.fix).toContain('--no-index');
    expect(findings[0]!.fix).not.toContain('relax');
    expect(findings.filter((f) => f.severity !== 'notice')).toEqual([]);
  });

  test('the name from uv\'s own report', () => {
    // astral-sh/uv crates/uv/tests/pip_install.rs, install_no_index (`uv pip install Flask --no-index`, exit code 1)
    expect(noIndex('      ╰─▶ Because flask was not found in the provided package locations and you require flask, we can conclude that the requirements are unsatisfiable.')?.name).toBe('flask');
  });

  test('a real conflict stays an error with the conflict advice', async () => {
    const findings = await analyzeLog(fixture('pip/resolution-impossible/match-uv-current-python-below-requires-python.log'));
    expect(findings[0]!.ruleId).toBe('pip/resolution-impossible');
    expect(findings[0]!.severity).toBe('error');
    expect(findings[0]!.message).not.toContain('none of the package locations');
  });
});
