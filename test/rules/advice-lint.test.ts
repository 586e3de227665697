// The advice every rule and Dockerfile check gives on its match fixtures, read as a user copies it:
// no template slot rendered empty or as a stand-in, every shell block and Dockerfile RUN passes
// `bash -n`, every pip / uv install names a requirement and quotes a specifier with `<` or `>`. One test per fixture, listing every
// offending snippet, so each broken template is its own visible failure.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Finding } from '../../src/rules/finding.js';
import { bashSyntaxErrors, installWithoutRequirement, placeholderProblems, shellScripts, unquotedSpecifiers, type Script } from './support/advice-lint.js';
import { checkMatchFixtures, findingsOf, logMatchFixtures, type MatchFixture } from './support/fixture-findings.js';
import { hangGuard } from '../support/hang-guard.js';

const fixtures = [...logMatchFixtures(), ...checkMatchFixtures()];

/** A finding's label in a failure: which one of the fixture's findings of the rule, when there are several. */
function label(findings: readonly Finding[], n: number): string {
  return findings.length > 1 ? `finding ${n + 1}/${findings.length} ` : '';
}

function firstLine(script: string): string {
  const line = script.trim().split('\n')[0] ?? '';
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

/** Problems by fixture file, filled once for all fixtures so bash runs once. */
const problems = new Map<string, string[]>();

beforeAll(async () => {
  const scripts: { fixture: MatchFixture; where: string; script: Script }[] = [];
  for (const fixture of fixtures) {
    const { findings } = await findingsOf(fixture);
    const found = findings.flatMap((finding, n) => {
      for (const script of shellScripts(finding)) scripts.push({ fixture, where: label(findings, n), script });
      return [...placeholderProblems(finding), ...installWithoutRequirement(finding), ...unquotedSpecifiers(finding)].map((p) => `${label(findings, n)}${p}`);
    });
    problems.set(fixture.file, findings.length === 0 ? ['no finding of the rule'] : found);
  }
  // Fixtures of one rule mostly give the same fix: each distinct script is parsed once.
  const distinct = [...new Set(scripts.map((s) => s.script.text))];
  const errorOf = new Map(bashSyntaxErrors(distinct).map((error, i) => [distinct[i]!, error]));
  for (const { fixture, where, script } of scripts) {
    const error = errorOf.get(script.text);
    if (error === null || error === undefined) continue;
    problems.get(fixture.file)!.push(`${where}${script.field} (${script.from}): bash -n: ${error} in: ${firstLine(script.text)}`);
  }
  // Every match fixture through the whole pipeline: seconds on an idle machine, minutes on a busy one. The suite's hang
  // guard is the only limit, so that load never fails it.
}, hangGuard.hookTimeout);

describe('advice on every match fixture', () => {
  test('covers the log rules and the Dockerfile checks', () => {
    expect(fixtures.filter((f) => f.kind === 'log').length).toBeGreaterThan(20);
    expect(fixtures.filter((f) => f.kind === 'dockerfile').length).toBeGreaterThan(5);
  });

  test.each(fixtures.map((f) => [f.ruleId, f.name, f.file] as const))('%s: %s', (_ruleId, _name, file) => {
    const found = problems.get(file) ?? ['not analysed'];
    expect(found, `${found.length} problem(s) in the advice:\n  ${found.join('\n  ')}\n`).toEqual([]);
  });
});
