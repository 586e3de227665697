import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { condaSolveEnrich, dryRunOf, solveCommandIn, virtualCudaValues } from '../../src/knowledge/conda-solve.js';
import type { BuildModel } from '../../src/model/types.js';
import type { FactView } from '../../src/facts/fact-view.js';
import { analyzeLog } from '../rules/support/analyze-log.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/rules/conda/unsatisfiable/${name}`, import.meta.url), 'utf8');

function modelWith(message: string | null): BuildModel {
  return {
    format: 'buildkit-plain',
    steps: [],
    solveError: message === null ? null : { dockerfile: null, line: null, endLine: null, excerpt: [], message, exitCode: 1, step: null },
    failedStep: null,
    seconds: null,
    cacheHitRatio: null,
    lintWarnings: [],
    lines: 1,
  };
}

function factsAt(place: FactView['place']): FactView {
  return { get: () => null, value: () => null, conflicts: () => [], place, githubHosted: false };
}

describe('solveCommandIn', () => {
  test('the command that reads a spec file, up to the next shell operator', () => {
    // geocompx/docker#29 (classic builder): micromamba with the file after other options
    expect(solveCommandIn("The command '/usr/local/bin/_dockerfile_shell.sh micromamba install -y -n base -f /tmp/env.yaml &&     micromamba clean --all --yes' returned a non-zero code: 1")).toEqual({
      command: 'micromamba install -y -n base -f /tmp/env.yaml',
      file: '/tmp/env.yaml',
    });
    expect(solveCommandIn('$ conda env create -f environment_minimal.yml')).toEqual({ command: 'conda env create -f environment_minimal.yml', file: 'environment_minimal.yml' });
    expect(solveCommandIn('RUN mamba env create     --file=environment.yml && conda clean -afy')?.file).toBe('environment.yml');
  });

  test('no spec file, no command: an install of named packages, or a search', () => {
    expect(solveCommandIn('RUN conda install -y -c conda-forge numba=0.51.2')).toBeNull();
    expect(solveCommandIn("conda search -c conda-forge 'numba'")).toBeNull();
  });

  test('`--dry-run` is added once', () => {
    expect(dryRunOf('conda env create -f env.yml')).toBe('conda env create -f env.yml --dry-run');
    expect(dryRunOf('micromamba create -f env.yml --dry-run')).toBe('micromamba create -f env.yml --dry-run');
  });
});

describe('the conda-solve enricher', () => {
  test('a shell: the file and the same solve with --dry-run', () => {
    const v = condaSolveEnrich({ 'context.solveCommand': '$ conda env create -f environment_minimal.yml' }, null, modelWith(null), factsAt('host-shell'));
    expect(v).toEqual({ file: 'environment_minimal.yml', dryRun: 'conda env create -f environment_minimal.yml --dry-run' });
  });

  test('an image build: the file only (the fix is to rebuild, a RUN line is not a shell to paste into)', () => {
    const message = 'process "/bin/sh -c micromamba install -y -n base -f /tmp/env.yaml" did not complete successfully: exit code: 1';
    expect(condaSolveEnrich({}, null, modelWith(message), factsAt('image-build'))).toEqual({ file: '/tmp/env.yaml' });
  });

  test('nothing when the log shows no solve command with a spec file', () => {
    expect(condaSolveEnrich({}, null, modelWith(null), factsAt(null))).toEqual({});
  });
});

