// conda/mamba2-cli-changed: the CLI11 "not expected" error counts only where mamba / micromamba ran.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (rel: string): string => readFileSync(path.join(fixturesRoot, rel), 'utf8');

describe('conda/mamba2-cli-changed', () => {
  test('micromamba `shell init -p` from a `latest` download: `-r`, or the 1.x download', async () => {
    const findings = await analyzeLog(fixture('conda/mamba2-cli-changed/match-micromamba-latest-shell-init-p-bakta.log'));
    expect(findings[0]!.ruleId).toBe('conda/mamba2-cli-changed');
    expect(findings[0]!.fix).toContain('./bin/micromamba shell init -s bash -r /opt/conda');
    expect(findings[0]!.fix).toContain('https://micro.mamba.pm/api/micromamba/linux-64/1.5.10');
  });

  test('`mamba init bash`: `conda init bash`, mamba 2\'s `shell init`, or the last Miniforge with mamba 1', async () => {
    const findings = await analyzeLog(fixture('conda/mamba2-cli-changed/match-mamba-init-bash-roboverse.log'));
    expect(findings[0]!.ruleId).toBe('conda/mamba2-cli-changed');
    expect(findings[0]!.fix).toContain('RUN conda init bash');
    expect(findings[0]!.fix).toContain('RUN mamba shell init --shell bash');
    expect(findings[0]!.fix).toContain('releases/download/24.11.3-2/');
  });

  test('another CLI11 program refusing an option is not mamba 2', async () => {
    // git2cpp's stderr for `git2cpp --unknown` (SandrineP/git2cpp test/test_git.py, test_error_on_unknown_option)
    const findings = await analyzeLog('The following argument was not expected: --unknown\n');
    expect(findings.map((f) => f.ruleId)).not.toContain('conda/mamba2-cli-changed');
  });
});

describe('conda/installer-pre-install-failed', () => {
  test('the retired Mambaforge installer leads, with Miniforge3 into the same prefix; the missing conda is its consequence', async () => {
    const findings = await analyzeLog(fixture('conda/installer-pre-install-failed/match-mambaforge-brownout-openwpm.log'));
    expect(findings[0]!.ruleId).toBe('conda/installer-pre-install-failed');
    expect(findings[0]!.fix).toContain('bash Miniforge3.sh -b -p /opt/mamba');
    expect(findings[0]!.fix).toContain('releases/download/24.7.1-0/Mambaforge-$(uname)-$(uname -m).sh');
    const notFound = findings.find((f) => f.ruleId === 'shell/command-not-found');
    expect(notFound?.title).toBe('Command not found: its installer stopped before installing');
  });
});

describe('conda/prefix-not-an-environment', () => {
  test('`micromamba install -p /env` into no environment: `create` with the same packages, the banner kept out', async () => {
    const findings = await analyzeLog(fixture('conda/prefix-not-an-environment/match-micromamba-install-p-env-buildkit.log'));
    expect(findings[0]!.ruleId).toBe('conda/prefix-not-an-environment');
    expect(findings[0]!.fix).toContain('RUN micromamba create -y -p /env python=3.9 pip -c defaults');
    expect(findings[0]!.evidence).toEqual(['ERROR   Expected environment not found at prefix: /env']);
  });
});
