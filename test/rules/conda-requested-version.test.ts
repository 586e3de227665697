// conda/unsatisfiable: `nothing provides requested NAME VERSION` is a version the channels do not have, not a missing
// package; a bare name is the missing package.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';
import { unsatisfiable } from '../../src/rules/catalog/conda/unsatisfiable.js';

const fixture = (rel: string): string => readFileSync(path.join(fixturesRoot, rel), 'utf8');

function requestedVersion(line: string): Record<string, string | undefined> | null {
  const c = unsatisfiable.context?.find((x) => x.name === 'requestedVersion');
  if (c?.pattern === undefined) throw new Error('no requestedVersion pattern');
  return new RegExp(c.pattern).exec(line)?.groups ?? null;
}

describe('conda/unsatisfiable: a requested version the channels lack', () => {
  test('micromamba `mamba=0.25.1` before it was published: the version, never "no package at all"', async () => {
    const findings = await analyzeLog(fixture('conda/unsatisfiable/match-micromamba-requested-version-unpublished.log'));
    expect(findings[0]!.ruleId).toBe('conda/unsatisfiable');
    expect(findings[0]!.message).toContain('no build of `mamba` 0.25.1');
    expect(findings[0]!.message).not.toContain('at all');
    expect(findings[0]!.fix).toContain("micromamba search -c conda-forge 'mamba'");
    expect(findings[0]!.fix).not.toContain('add that channel');
  });

  test('the spec as libsolv prints it: glob stars after the version stay out of it', () => {
    // jupyterhub/repo2docker#1171
    expect(requestedVersion('  - nothing provides requested mamba 0.25.1**')).toMatchObject({ name: 'mamba', version: '0.25.1' });
  });

  test('a bare name is the missing package: the version reading stays out', async () => {
    // geocompx/docker#29
    expect(requestedVersion('  - nothing provides requested quarto')).toBeNull();
    const findings = await analyzeLog(fixture('conda/unsatisfiable/match-micromamba-nothing-provides-requested.log'));
    expect(findings[0]!.message).toContain('no package `quarto` at all');
  });

  test('a dependency of a candidate (`needed by`) is no requested spec', () => {
    // clinical-ai/omop-etl#1 (fixtures/rules/conda/unsatisfiable/match-libmamba-needed-by.log)
    expect(requestedVersion('   - nothing provides libmamba 0.23.1 h1566912_0 needed by libmambapy-0.23.1-py310hd09550d_0')).toBeNull();
  });
});