describe('conda/unsatisfiable on the real wordings', () => {
  test("libmamba's tree and libsolv's `requires … but none of the providers`: the spec, its dependency, the file", async () => {
    const [f] = await analyzeLog(fixture('match-libmamba-tree-env-file.log'));
    expect(f?.ruleId).toBe('conda/unsatisfiable');
    expect(f?.message).toContain('`numba ==0.51.2`');
    expect(f?.message).toContain('`tbb >=2020.2`');
    expect(f?.fix).toContain('Loosen the pin on `numba`');
    expect(f?.fix).toContain('environment_minimal.yml');
    expect(f?.fix).toContain('conda env create -f environment_minimal.yml --dry-run');
    // a conflict inside one package's requirements: channel priority is not the cure
    expect(f?.fix).not.toContain('channel_priority');
  });

  test('the same tree indented by four, as micromamba and mamba 1 print it under `error    libmamba …`', async () => {
    // mamba-org/mamba#3828 shows that layout; here the real mamba 2 tree above, each tree line moved right by four
    const indented = fixture('match-libmamba-tree-env-file.log').replace(/^([├└│])/gmu, '    $1');
    const [f] = await analyzeLog(indented);
    expect(f?.message).toContain('`numba ==0.51.2`');
    expect(f?.fix).toContain('Loosen the pin on `numba`');
  });

  test('near miss: packages excluded by strict priority get the priority fix, not a pin to loosen', async () => {
    const [f] = await analyzeLog(fixture('match-strict-repo-priority.log'));
    expect(f?.ruleId).toBe('conda/unsatisfiable');
    expect(f?.message).toContain('tbb, jpeg, pango');
    expect(f?.fix).toContain('conda config --set channel_priority flexible');
    expect(f?.fix).not.toContain('Loosen the pin');
  });
});

describe('the __cuda virtual package', () => {
  test('the CUDA a constraint asks for, and the first Linux driver of that release', () => {
    expect(virtualCudaValues('>=11.0')).toEqual({ cudaWanted: '11.0', driver: '450.51.05' });
    // 12.7 was never released: the first driver that reports 12.7 or more is 12.8's
    expect(virtualCudaValues('>=12.7')).toEqual({ cudaWanted: '12.7', driver: '570.26' });
    expect(virtualCudaValues('>=9.0')).toEqual({ cudaWanted: '9.0', driver: '384.81' });
    expect(virtualCudaValues('>=7.5')).toEqual({ cudaWanted: '7.5' });
    expect(virtualCudaValues(undefined)).toEqual({});
  });

  test("a driver older than the toolkit (mamba's `has constraint __cuda … conflicting with __cuda-10.2-0`)", async () => {
    const [f] = await analyzeLog(fixture('match-mamba-virtual-cuda-old-driver.log'));
    expect(f?.ruleId).toBe('conda/unsatisfiable');
    expect(f?.message).toContain('supports CUDA 10.2 only');
    expect(f?.fix).toContain('450.51.05');
    expect(f?.fix).toContain('CONDA_OVERRIDE_CUDA=11.0 mamba create -n blahhh -c pytorch -c conda-forge cudatoolkit=11.0 pytorch');
  });

  test('no driver at all: the override, with the CUDA to give it', async () => {
    const [f] = await analyzeLog(fixture('match-mamba-nothing-provides-cuda.log'));
    expect(f?.message).toContain('no `__cuda` virtual package');
    expect(f?.fix).toContain('CONDA_OVERRIDE_CUDA');
    expect(f?.fix).not.toContain('channel_priority');
  });
});

describe('conda itself in a python conflict', () => {
  test('the specs are solved into base: a separate environment, not a Python pin', async () => {
    const [f] = await analyzeLog(fixture('match-libmamba-env-update-base.log'));
    expect(f?.message).toContain("conda's base environment");
    expect(f?.fix).toContain('conda env create -n project -f');
    expect(f?.fix).not.toContain('-c conda-forge');
  });

  test('another package: the search covers the channels the log lists, not a fixed one', async () => {
    // the same real log with the conflicting package renamed, so that base is not the story
    const text = fixture('match-libmamba-env-update-base.log').replaceAll('conda-23.11.0-py311h06a4308_0', 'numba-0.58.1-py311h06a4308_0');
    const [f] = await analyzeLog(text);
    expect(f?.fix).toContain("conda search -c <channel> 'numba'");
    expect(f?.fix).toContain('pytorch-nightly, nvidia, conda-forge, defaults');
  });
});
