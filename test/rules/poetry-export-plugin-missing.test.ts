// pip/poetry-export-plugin-missing: the fix follows how the build installed Poetry; a mistyped command Poetry has is not it.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog, findingOf } from './support/analyze-log.js';

const dir = '../../fixtures/rules/pip/poetry-export-plugin-missing/';
const sqlmodel = readFileSync(new URL(`${dir}match-pip-unpinned-sqlmodel-boilerplate-8.log`, import.meta.url), 'utf8');
const typo = readFileSync(new URL(`${dir}nomatch-typo-env-subcommand-poetry-7700.log`, import.meta.url), 'utf8');

describe('pip/poetry-export-plugin-missing', () => {
  test('an unpinned pip install of poetry: the plugin joins the same command', async () => {
    const f = await findingOf('pip/poetry-export-plugin-missing', sqlmodel);
    expect(f.fix).toContain('RUN pip install poetry poetry-plugin-export');
    expect(f.fix).toContain('pip install "poetry<2"');
    expect(f.fix).not.toContain('pipx inject');
  });

  test('the bare line: every install method', async () => {
    const f = await findingOf('pip/poetry-export-plugin-missing', 'The command "export" does not exist.\n');
    expect(f.fix).toContain('pipx inject poetry poetry-plugin-export');
    expect(f.fix).toContain('poetry self add poetry-plugin-export');
  });

  test('near miss: a mistyped subcommand of a command Poetry has (python-poetry/poetry#7700)', async () => {
    const findings = await analyzeLog(typo);
    expect(findings.some((f) => f.ruleId === 'pip/poetry-export-plugin-missing')).toBe(false);
  });
});
