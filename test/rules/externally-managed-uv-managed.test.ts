// pip/externally-managed: the marker of a Python that uv installed (`This Python installation is managed by uv and should not
// be modified.`, astral-sh/uv crates/uv-python/src/managed.rs) gets uv's advice, not the distribution's apt python3-venv.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (rel: string): string => readFileSync(path.join(fixturesRoot, rel), 'utf8');

describe('pip/externally-managed on a uv-managed Python', () => {
  test('replicate/cog#2945: `uv run pip install` in a RUN gets uv venv + uv pip install of the same requirements, no apt', async () => {
    const findings = await analyzeLog(fixture('pip/externally-managed/match-uv-managed-python-cog.log'));
    const f = findings[0]!;
    expect(f.ruleId).toBe('pip/externally-managed');
    expect(f.title).toBe('pip refused: uv-managed Python is externally managed (PEP 668)');
    expect(f.message).toContain('a Python that uv installed');
    expect(f.message).not.toContain('Debian 12');
    expect(f.fix).toContain('RUN uv venv /opt/venv');
    expect(f.fix).toContain('RUN uv pip install -r /tmp/requirements.txt');
    expect(f.fix).not.toContain('python3-venv` package');
    expect(f.fix).not.toContain('apt-get install');
  });

  test.each([
    // a distribution's marker (Debian 12's text; uv's own refusal of /usr): the distribution's advice stays
    'pip/externally-managed/match-debian-bookworm.log',
    'pip/externally-managed/match-uv-system-debian-paste.log',
  ])('%s keeps the distribution advice', async (rel) => {
    const findings = await analyzeLog(fixture(rel));
    const f = findings.find((x) => x.ruleId === 'pip/externally-managed')!;
    expect(f.title).not.toContain('uv-managed');
    expect(f.message).not.toContain('a Python that uv installed');
  });
});
