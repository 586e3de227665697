// The findings every match fixture yields: each rule's match-*.log run through the whole pipeline,
// and each Dockerfile check's match*.Dockerfile through the static checks. Shared by the tests that
// look at what a user reads (expected output, advice lint).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { analyzeStream } from '../../../src/analyze.js';
import { runStaticChecks, staticChecks } from '../../../src/dockerfile/checks/index.js';
import { parseDockerfile } from '../../../src/dockerfile/dockerfile.js';
import type { Finding } from '../../../src/rules/finding.js';
import { factsLine } from '../../../src/report/facts-line.js';
import { builtinRuleSet } from '../../../src/rules/builtin-rules.js';
import { fixturesOf } from './fixtures.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dockerfileFixtures = path.join(repoRoot, 'fixtures/dockerfiles');

export interface MatchFixture {
  ruleId: string;
  /** Repository-relative path of the fixture, as test names and reports show it. */
  name: string;
  file: string;
  /** Where the finding as a user reads it is kept: `match-foo.log` → `match-foo.expected.md`. */
  expectedFile: string;
  kind: 'log' | 'dockerfile';
}

export interface FixtureFindings {
  /** The rule's (or check's) findings on the fixture, in report order. */
  findings: Finding[];
  /** The report's one line of build facts, when the log proves any; log fixtures only. */
  factsLine?: string;
}

export function expectedFileOf(fixtureFile: string): string {
  return fixtureFile.replace(/\.(?:log|Dockerfile)$/, '.expected.md');
}

function fixture(ruleId: string, file: string, kind: MatchFixture['kind']): MatchFixture {
  return { ruleId, name: path.relative(repoRoot, file), file, expectedFile: expectedFileOf(file), kind };
}

/** Every built-in rule's match-*.log, in catalog order. */
export function logMatchFixtures(): MatchFixture[] {
  return builtinRuleSet()
    .flatMap((r) => fixturesOf(r.id))
    .filter((f) => f.kind === 'match')
    .map((f) => fixture(f.ruleId, f.file, 'log'));
}

/** Every Dockerfile check's match*.Dockerfile, in check order. */
export function checkMatchFixtures(): MatchFixture[] {
  return staticChecks.flatMap((check) => {
    const dir = path.join(dockerfileFixtures, check.id.replace(/^dockerfile\//, ''));
    return readdirSync(dir)
      .filter((f) => f.startsWith('match') && f.endsWith('.Dockerfile'))
      .sort()
      .map((f) => fixture(check.id, path.join(dir, f), 'dockerfile'));
  });
}

/** Runs the fixture as the product would and keeps the findings of its own rule. */
export async function findingsOf(f: MatchFixture): Promise<FixtureFindings> {
  const text = readFileSync(f.file, 'utf8');
  if (f.kind === 'dockerfile') {
    const findings = runStaticChecks(parseDockerfile(text, f.name)).filter((x) => x.ruleId === f.ruleId);
    return { findings };
  }
  // The whole Analysis, not only the findings analyzeLog returns: the build facts are read too. A
  // `match-foo.Dockerfile` beside the log is the Dockerfile of that build, given as `--dockerfile` would.
  const dockerfileFile = f.file.replace(/\.log$/, '.Dockerfile');
  const dockerfile = existsSync(dockerfileFile) ? parseDockerfile(readFileSync(dockerfileFile, 'utf8'), path.relative(repoRoot, dockerfileFile)) : null;
  const { findings, facts, model } = await analyzeStream(Readable.from([Buffer.from(text)]), { dockerfile });
  const line = factsLine(facts, model);
  return { findings: findings.filter((x) => x.ruleId === f.ruleId), ...(line ? { factsLine: line } : {}) };
}
