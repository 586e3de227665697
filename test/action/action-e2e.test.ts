// The action as the runner runs it: `node dist/index.cjs` with INPUT_* variables (hyphens kept),
// the runner's files (GITHUB_STEP_SUMMARY, GITHUB_OUTPUT), a pull_request event, and the GitHub
// API at GITHUB_API_URL, here an HTTP server on 127.0.0.1 that implements the issue-comment
// endpoints. The bundle is built from src/ into a temporary directory (test/project/dist-fresh
// checks that the committed dist/ is the same build).
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SECRET_LOG_DOCKERFILE, secretLogs } from '../security/secret-formats.js';
import { fakeDocker, recordedId, recordedSession } from '../support/fake-docker.js';
import { CHILD_HANG_MS } from '../support/hang-guard.js';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'bkd-action-'));
// Built from src/ once for the run (test/support/fresh-bundle.ts).
const bundle = join(inject('freshBundle'), 'index.cjs');
const sampleLog = 'fixtures/samples/cuda-multistage-failed.log';
const sampleDockerfile = 'fixtures/samples/Dockerfile';
const passingLog = 'fixtures/real/buildkit-0.13-dockerd-26.1/multistage-pass.log';

interface Recorded {
  method: string;
  path: string;
  body: { body?: string } | null;
}

interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

/** The issue-comment endpoints of one PR, with failure modes. */
class FakeGitHub {
  requests: Recorded[] = [];
  comments: Comment[] = [];
  /** Answer 403 "Resource not accessible by integration" to writes (a fork PR's token). */
  readOnly = false;
  /** Answer 502 to this many requests first. */
  failNext = 0;
  /** The `retry-after` those 502s carry (none: the action backs off 1 s, 2 s, 4 s). */
  failRetryAfter: string | null = null;
  /** Store the next created comment, then answer 502 (GitHub failing after the write). */
  failAfterCreate = false;
  /** Answer the next create with HTTP 200 and an HTML page (a proxy answering for GitHub). */
  htmlOnCreate = false;
  private nextId = 500;
  private server: Server = createServer((req, res) => void this.handle(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    this.requests = [];
  }

  private send(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(data));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = raw ? (JSON.parse(raw) as { body?: string }) : null;
    this.requests.push({ method: req.method ?? '', path: url.pathname + url.search, body });
    if (req.headers.authorization !== 'token test-token') return this.send(res, 401, { message: 'Bad credentials' });
    if (this.failNext > 0) {
      this.failNext--;
      return this.send(res, 502, { message: 'Server Error' }, this.failRetryAfter === null ? {} : { 'retry-after': this.failRetryAfter });
    }
    const list = /^\/repos\/octo-org\/cuda-app\/issues\/12\/comments$/.test(url.pathname);
    const edit = /^\/repos\/octo-org\/cuda-app\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (req.method === 'GET' && url.pathname === '/repos/octo-org/cuda-app/pulls') {
      const found = url.searchParams.get('head') === 'fork-user:fix-arch' && url.searchParams.get('state') === 'open';
      return this.send(res, 200, found ? [{ number: 11, head: { sha: 'aaaa' } }, { number: 12, head: { sha: 'c0ffee' } }] : []);
    }
    if (req.method === 'GET' && url.pathname === '/user') return this.send(res, 403, { message: 'Resource not accessible by integration' });
    if (req.method === 'GET' && list) {
      const page = Number(url.searchParams.get('page') ?? '1');
      const perPage = Number(url.searchParams.get('per_page') ?? '30');
      return this.send(res, 200, this.comments.slice((page - 1) * perPage, page * perPage));
    }
    if (req.method === 'DELETE' && edit) {
      const before = this.comments.length;
      this.comments = this.comments.filter((x) => x.id !== Number(edit[1]));
      res.writeHead(this.comments.length < before ? 204 : 404);
      res.end();
      return;
    }
    if ((req.method === 'POST' && list) || (req.method === 'PATCH' && edit)) {
      if (this.readOnly) return this.send(res, 403, { message: 'Resource not accessible by integration' });
      if (edit) {
        const c = this.comments.find((x) => x.id === Number(edit[1]));
        if (!c) return this.send(res, 404, { message: 'Not Found' });
        c.body = body?.body ?? '';
        return this.send(res, 200, c);
      }
      if (this.htmlOnCreate) {
        this.htmlOnCreate = false;
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body>Sign in to the proxy</body></html>');
        return;
      }
      const c = { id: this.nextId++, body: body?.body ?? '', user: { login: 'github-actions[bot]', type: 'Bot' } };
      this.comments.push(c);
      if (this.failAfterCreate) {
        this.failAfterCreate = false;
        return this.send(res, 502, { message: 'Server Error' });
      }
      return this.send(res, 201, c);
    }
    return this.send(res, 404, { message: 'Not Found' });
  }
}

