// Poetry 2's `Error: The current project could not be installed: Readme path … does not exist.` (Poetry 1.8 only warned):
// the readme copied with pyproject.toml, or Poetry pinned below 2; `--no-root` only with what it drops. Real logs only
// (provenance in fixtures/rules/pip/project-file-missing/README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (rel: string): string => readFileSync(path.join(fixturesRoot, rel), 'utf8');

describe('pip/project-file-missing, Poetry 2 and a missing readme', () => {
  test('lnbits, every line of the paste `# `-prefixed: copy README.md, or poetry<2; --no-root with its cost', async () => {
    const findings = await analyzeLog(fixture('pip/project-file-missing/match-poetry2-readme-commented-paste-lnbits.log'));
    const f = findings[0]!;
    expect(f.ruleId).toBe('pip/project-file-missing');
    expect(f.title).toContain('Poetry 2');
    expect(f.message).toContain('`/app/README.md`');
    expect(f.fix).toContain('COPY README.md ./');
    expect(f.fix).toContain('"poetry<2"');
    expect(f.fix).toMatch(/--no-root[^]*skips the project itself/);
  });

  test('a package directory poetry cannot find is not the readme story', async () => {
    // Poetry 1.8's `Warning:` form, geo-activity-playground (provenance in the fixtures' README)
    const findings = await analyzeLog(fixture('pip/project-file-missing/match-poetry-no-package-geoactivity.log'));
    expect(findings.map((x) => x.title)).not.toContain('Poetry 2 cannot install the project: its readme is not there');
  });
});
