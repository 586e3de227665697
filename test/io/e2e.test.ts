// Every way a log arrives, end to end through the bundled CLI (`cli.cjs`, as users run it),
// its reports compared with the same code's run in this process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import type { Finding } from '../../src/rules/finding.js';
import type { Report } from '../../src/report/types.js';
import type { MultiLogReport } from '../../src/report/multi-log.js';
import { cli as inProcess } from '../cli/harness.js';
import { sarifValidator } from './helpers.js';
import { CHILD_HANG_MS } from '../support/hang-guard.js';

// The bundle built from src/ once for the run (test/support/fresh-bundle.ts; dist/ must be the same).
const CLI = path.join(inject('freshBundle'), 'cli.cjs');
const PAIRS = 'fixtures/rawjson/buildkit-0.13-dockerd-26.1';

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NO_COLOR: '1', ...env },
    timeout: CHILD_HANG_MS,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A log's JSON report by the CLI's own code run in this process (src/cli/main.ts, what the bundle
 * runs; test/project/dist-fresh checks that the bundle is that code): the reference the bundled
 * CLI's reports are compared with, made once per log rather than by one more process each time.
 */
const references = new Map<string, Promise<Report>>();
function referenceReport(file: string): Promise<Report> {
  if (!references.has(file)) {
    references.set(
      file,
      inProcess([file, '--format', 'json', '--fail-on', 'never']).then(({ code, stdout, stderr }) => {
        expect(stderr).toBe('');
        expect(code).toBe(0);
        return JSON.parse(stdout) as Report;
      }),
    );
  }
  return references.get(file)!;
}