interface ActionRun {
  code: number | null;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
}

/** The defaults of action.yml, as the runner passes them (github-token's expression evaluated). */
function defaultInputs(): Record<string, string> {
  const action = parseYaml(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.default !== undefined) env[`INPUT_${name.toUpperCase()}`] = spec.default === '${{ github.token }}' ? 'test-token' : spec.default;
  }
  return env;
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([\w-]+)<<(\S+)$/.exec(lines[i] ?? '');
    if (!m?.[1] || !m[2]) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] ?? '');
    out[m[1]] = value.join('\n');
  }
  return out;
}

let apiUrl = '';
const github = new FakeGitHub();
let runs = 0;

async function runAction(
  inputs: Record<string, string>,
  event: { name: string; payload: unknown } = { name: 'pull_request', payload: prPayload() },
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<ActionRun> {
  const dir = join(work, `run-${++runs}`);
  execFileSync('mkdir', ['-p', join(dir, 'temp')]);
  const summaryFile = join(dir, 'step_summary');
  const outputFile = join(dir, 'output');
  const eventFile = join(dir, 'event.json');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  writeFileSync(eventFile, JSON.stringify(event.payload));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...defaultInputs(),
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: root,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: 'octo-org/cuda-app',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: apiUrl,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: join(dir, 'temp'),
    ...extraEnv,
  };
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bundle], { cwd: root, env, timeout: CHILD_HANG_MS, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      resolve({
        code: child.exitCode ?? (error ? 1 : 0),
        stdout,
        summary: readFileSync(summaryFile, 'utf8'),
        outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
      });
    });
  });
}

function prPayload() {
  return {
    action: 'synchronize',
    number: 12,
    pull_request: { number: 12, head: { repo: { full_name: 'octo-org/cuda-app' } }, base: { repo: { full_name: 'octo-org/cuda-app' } } },
    repository: { name: 'cuda-app', owner: { login: 'octo-org' } },
  };
}

const sample = { 'log-file': sampleLog, dockerfile: sampleDockerfile };
/** Requests that change something (GraphQL `viewer` is a POST that reads). */
const writes = () => github.requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql').map((r) => `${r.method} ${r.path}`);

beforeAll(async () => {
  apiUrl = await github.start();
});

