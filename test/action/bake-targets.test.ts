// The action (`node dist/index.cjs`, as the runner runs it) on a real bake log with the
// `dockerfile` input naming each target's Dockerfile: annotations on each target's own file, the
// job summary grouped per target, and a warning for a target the log does not build.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHILD_HANG_MS } from '../support/hang-guard.js';

const root = join(import.meta.dirname, '..', '..');
const REAL = 'fixtures/real/buildkit-0.13-dockerd-26.1';

function runAction(inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'bkd-action-bake-'));
  const summary = join(dir, 'summary');
  const output = join(dir, 'output');
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const stdout = execFileSync(process.execPath, [join(root, 'dist/index.cjs')], {
    cwd: root,
    encoding: 'utf8',
    timeout: CHILD_HANG_MS,
    env: {
      PATH: process.env.PATH,
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      'INPUT_FAIL-ON': 'never',
      INPUT_COMMENT: 'never',
      INPUT_ANNOTATIONS: 'true',
      INPUT_SUMMARY: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: root,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
      GITHUB_EVENT_NAME: 'push',
      RUNNER_TEMP: dir,
    },
  });
  return { stdout, summary: readFileSync(summary, 'utf8') };
}

describe('the action on a bake log, one Dockerfile per target', () => {
  it('annotations on each target\'s own Dockerfile line; summary with a Target column; unknown target warned', () => {
    const { stdout, summary } = runAction({
      'log-file': `${REAL}/bake-two-targets.log`,
      dockerfile: `api=${REAL}/bake-two-targets.api.Dockerfile\ntrainer=${REAL}/bake-two-targets.trainer.Dockerfile\ndocs=docs/Dockerfile\n`,
    });
    expect(stdout).toContain(`::error title=apt package not found (apt/unable-to-locate-package),file=${REAL}/bake-two-targets.trainer.Dockerfile,line=6::`);
    expect(stdout).toContain(`::notice title=Step output clipped by BuildKit (buildkit/log-clipped),file=${REAL}/bake-two-targets.api.Dockerfile,line=4::`);
    // docs=docs/Dockerfile does not exist: a warning, the other targets still used
    expect(stdout).toMatch(/::warning::buildkit-doctor: dockerfile docs=docs\/Dockerfile: cannot read docs\/Dockerfile/);
    expect(stdout).not.toMatch(/::error::|setFailed/);
    expect(summary).toContain('| Target | Severity | Problem | Where | Fix |');
    expect(summary).toContain('Build failed in target `trainer` at `[trainer builder 4/4]');
  });

  it('a target the log does not build: a warning naming the targets there are', () => {
    const { stdout } = runAction({ 'log-file': `${REAL}/compose-two-services.log`, dockerfile: `wrker=${REAL}/compose-two-services.worker.Dockerfile` });
    expect(stdout).toContain('::warning::buildkit-doctor: dockerfile: no target "wrker" in the log (targets: web, worker); its Dockerfile is not used');
  });
});
