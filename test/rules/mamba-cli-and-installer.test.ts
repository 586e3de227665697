// conda/mamba2-cli-changed: the CLI11 "not expected" error counts only where mamba / micromamba ran.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';
import { mamba2CliChanged } from '../../src/rules/catalog/conda/mamba2-cli-changed.js';
import { prefixNotAnEnvironment } from '../../src/rules/catalog/conda/prefix-not-an-environment.js';

/** A context's pattern of a rule, run on one line: its groups, or null. */
function contextGroups(rule: typeof prefixNotAnEnvironment | typeof mamba2CliChanged, name: string, line: string): Record<string, string | undefined> | null {
  const c = rule.context?.find((x) => x.name === name);
  if (c?.pattern === undefined) throw new Error(`no pattern for ${name}`);
  return new RegExp(c.pattern).exec(line)?.groups ?? null;
}

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

  test('`shell init -p PREFIX` with options after the prefix: `-r` takes `-p`\'s place and the options stay', () => {
    // leap-stc/rclone-beam, Dockerfile at 6cf9753 (2024-09-24)
    const g = contextGroups(mamba2CliChanged, 'shellInitPrefix', 'RUN /usr/local/bin/micromamba shell init -p /opt/conda -s bash');
    expect(`${g?.cmd} -r ${g?.prefix}${g?.rest ?? ''}`).toBe('/usr/local/bin/micromamba shell init -r /opt/conda -s bash');
    // the prefix last, then a `&&`: nothing after it is taken
    const last = contextGroups(mamba2CliChanged, 'shellInitPrefix', 'RUN micromamba shell init -s bash -p /opt/conda && echo done');
    expect([last?.cmd, last?.prefix, last?.rest]).toEqual(['micromamba shell init -s bash', '/opt/conda', undefined]);
    const fixes = (mamba2CliChanged.variants ?? []).map((v) => v.fix ?? '').filter((f) => f.includes('{context.shellInitPrefix.cmd}'));
    expect(fixes.length).toBeGreaterThan(0);
    expect(fixes.every((f) => f.includes('{context.shellInitPrefix.cmd} -r {context.shellInitPrefix.prefix}{context.shellInitPrefix.rest|}'))).toBe(true);
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

  test('a channel-qualified spec (`conda-forge::pydot`) is kept whole: only the header\'s colon ends the command', () => {
    // aws/sagemaker-distribution, test/test_artifacts/keras.test.Dockerfile
    const g = contextGroups(prefixNotAnEnvironment, 'install', 'RUN micromamba install -y conda-forge::pydot conda-forge::graphviz');
    expect(g?.args).toBe('conda-forge::pydot conda-forge::graphviz');
    // the BuildKit header's own colon still ends it (the fixture's `> [5/8] RUN micromamba install -p /env python=3.9 pip -c defaults:`)
    const header = contextGroups(prefixNotAnEnvironment, 'install', ' > [5/8] RUN micromamba install -p /env python=3.9 pip -c defaults:');
    expect(header?.args).toBe('-p /env python=3.9 pip -c defaults');
  });
});
