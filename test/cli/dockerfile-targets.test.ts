// `--dockerfile TARGET=PATH` end to end through the bundled CLI (`dist/cli.cjs`, as users run it),
// on the real bake and compose logs; and its mistakes, each one line on stderr and exit 2.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { cli as inProcess } from './harness.js';
import { CHILD_HANG_MS } from '../support/hang-guard.js';

const CLI = path.resolve('dist/cli.cjs');
const REAL = path.resolve('fixtures/real/buildkit-0.13-dockerd-26.1');
const BAKE = path.join(REAL, 'bake-two-targets.log');
const COMPOSE = path.join(REAL, 'compose-two-services.log');
const API = path.join(REAL, 'bake-two-targets.api.Dockerfile');
const TRAINER = path.join(REAL, 'bake-two-targets.trainer.Dockerfile');

function cli(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { PATH: process.env.PATH, NO_COLOR: '1' }, timeout: CHILD_HANG_MS });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function located(report: Report) {
  const steps = new Map(report.steps.map((s) => [s.id, s] as const));
  return report.findings.map((f) => `${f.ruleId} ${f.step === null ? '-' : steps.get(f.step)?.target} ${f.location ? `${path.basename(f.location.file)}:${f.location.line}` : '-'}`);
}

describe('bake and compose logs through dist/cli.cjs', () => {
  it('TARGET=PATH twice: each finding on its own target\'s Dockerfile, JSON steps with target and platform', () => {
    const { code, stdout, stderr } = cli([BAKE, '--format', 'json', '--dockerfile', `api=${API}`, '--dockerfile', `trainer=${TRAINER}`]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Report;
    expect(located(report)).toEqual(['apt/unable-to-locate-package trainer bake-two-targets.trainer.Dockerfile:6', 'buildkit/log-clipped api bake-two-targets.api.Dockerfile:4']);
    expect(report.findings[0]!.location!.file).toBe(TRAINER);
    expect(new Set(report.steps.map((s) => s.target))).toEqual(new Set([null, 'api', 'trainer']));
    expect(report.steps.every((s) => 'platform' in s && s.platform === null)).toBe(true);
  });

  it('text: grouped per target, the failed target named in the verdict', () => {
    const { code, stdout } = cli([BAKE, '--dockerfile', `api=${API}`, '--dockerfile', `trainer=${TRAINER}`]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^✖ Build failed in target trainer at \[trainer builder 4\/4\] RUN /);
    expect(stdout.indexOf('\ntarget trainer\n')).toBeLessThan(stdout.indexOf('\ntarget api\n'));
  });

  it('no --dockerfile: the file the error block names is read from the working directory', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bkd-bake-cwd-'));
    copyFileSync(TRAINER, path.join(dir, 'trainer.Dockerfile'));
    const report = JSON.parse(cli([BAKE, '--format', 'json', '--fail-on', 'never'], dir).stdout) as Report;
    expect(located(report)).toEqual(['apt/unable-to-locate-package trainer trainer.Dockerfile:6', 'buildkit/log-clipped api -']);
    // api's step is not reproduced with trainer's Dockerfile
    expect(report.findings[1]!.reproduce).toBeUndefined();
    expect(report.findings[0]!.reproduce).toContain('-f trainer.Dockerfile');
  });

  it('a target no log builds: a warning line on stderr, the report as usual', () => {
    const { code, stdout, stderr } = cli([COMPOSE, '--format', 'json', '--dockerfile', `wrker=${API}`]);
    expect(code).toBe(1);
    expect(stderr).toBe('buildkit-doctor: warning: --dockerfile: no target "wrker" in the log (targets: web, worker); its Dockerfile is not used\n');
    expect((JSON.parse(stdout) as Report).findings[0]!.ruleId).toBe('pip/externally-managed');
  });
});

describe('--dockerfile mistakes: one line, exit 2', () => {
  it.each([
    [['--dockerfile', '=api.Dockerfile'], 'buildkit-doctor: --dockerfile "=api.Dockerfile": name the target before "=" (TARGET=PATH), or give the PATH alone\n'],
    [['--dockerfile', 'web='], 'buildkit-doctor: --dockerfile "web=": no Dockerfile path after "web=" (TARGET=PATH)\n'],
    [['--dockerfile', 'a.Dockerfile', '--dockerfile', 'b.Dockerfile'], 'buildkit-doctor: --dockerfile: one plain Dockerfile path only (got "a.Dockerfile" and "b.Dockerfile"); name the others TARGET=PATH\n'],
    [['--dockerfile', 'web=no/such/web.Dockerfile'], 'buildkit-doctor: cannot read no/such/web.Dockerfile: no such file\n'],
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await inProcess([BAKE, ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(message);
  });
});