function jsonReport(file: string): Report {
  const { code, stdout, stderr } = cli([file, '--format', 'json', '--fail-on', 'never']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as Report;
}

/**
 * Findings as two runs of one build can be compared: the step named by what it is rather than by
 * its number (BuildKit numbers vertexes in the order its printer happens to show them, which
 * differs between two runs of parallel steps), and the evidence as a set of lines (a step's stdout
 * and stderr interleave differently from one run to the next).
 */
function comparable(report: Report) {
  const label = new Map(report.steps.map((s) => [s.id, `${s.stage ?? ''} ${s.instruction}`] as const));
  return report.findings.map((f: Finding) => ({
    ...f,
    step: f.step === null ? null : (label.get(f.step) ?? `#${f.step}`),
    evidence: [...f.evidence].sort(),
  }));
}

/** The Dockerfile steps and how they ended, in a fixed order (not BuildKit's print order). */
function dockerfileSteps(report: Report) {
  return report.steps
    .filter((s) => s.index !== null)
    .map((s) => [s.stage ?? '', s.instruction, s.status])
    .sort((a, b) => (a.join('\n') < b.join('\n') ? -1 : 1));
}

describe('run: wrapping the build', () => {
  const command = `cat ${PAIRS}/run-fails.plain.log; exit 3`;

  it('keeps the build’s exit code, shows its output, then the report', () => {
    const { code, stdout } = cli(['run', '--', command]);
    expect(code).toBe(3);
    const reportAt = stdout.indexOf('ERROR: failed to solve');
    expect(reportAt).toBeGreaterThan(0);
    // The report follows the build's last line.
    expect(stdout.slice(reportAt).split('\n').length).toBeGreaterThan(2);
    expect(stdout.startsWith('#0 building with "default" instance using docker driver')).toBe(true);
  });

  it('writes a parseable JSON report on stdout with the build’s output on stderr', async () => {
    const { code, stdout, stderr } = cli(['run', '--format', 'json', '--', command]);
    expect(code).toBe(3);
    expect(stderr).toContain('#7 ERROR: process "/bin/sh -c for i in $(seq 1 14)');
    const report = JSON.parse(stdout) as Report;
    expect(report.version).toBe(1);
    expect(report).toEqual(await referenceReport(`${PAIRS}/run-fails.plain.log`));
  });

  it('writes valid SARIF for a wrapped build that failed', () => {
    const { code, stdout } = cli(['run', '--format', 'sarif', '--dockerfile', `${PAIRS}/run-fails.Dockerfile`, '--', command]);
    expect(code).toBe(3);
    expect(sarifValidator()(JSON.parse(stdout))).toEqual([]);
  });

  it('fences the build’s output under GitHub Actions', () => {
    const { stdout } = cli(['run', '--', `echo '::set-output name=pwned::1'; exit 3`], { GITHUB_ACTIONS: 'true' });
    const token = /^::stop-commands::([0-9a-f]{32})$/m.exec(stdout)?.[1];
    expect(token).toBeDefined();
    const start = stdout.indexOf(`::stop-commands::${token}`);
    const end = stdout.indexOf(`::${token}::`);
    const injected = stdout.indexOf('::set-output name=pwned::1');
    expect(start).toBeLessThan(injected);
    expect(injected).toBeLessThan(end);
  });

  it('exits by --fail-on when the build passed', () => {
    expect(cli(['run', '--', 'echo fine']).code).toBe(0);
  });
});

describe('rawjson: the same findings as the plain log of the same build', () => {
  const cases = readdirSync(PAIRS).filter((f) => f.endsWith('.rawjson')).map((f) => f.slice(0, -'.rawjson'.length));

  it('has real pairs to compare', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases)('%s', async (kase) => {
    const plain = await referenceReport(`${PAIRS}/${kase}.plain.log`);
    const raw = jsonReport(`${PAIRS}/${kase}.rawjson`);
    expect(raw.build.format).toBe('buildkit-rawjson');
    expect(dockerfileSteps(raw)).toEqual(dockerfileSteps(plain));
    expect(comparable(raw)).toEqual(comparable(plain));
  });
});

describe('many logs', () => {
  it('expands a glob of two logs: one report each and one merged summary', async () => {
    const { code, stdout } = cli([`${PAIRS}/run-*.log`, `${PAIRS}/multistage-pass.plain.log`, '--format', 'json']);
    expect(code).toBe(1); // one of them failed
    const report = JSON.parse(stdout) as MultiLogReport;
    expect(report.logs.map((l) => l.log)).toEqual([`${PAIRS}/run-fails.plain.log`, `${PAIRS}/multistage-pass.plain.log`]);
    expect(report.logs[0]!.report).toEqual(await referenceReport(`${PAIRS}/run-fails.plain.log`));
    expect(report.summary.logs.map((l) => l.verdict)).toEqual(['failed', 'passed']);
    expect(report.summary.failed).toBe(1);
  });

  it('prints each text report under its log’s name, then the summary', () => {
    const { stdout } = cli([`${PAIRS}/run-*.log`, `${PAIRS}/multistage-pass.plain.log`]);
    expect(stdout).toContain(`== ${PAIRS}/run-fails.plain.log ==`);
    expect(stdout).toContain(`== ${PAIRS}/multistage-pass.plain.log ==`);
    expect(stdout).toMatch(/Summary of 2 logs: 1 failed/);
  });

  it('writes one valid SARIF run for all of them', () => {
    const { stdout } = cli([`${PAIRS}/*.log`, '--format', 'sarif']);
    const sarif = JSON.parse(stdout) as { runs: unknown[] };
    expect(sarif.runs).toHaveLength(1);
    expect(sarifValidator()(sarif)).toEqual([]);
  });

  it('says so when a glob matches nothing', () => {
    const { code, stdout, stderr } = cli(['logs/*.nothing']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('buildkit-doctor: no file matches "logs/*.nothing"\n');
  });
});

describe('logs in other wrappers', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bkd-e2e-'));

  it('reads a gzip-compressed log as the log itself', async () => {
    const gz = path.join(tmp, 'run-fails.log.gz');
    writeFileSync(gz, gzipSync(readFileSync(`${PAIRS}/run-fails.plain.log`)));
    expect(jsonReport(gz)).toEqual(await referenceReport(`${PAIRS}/run-fails.plain.log`));
  });

  it('reads `docker buildx history logs` output: the same failed step and findings', async () => {
    const history = jsonReport('test/io/fixtures/history-logs-run-fails.log');
    const plain = await referenceReport(`${PAIRS}/run-fails.plain.log`);
    expect(history.build.failedStep).toBe(7);
    expect(dockerfileSteps(history)).toEqual(dockerfileSteps(plain));
    expect(history.findings.map((f) => [f.ruleId, f.step])).toEqual(plain.findings.map((f) => [f.ruleId, f.step]));
  });

  it('reads a downloaded GitHub Actions job log: timestamps and markers are not the build', async () => {
    const job = jsonReport('test/io/fixtures/actions-job-run-fails.log');
    const plain = await referenceReport(`${PAIRS}/run-fails.plain.log`);
    expect(job.build.failedStep).toBe(plain.build.failedStep);
    expect(dockerfileSteps(job)).toEqual(dockerfileSteps(plain));
    expect(job.findings.map((f) => [f.ruleId, f.step, f.evidence])).toEqual(plain.findings.map((f) => [f.ruleId, f.step, f.evidence]));
  });
});