afterAll(async () => {
  await github.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('the action, end to end', () => {
  it('first run: annotations, summary, outputs, and a new PR comment', async () => {
    const run = await runAction(sample);
    // fail-on: error, and the sample build failed.
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error title=[^,:]+,file=fixtures\/samples\/Dockerfile,line=12::nvcc rejected/m);
    expect(run.stdout).toMatch(/^::warning title=CUPTI headers found but libcupti.so missing \(cmake\/cupti-library-notfound\),file=fixtures\/samples\/Dockerfile,line=8::/m);
    expect(run.stdout).toMatch(/^::group::Analyse the build log$/m);
    expect(run.stdout).toMatch(/^::error::buildkit-doctor: \d+ errors?, \d+ warnings?.* \(fail-on: error\): /m);
    expect(run.stdout).not.toContain('internal error');

    expect(run.summary.split('\n')[0]).toMatch(/^### ❌ Build failed at `\[builder 7\/7\] RUN nvcc -O3 -std=c\+\+17 …` \(fixtures\/samples\/Dockerfile&#58;12\): /);
    expect(run.summary).toContain('| Severity | Problem | Where | Fix |');
    expect(run.summary).toContain('**Build:** CUDA 13.0 &#40;path&#41;');

    const report = JSON.parse(readFileSync(run.outputs['report-file'] ?? '', 'utf8')) as { findings: { severity: string }[] };
    expect(run.outputs['error-count']).toBe(String(report.findings.filter((f) => f.severity === 'error').length));
    expect(run.outputs['warning-count']).toBe(String(report.findings.filter((f) => f.severity === 'warning').length));
    expect(JSON.parse(run.outputs.findings ?? '')).toEqual(report.findings);
    // nvcc rejecting an arch happens again on every retry
    expect(run.outputs.retryable).toBe('false');
    expect(run.outputs['report-file']).toMatch(/temp\/buildkit-doctor-[^/]+\/report\.json$/);
    expect(JSON.parse(readFileSync(run.outputs['sarif-file'] ?? '', 'utf8'))).toMatchObject({ version: '2.1.0' });

    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/octo-org/cuda-app/issues/12/comments?page=1&per_page=100',
      'POST /repos/octo-org/cuda-app/issues/12/comments',
    ]);
    const body = github.requests[1]?.body?.body ?? '';
    expect(body.split('\n')[0]).toBe('<!-- buildkit-doctor:comment key=default -->');
    expect(body).toContain('### ❌ Build failed at');
    expect(body).toContain('[run](https://github.com/octo-org/cuda-app/actions/runs/4242/attempts/1)');
  });

  it('second run with the same findings: the comment is left as it is', async () => {
    github.reset();
    const run = await runAction(sample);
    expect(run.code).toBe(1);
    expect(writes()).toEqual([]);
    expect(run.stdout).toContain('pull request #12: comment unchanged (id 500)');
  });

  it('a later clean run edits the same comment to say so', async () => {
    github.reset();
    const run = await runAction({ 'log-file': passingLog });
    expect(run.code).toBe(0);
    expect(writes()).toEqual(['PATCH /repos/octo-org/cuda-app/issues/comments/500']);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).toContain('### ✅ Build passed');
    expect(github.comments[0]?.body).not.toContain('Build failed');
    expect(run.outputs['error-count']).toBe('0');
  });

  it('a second comment-key keeps a comment of its own', async () => {
    github.reset();
    await runAction({ ...sample, 'comment-key': 'arm64' });
    expect(writes()).toEqual(['POST /repos/octo-org/cuda-app/issues/12/comments']);
    expect(github.comments.map((c) => c.body.split('\n')[0])).toEqual([
      '<!-- buildkit-doctor:comment key=default -->',
      '<!-- buildkit-doctor:comment key=arm64 -->',
    ]);
  });

  it('a read-only token (403): a notice, no comment, summary and annotations still written', async () => {
    github.reset();
    github.readOnly = true;
    try {
      const run = await runAction({ ...sample, 'comment-key': 'fork', 'fail-on': 'never' });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^::notice::buildkit-doctor: cannot comment on pull request #12 \(HTTP 403: Resource not accessible by integration\)/m);
      expect(run.stdout).toMatch(/^::error title=[^,:]+,file=fixtures\/samples\/Dockerfile,line=12::/m);
      expect(run.stdout).not.toMatch(/^::warning::/m);
      expect(run.summary).toMatch(/^### ❌ Build failed at/);
      expect(writes()).toEqual(['POST /repos/octo-org/cuda-app/issues/12/comments']);
      expect(github.comments).toHaveLength(2);
    } finally {
      github.readOnly = false;
    }
  });

  it('a 502 from the API is retried', async () => {
    github.reset();
    github.failNext = 1;
    const run = await runAction({ ...sample, 'comment-key': 'flaky' });
    expect(run.stdout).toMatch(/GitHub API: 502 .*; retry 1 in 1s/);
    expect(github.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'POST']);
    expect(github.comments.at(-1)?.body.split('\n')[0]).toBe('<!-- buildkit-doctor:comment key=flaky -->');
  });

  it('an API that keeps failing: a warning, and the step result is fail-on\'s alone', async () => {
    github.reset();
    github.failNext = 100;
    // Each 502 says `retry-after: 0`, so the four attempts take no waiting; the backoff without the
    // header is the test above and test/github/retry.test.ts.
    github.failRetryAfter = '0';
    try {
      const run = await runAction({ ...sample, 'comment-key': 'down', 'fail-on': 'never' });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^::warning::buildkit-doctor: could not write the pull request comment: HTTP 502/m);
      expect(run.stdout).toMatch(/GitHub API: 502 .*; retry 3 in 0s/);
      expect(github.requests).toHaveLength(4);
    } finally {
      github.failNext = 0;
      github.failRetryAfter = null;
    }
  });

  it('a workflow_run after a fork pull request\'s build: the PR is found by its head and commented', async () => {
    github.reset();
    const payload = {
      workflow_run: { event: 'pull_request', head_branch: 'fix-arch', head_sha: 'c0ffee', head_repository: { owner: { login: 'fork-user' } }, pull_requests: [] },
      repository: { name: 'cuda-app', owner: { login: 'octo-org' } },
    };
    await runAction({ ...sample, 'comment-key': 'workflow-run', 'fail-on': 'never' }, { name: 'workflow_run', payload });
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/octo-org/cuda-app/pulls?head=fork-user%3Afix-arch&state=open&per_page=100',
      'GET /repos/octo-org/cuda-app/issues/12/comments?page=1&per_page=100',
      'POST /repos/octo-org/cuda-app/issues/12/comments',
    ]);
  });

  it('a push event: no comment and no error; a hostile log stays inert', async () => {
    github.reset();
    const hostile = join(work, 'hostile.log');
    writeFileSync(hostile, [
      '#1 [internal] load build definition from Dockerfile',
      '#1 DONE 0.0s',
      '',
      '#2 [1/2] RUN echo pwned',
      '#2 0.201 ::error::pwned',
      '#2 0.202 ::add-mask::secret',
      '#2 0.203 @octo-org/admins <img src=x onerror=alert(1)>',
      '#2 0.204 /bin/sh: 1: nvcc: not found',
      '#2 ERROR: process "/bin/sh -c nvcc --version" did not complete successfully: exit code: 127',
      '',
    ].join('\n'));
    const run = await runAction({ 'log-file': hostile, 'fail-on': 'never' }, { name: 'push', payload: { ref: 'refs/heads/main' } });
    expect(run.code).toBe(0);
    expect(github.requests).toEqual([]);
    expect(run.stdout).toContain('no pull request for the push event: no comment');
    // Any log line echoed in the job log sits between a ::stop-commands:: fence and its end.
    let fenced: string | null = null;
    for (const line of run.stdout.split('\n')) {
      const start = /^::stop-commands::([0-9a-f]{32})$/.exec(line);
      if (start) fenced = start[1] ?? null;
      else if (fenced !== null && line === `::${fenced}::`) fenced = null;
      else if (line.includes('::error::pwned') || line.includes('::add-mask::')) expect(fenced).not.toBeNull();
    }
    expect(run.summary).not.toContain('<img');
    expect(run.summary).not.toMatch(/@octo-org/);
  });

  it('run: the wrapped build shows live, fenced, its exit code fails the step, every report is written', async () => {
    github.reset();
    const run = await runAction({ run: `cat ${sampleLog}; exit 3`, dockerfile: sampleDockerfile, comment: 'never', 'fail-on': 'never' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::buildkit-doctor: the build command exited with code 3$/m);
    const lines = run.stdout.split('\n');
    const nvcc = lines.indexOf("#13 0.347 nvcc fatal   : Unsupported gpu architecture 'compute_50'");
    const start = lines.findIndex((l) => l.startsWith('::stop-commands::'));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(nvcc).toBeGreaterThan(start);
    expect(run.summary).toMatch(/^### ❌ Build failed at `\[builder 7\/7\] RUN nvcc/);
    expect(Number(run.outputs['error-count'])).toBeGreaterThan(0);
    expect(github.requests).toEqual([]);
  });

  it('if-no-log: error fails the step with one line', async () => {
    const run = await runAction({ 'log-file': 'no/such/*.log', 'if-no-log': 'error' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::buildkit-doctor: no log to analyse: no file matches "no\/such\/\*\.log"$/m);
    expect(run.outputs['error-count']).toBe('0');
  });

  it('if-no-log: warn (the default) warns and passes', async () => {
    const run = await runAction({ 'log-file': 'missing.log' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::warning::buildkit-doctor: no log to analyse: cannot read missing\.log: no such file$/m);
  });

  it('no input at all: build-ref auto reads this job\'s build records, each one log of the report', async () => {
    const bin = fakeDocker(join(work, 'docker-records'), recordedSession());
    // the pre step noted the job's start just before the three recorded builds
    const run = await runAction({}, { name: 'push', payload: {} }, { PATH: `${bin}:${process.env.PATH}`, 'STATE_job-started': '2026-12-05T10:01:48Z' });
    // two failed builds: fail-on error fails the step
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`build record ${recordedId('run-fails')} (test/engine/cases/run-fails): failed, 0.5s, 7/8 steps, 0% cached`);
    expect(run.stdout).toMatch(/^::error title=Build step failed \(buildkit\/step-failed\),file=test\/engine\/cases\/run-fails\/Dockerfile,line=4::/m);
    expect(run.stdout).toMatch(/^::error title=COPY source not found in the build context \(buildkit\/copy-source-missing\),file=test\/engine\/cases\/copy-missing\/Dockerfile,line=3::/m);
    expect(run.outputs['error-count']).toBe('2');
    expect(JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8')).logs.map((l: { log: string }) => l.log)).toEqual([
      `record ${recordedId('run-fails')} (test/engine/cases/run-fails)`,
      `record ${recordedId('copy-missing')} (test/engine/cases/copy-missing)`,
      `record ${recordedId('multistage-pass')} (test/engine/cases/multistage-pass)`,
    ]);
  });

  it("build-ref: build-push-action's metadata reads that record from the builder it names", async () => {
    const bin = fakeDocker(join(work, 'docker-builder'), recordedSession('--builder builder-1'));
    const metadata = JSON.stringify({ 'buildx.build.ref': `builder-1/builder-10/${recordedId('copy-missing')}`, 'image.name': 'app:ci' });
    const run = await runAction({ 'build-ref': metadata, 'fail-on': 'never' }, { name: 'push', payload: {} }, { PATH: `${bin}:${process.env.PATH}` });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::error title=COPY source not found in the build context \(buildkit\/copy-source-missing\),file=test\/engine\/cases\/copy-missing\/Dockerfile,line=3::/m);
    expect(run.outputs['error-count']).toBe('1');
  });

  it('build-ref with no docker: one line, then the if-no-log behaviour', async () => {
    const empty = join(work, 'no-docker');
    execFileSync('mkdir', ['-p', empty]);
    const run = await runAction({ 'build-ref': 'auto', 'if-no-log': 'error' }, { name: 'push', payload: {} }, { PATH: empty });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::buildkit-doctor: no log to analyse: no docker command on PATH: build records are read with "docker buildx history"/m);
  });

  it('an invalid input fails the step with one line naming it', async () => {
    const run = await runAction({ ...sample, 'fail-on': 'sometimes' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::buildkit-doctor: input fail-on must be one of error, warning, notice, never \(got "sometimes"\)$/m);
  });

  it('every secret format through every channel: annotations, summary, comment, outputs, report.json, SARIF', async () => {
    // Two formats to a log, each log a failed build quoting its secrets' line; 9 logs a run, so that
    // each log's error annotation fits the 9 per level the action draws.
    const workspace = join(work, 'secrets-ws');
    execFileSync('mkdir', ['-p', workspace]);
    writeFileSync(join(workspace, 'Dockerfile'), SECRET_LOG_DOCKERFILE);
    const logs = secretLogs(2);
    for (let group = 0; group * 9 < logs.length; group++) {
      const batch = logs.slice(group * 9, group * 9 + 9);
      const logDir = join(workspace, `group-${group}`);
      execFileSync('mkdir', ['-p', logDir]);
      for (const l of batch) writeFileSync(join(logDir, `${l.marker}.log`), l.log);
      github.reset();
      const run = await runAction(
        { 'log-file': join(logDir, '*.log'), dockerfile: join(workspace, 'Dockerfile'), 'comment-key': `secrets_${group}`, 'fail-on': 'never' },
        undefined,
        { GITHUB_WORKSPACE: workspace },
      );
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toMatch(/pull request #12: comment created/);
      const annotations = run.stdout.split('\n').filter((line) => /^::(error|warning|notice) /.test(line)).join('\n');
      const channels: Record<string, string> = {
        annotations,
        summary: run.summary,
        comment: github.comments.find((c) => c.body.startsWith(`<!-- buildkit-doctor:comment key=secrets_${group} -->`))?.body ?? '',
        outputs: JSON.stringify(run.outputs),
        'report.json': readFileSync(run.outputs['report-file'] ?? '', 'utf8'),
        sarif: readFileSync(run.outputs['sarif-file'] ?? '', 'utf8'),
      };
      for (const [channel, text] of Object.entries(channels)) {
        expect(batch.filter((l) => l.secrets.some((secret) => text.includes(secret))).map((l) => l.marker), `${channel} leaks`).toEqual([]);
        expect(batch.filter((l) => !text.includes(l.marker)).map((l) => l.marker), `${channel} reports every log`).toEqual([]);
      }
      // The job log too: the text report it prints quotes every line.
      expect(batch.filter((l) => l.secrets.some((secret) => run.stdout.includes(secret))).map((l) => l.marker)).toEqual([]);
    }
  });

  it('run: the wrapped command sees no INPUT_* variable and not the token', async () => {
    github.reset();
    const probe = 'env | grep -c -e "^INPUT_" -e "test-token" | sed "s/^/leaked-env-lines=/"; true';
    const run = await runAction({ run: probe, comment: 'never', 'fail-on': 'never' }, undefined, { GITHUB_TOKEN: 'test-token', GH_TOKEN: 'test-token' });
    expect(run.stdout).toMatch(/^leaked-env-lines=0$/m);
  });

  it('a log that names a workflow file or .env: no annotation on them, the summary still has the finding', async () => {
    github.reset();
    const log = join(work, 'other-file.log');
    writeFileSync(log, [
      '#1 [internal] load build definition from Dockerfile',
      '#1 DONE 0.0s',
      '#2 [1/1] RUN make',
      '#2 0.100 make: *** [all] Error 2',
      '#2 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2',
      '------',
      ' > [1/1] RUN make:',
      '------',
      '.github/workflows/ci.yml:1',
      '--------------------',
      '   1 | >>> RUN make',
      '--------------------',
      'ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2',
      '',
    ].join('\n'));
    const run = await runAction({ 'log-file': log, comment: 'never', 'fail-on': 'never' });
    expect(run.stdout).not.toMatch(/^::(error|warning|notice) [^\n]*file=\.github/m);
    expect(run.stdout).toMatch(/findings without a Dockerfile line \(summary only\)/);
    expect(run.summary).toContain('Build failed');
  });

  it('a create that GitHub stored but answered 502: listed again and adopted, one comment', async () => {
    github.reset();
    github.failAfterCreate = true;
    const run = await runAction({ ...sample, 'comment-key': 'stored', 'fail-on': 'never' });
    const ours = github.comments.filter((c) => c.body.startsWith('<!-- buildkit-doctor:comment key=stored -->'));
    expect(ours).toHaveLength(1);
    expect(writes()).toEqual(['POST /repos/octo-org/cuda-app/issues/12/comments']);
    expect(run.stdout).toMatch(/pull request #12: comment created \(id \d+\); the create had failed but GitHub had stored it/);
  });

  it('two of ours from earlier runs: one kept and edited, the other deleted; another bot\'s marker left alone', async () => {
    github.reset();
    const marker = '<!-- buildkit-doctor:comment key=dupes -->';
    const bot = { login: 'github-actions[bot]', type: 'Bot' };
    github.comments.push(
      { id: 900, body: `${marker}\nold`, user: { login: 'other-app[bot]', type: 'Bot' } },
      { id: 901, body: `${marker}\nold`, user: bot },
      { id: 902, body: `${marker}\nold`, user: bot },
    );
    const run = await runAction({ ...sample, 'comment-key': 'dupes', 'fail-on': 'never' });
    expect(writes()).toEqual(['DELETE /repos/octo-org/cuda-app/issues/comments/902', 'PATCH /repos/octo-org/cuda-app/issues/comments/901']);
    expect(run.stdout).toContain('pull request #12: comment updated (id 901); deleted 1 duplicate of it (id 902)');
    expect(github.comments.find((c) => c.id === 900)?.body).toBe(`${marker}\nold`);
  });

  it('a pull request that does not exist (404): says so, not "read-only"', async () => {
    github.reset();
    const payload = { ...prPayload(), number: 99, pull_request: { ...prPayload().pull_request, number: 99 } };
    const run = await runAction({ ...sample, 'comment-key': 'nope', 'fail-on': 'never' }, { name: 'pull_request', payload });
    expect(run.stdout).toMatch(/^::notice::buildkit-doctor: cannot comment on pull request #99 \(HTTP 404: Not Found\): no such pull request, or the token has no access to it/m);
    expect(run.stdout).not.toContain('read-only');
  });

  it('a 200 whose body is not JSON: says what happened, not "comment created"', async () => {
    github.reset();
    github.htmlOnCreate = true;
    const run = await runAction({ ...sample, 'comment-key': 'proxy', 'fail-on': 'never' });
    expect(run.stdout).toMatch(/^::warning::buildkit-doctor: could not write the pull request comment: the GitHub API answered HTTP 200 to create comment with a body that is not a JSON comment \(text\/html\)/m);
    expect(run.stdout).not.toMatch(/comment created/);
  });
});
